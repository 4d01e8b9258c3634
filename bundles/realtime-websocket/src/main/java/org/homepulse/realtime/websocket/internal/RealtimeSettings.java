package org.homepulse.realtime.websocket.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The values of PID {@code org.homepulse.realtime}. An invalid value is logged
 * (naming the key, never the value of a secret) and its default kept, so a typo
 * never leaves the hub without its WebSocket.
 */
final class RealtimeSettings {

    static final String PID = "org.homepulse.realtime";

    static final String REALM = "realm";
    static final String ACCESS_TOKEN = "access_token";
    static final String ALLOWED_ORIGINS = "allowed_origins";
    static final String PING_INTERVAL = "ping_interval_seconds";
    static final String PONG_TIMEOUT = "pong_timeout_seconds";
    static final String LOGIN_CACHE = "login_cache_seconds";

    static final RealtimeSettings DEFAULTS = new RealtimeSettings("karaf", "", Collections.emptySet(), 30, 10, 60);

    /** Shorter tokens are accepted but reported: they are guessable. */
    static final int RECOMMENDED_TOKEN_LENGTH = 16;

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeSettings.class);

    /** The Karaf JAAS realm whose users may connect. */
    final String realm;
    /** Bearer secret; empty disables bearer authentication. Never logged. */
    final String accessToken;
    /** Normalised origins ({@link OriginPolicy#normalise}) allowed besides the hub's own. */
    final Set<String> allowedOrigins;
    final long pingIntervalSeconds;
    final long pongTimeoutSeconds;
    /** How long a successful realm login is remembered; 0 disables the cache. */
    final long loginCacheSeconds;

    RealtimeSettings(String realm, String accessToken, Set<String> allowedOrigins, long pingIntervalSeconds,
            long pongTimeoutSeconds, long loginCacheSeconds) {
        this.realm = realm;
        this.accessToken = accessToken;
        this.allowedOrigins = Collections.unmodifiableSet(new LinkedHashSet<>(allowedOrigins));
        this.pingIntervalSeconds = pingIntervalSeconds;
        this.pongTimeoutSeconds = pongTimeoutSeconds;
        this.loginCacheSeconds = loginCacheSeconds;
    }

    static RealtimeSettings from(Map<String, ?> properties) {
        String realm = readRealm(properties);
        String token = readToken(properties);
        return new RealtimeSettings(realm, token, readOrigins(properties),
                readLong(properties, PING_INTERVAL, DEFAULTS.pingIntervalSeconds, 1, 3600),
                readLong(properties, PONG_TIMEOUT, DEFAULTS.pongTimeoutSeconds, 1, 600),
                readLong(properties, LOGIN_CACHE, DEFAULTS.loginCacheSeconds, 0, 3600));
    }

    boolean bearerEnabled() {
        return !accessToken.isEmpty();
    }

    /** True when a change between the two needs every client to authenticate again. */
    boolean authenticationDiffers(RealtimeSettings other) {
        return !realm.equals(other.realm) || !accessToken.equals(other.accessToken)
                || !allowedOrigins.equals(other.allowedOrigins);
    }

    private static String readRealm(Map<String, ?> properties) {
        String raw = single(properties.get(REALM));
        if (raw == null || raw.isBlank()) {
            return DEFAULTS.realm;
        }
        String realm = raw.trim();
        if (!visibleAscii(realm)) {
            LOG.error("{}: {} = '{}' is not a realm name (printable characters, no spaces); using '{}'", PID, REALM,
                    realm, DEFAULTS.realm);
            return DEFAULTS.realm;
        }
        return realm;
    }

    /** Printable ASCII, no spaces: what survives an HTTP header and a JAAS realm name. */
    private static boolean visibleAscii(String s) {
        return s.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    private static String readToken(Map<String, ?> properties) {
        Object rawValue = properties.get(ACCESS_TOKEN);
        String raw = single(rawValue);
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String token = raw.trim();
        // A token travels in an HTTP header: only visible ASCII survives that trip intact.
        if (!visibleAscii(token)) {
            LOG.error("{}: {} contains spaces or characters that cannot travel in an HTTP header; "
                    + "bearer authentication is disabled until it is fixed", PID, ACCESS_TOKEN);
            return "";
        }
        if (token.length() < RECOMMENDED_TOKEN_LENGTH) {
            LOG.warn("{}: {} is shorter than {} characters and easy to guess; consider a longer one", PID,
                    ACCESS_TOKEN, RECOMMENDED_TOKEN_LENGTH);
        }
        return token;
    }

    private static Set<String> readOrigins(Map<String, ?> properties) {
        Set<String> origins = new LinkedHashSet<>();
        for (String entry : list(properties.get(ALLOWED_ORIGINS))) {
            String normalised = OriginPolicy.normalise(entry);
            if (normalised == null) {
                LOG.error("{}: {} entry '{}' is not an origin like https://hub.example:8443; ignored", PID,
                        ALLOWED_ORIGINS, entry);
            } else {
                origins.add(normalised);
            }
        }
        return origins;
    }

    private static long readLong(Map<String, ?> properties, String key, long fallback, long min, long max) {
        String raw = single(properties.get(key));
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the allowed range
        }
        LOG.error("{}: {} = '{}' is not a whole number from {} to {}; using {}", PID, key, raw, min, max, fallback);
        return fallback;
    }

    /** A scalar value as text; ConfigAdmin may hand over a String, a number or a one-element array. */
    private static String single(Object raw) {
        if (raw == null) {
            return null;
        }
        List<String> values = list(raw);
        return values.isEmpty() ? "" : String.join(",", values);
    }

    /** Comma-separated text, an array or a collection, as trimmed non-empty strings. */
    private static List<String> list(Object raw) {
        List<String> values = new ArrayList<>();
        if (raw == null) {
            return values;
        }
        if (raw instanceof Collection) {
            for (Object item : (Collection<?>) raw) {
                addSplit(values, item);
            }
        } else if (raw.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(raw); i++) {
                addSplit(values, Array.get(raw, i));
            }
        } else {
            addSplit(values, raw);
        }
        return values;
    }

    private static void addSplit(List<String> values, Object item) {
        if (item == null) {
            return;
        }
        for (String part : item.toString().split(",")) {
            if (!part.isBlank()) {
                values.add(part.trim());
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RealtimeSettings)) {
            return false;
        }
        RealtimeSettings that = (RealtimeSettings) o;
        return realm.equals(that.realm) && accessToken.equals(that.accessToken)
                && allowedOrigins.equals(that.allowedOrigins) && pingIntervalSeconds == that.pingIntervalSeconds
                && pongTimeoutSeconds == that.pongTimeoutSeconds && loginCacheSeconds == that.loginCacheSeconds;
    }

    @Override
    public int hashCode() {
        return Objects.hash(realm, allowedOrigins, pingIntervalSeconds, pongTimeoutSeconds, loginCacheSeconds);
    }

    /** Safe to log: the token shows only whether it is set. */
    @Override
    public String toString() {
        return REALM + "=" + realm + ", " + ACCESS_TOKEN + "=" + (bearerEnabled() ? "(set)" : "(not set)") + ", "
                + ALLOWED_ORIGINS + "=" + allowedOrigins + ", " + PING_INTERVAL + "=" + pingIntervalSeconds + ", "
                + PONG_TIMEOUT + "=" + pongTimeoutSeconds + ", " + LOGIN_CACHE + "=" + loginCacheSeconds;
    }
}
