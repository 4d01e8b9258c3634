package org.homepulse.realtime.websocket.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

public class AuthenticatorTest {

    private static final String TOKEN = "0123456789abcdef-token";

    private final FakeRealm realm = new FakeRealm(Map.of("karaf", "karaf"));
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final LoginCache cache = new LoginCache(60);

    private Authenticator authenticator(String token) {
        RealtimeSettings settings = RealtimeSettings.from(token == null ? Map.of() : Map.of("access_token", token));
        return new Authenticator(Authenticator.headerSources(), realm, cache, settings, clock::get);
    }

    private static HandshakeInfo basic(String user, String password) {
        String encoded = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new HandshakeInfo("Basic " + encoded, null, "hub:8181");
    }

    private static HandshakeInfo bearer(String token) {
        return new HandshakeInfo("Bearer " + token, null, "hub:8181");
    }

    @Test
    public void realmUsersAreAcceptedOthersAndAnonymousRefused() {
        Authenticator auth = authenticator(null);
        assertTrue(auth.authenticate(basic("karaf", "karaf")).accepted);
        assertFalse(auth.authenticate(basic("karaf", "wrong")).accepted);
        assertFalse(auth.authenticate(basic("nobody", "karaf")).accepted);
        assertFalse(auth.authenticate(HandshakeInfo.NONE).accepted);
        assertFalse(auth.authenticate(new HandshakeInfo("Basic %%%", null, null)).accepted);
    }

    @Test
    public void successfulLoginsAreCachedFailuresAreNot() {
        Authenticator auth = authenticator(null);
        for (int i = 0; i < 50; i++) {
            assertTrue(auth.authenticate(basic("karaf", "karaf")).accepted);
        }
        assertEquals("a reconnect storm asks the realm once", 1, realm.logins.get());
        for (int i = 0; i < 3; i++) {
            assertFalse(auth.authenticate(basic("karaf", "wrong")).accepted);
        }
        assertEquals(4, realm.logins.get());
        clock.addAndGet(61_000_000_000L);
        assertTrue(auth.authenticate(basic("karaf", "karaf")).accepted);
        assertEquals("after expiry the realm is asked again", 5, realm.logins.get());
    }

    @Test
    public void anUnavailableRealmRefusesWithoutLeakingCredentials() {
        realm.unavailable = true;
        assertFalse(authenticator(null).authenticate(basic("karaf", "karaf")).accepted);
    }

    @Test
    public void bearerTokenIsComparedExactly() {
        Authenticator auth = authenticator(TOKEN);
        assertTrue(auth.authenticate(bearer(TOKEN)).accepted);
        assertFalse(auth.authenticate(bearer(TOKEN + "x")).accepted);
        assertFalse(auth.authenticate(bearer(TOKEN.substring(1))).accepted);
        assertFalse(auth.authenticate(bearer(TOKEN.toUpperCase())).accepted);
        assertEquals("tokens never reach the realm", 0, realm.logins.get());
    }

    @Test
    public void bearerIsRefusedWhenNoTokenIsConfigured() {
        assertFalse(authenticator(null).authenticate(bearer("anything")).accepted);
        assertFalse(authenticator(null).authenticate(bearer("")).accepted);
    }

    @Test
    public void theFirstSourceWithCredentialsDecides() {
        CredentialSource cookie = handshake -> new Credential.Token(TOKEN);
        Authenticator cookieFirst = new Authenticator(List.of(cookie, AuthorizationHeader.BASIC), realm, cache,
                RealtimeSettings.from(Map.of("access_token", TOKEN)), clock::get);
        assertTrue("an added source needs no other change", cookieFirst.authenticate(basic("karaf", "wrong")).accepted);

        Authenticator headers = authenticator(TOKEN);
        assertFalse("a wrong Basic password is not retried as anything else",
                headers.authenticate(basic("karaf", "wrong")).accepted);
    }
}
