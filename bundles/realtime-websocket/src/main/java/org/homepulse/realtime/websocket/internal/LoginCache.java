package org.homepulse.realtime.websocket.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers successful realm logins for a short while, so that a reconnect storm
 * (every dashboard reconnecting after a network blip) does not hammer the realm.
 * Keys are salted SHA-256 digests of realm, user and password: no password is
 * kept, and the per-instance random salt makes a leaked key useless for guessing.
 * Failures are not remembered, so a corrected password works at once; a password
 * removed from the realm stays usable for at most the cache time.
 */
final class LoginCache {

    /** Bounds memory whatever the number of distinct users. */
    static final int MAX_ENTRIES = 256;

    private final long ttlNanos;
    private final byte[] salt = new byte[32];
    /** Key: digest; value: expiry on the {@code System.nanoTime} scale. In insertion order, oldest first. */
    private final Map<String, Long> entries = new LinkedHashMap<>();

    LoginCache(long ttlSeconds) {
        this.ttlNanos = ttlSeconds * 1_000_000_000L;
        new SecureRandom().nextBytes(salt);
    }

    boolean enabled() {
        return ttlNanos > 0;
    }

    synchronized boolean isFresh(String realm, String user, String password, long nowNanos) {
        if (!enabled()) {
            return false;
        }
        String key = key(realm, user, password);
        Long expiry = entries.get(key);
        if (expiry == null) {
            return false;
        }
        if (nowNanos - expiry >= 0) {
            entries.remove(key);
            return false;
        }
        return true;
    }

    synchronized void remember(String realm, String user, String password, long nowNanos) {
        if (!enabled()) {
            return;
        }
        String key = key(realm, user, password);
        entries.remove(key); // re-insert at the young end
        entries.put(key, nowNanos + ttlNanos);
        entries.values().removeIf(expiry -> nowNanos - expiry >= 0);
        while (entries.size() > MAX_ENTRIES) {
            entries.remove(entries.keySet().iterator().next());
        }
    }

    synchronized int size() {
        return entries.size();
    }

    /** Length-prefixed parts, so that ("ab","c") and ("a","bc") never collide. */
    String key(String realm, String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            for (String part : new String[] { realm, user, password }) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(bytes);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
