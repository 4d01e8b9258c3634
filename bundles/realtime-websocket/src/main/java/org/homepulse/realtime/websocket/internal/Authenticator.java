package org.homepulse.realtime.websocket.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether an upgrade request carries valid credentials. The sources are
 * asked in order and the first one that finds something decides: a wrong Basic
 * password is never retried as something else. Blocking (a realm login may be
 * slow): run it off Jetty's threads.
 *
 * <p>To add a browser login later, add a {@link CredentialSource} that reads the
 * cookie and a {@link Credential} kind with its check here; nothing else changes.
 */
final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    /** The outcome; {@code who} is for log lines and names no secret. */
    static final class Result {
        static final Result DENIED = new Result(false, null);

        final boolean accepted;
        final String who;

        private Result(boolean accepted, String who) {
            this.accepted = accepted;
            this.who = who;
        }

        static Result acceptedAs(String who) {
            return new Result(true, who);
        }
    }

    private final List<CredentialSource> sources;
    private final RealmLogin realmLogin;
    private final LoginCache cache;
    private final String realm;
    /** SHA-256 of the bearer secret, or null when bearer is disabled. */
    private final byte[] tokenDigest;
    private final LongSupplier clock;

    Authenticator(List<CredentialSource> sources, RealmLogin realmLogin, LoginCache cache, RealtimeSettings settings,
            LongSupplier clock) {
        this.sources = List.copyOf(sources);
        this.realmLogin = realmLogin;
        this.cache = cache;
        this.realm = settings.realm;
        this.tokenDigest = settings.bearerEnabled() ? sha256(settings.accessToken) : null;
        this.clock = clock;
    }

    /** The standard set of sources for script clients: Basic, then Bearer. */
    static List<CredentialSource> headerSources() {
        return List.of(AuthorizationHeader.BASIC, AuthorizationHeader.BEARER);
    }

    Result authenticate(HandshakeInfo handshake) {
        for (CredentialSource source : sources) {
            Credential credential = source.find(handshake);
            if (credential != null) {
                return check(credential);
            }
        }
        return Result.DENIED; // anonymous
    }

    private Result check(Credential credential) {
        if (credential instanceof Credential.UserPassword) {
            return checkUser((Credential.UserPassword) credential);
        }
        if (credential instanceof Credential.Token) {
            return checkToken((Credential.Token) credential);
        }
        return Result.DENIED;
    }

    private Result checkUser(Credential.UserPassword credential) {
        long now = clock.getAsLong();
        if (cache.isFresh(realm, credential.user, credential.password, now)) {
            return Result.acceptedAs("user '" + credential.user + "'");
        }
        try {
            if (realmLogin.login(realm, credential.user, credential.password)) {
                cache.remember(realm, credential.user, credential.password, now);
                return Result.acceptedAs("user '" + credential.user + "'");
            }
        } catch (RealmLogin.RealmUnavailableException e) {
            LOG.warn("Could not check a WebSocket login: {}", e.getMessage());
        }
        return Result.DENIED;
    }

    private Result checkToken(Credential.Token credential) {
        if (tokenDigest == null) {
            return Result.DENIED; // bearer disabled
        }
        // Digests of equal length compared in constant time: neither content nor length leaks.
        return MessageDigest.isEqual(tokenDigest, sha256(credential.token)) ? Result.acceptedAs("access token")
                : Result.DENIED;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
