package org.homepulse.realtime.websocket.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class AuthorizationHeaderTest {

    private static HandshakeInfo withAuthorization(String value) {
        return new HandshakeInfo(value, null, "localhost:8181");
    }

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void basicGivesUserAndPasswordAndKeepsColonsInThePassword() {
        Credential found = AuthorizationHeader.BASIC.find(withAuthorization(basic("karaf:pa:ss wörd")));
        assertTrue(found instanceof Credential.UserPassword);
        assertEquals("karaf", ((Credential.UserPassword) found).user);
        assertEquals("pa:ss wörd", ((Credential.UserPassword) found).password);
    }

    @Test
    public void schemeIsCaseInsensitiveAndSurroundingSpaceIgnored() {
        Credential found = AuthorizationHeader.BASIC.find(withAuthorization("  bAsIc   " +
                Base64.getEncoder().encodeToString("u:p".getBytes(StandardCharsets.UTF_8)) + " "));
        assertEquals("u", ((Credential.UserPassword) found).user);
    }

    @Test
    public void malformedBasicIsReportedNotSkipped() {
        assertSame(Credential.MALFORMED, AuthorizationHeader.BASIC.find(withAuthorization("Basic !!!not-base64")));
        assertSame(Credential.MALFORMED, AuthorizationHeader.BASIC.find(withAuthorization(basic("no-colon"))));
        assertSame(Credential.MALFORMED, AuthorizationHeader.BASIC.find(withAuthorization(basic(":password-only"))));
        assertSame(Credential.MALFORMED, AuthorizationHeader.BASIC.find(withAuthorization("Basic")));
    }

    @Test
    public void bearerGivesTheToken() {
        Credential found = AuthorizationHeader.BEARER.find(withAuthorization("Bearer abc.DEF-123"));
        assertTrue(found instanceof Credential.Token);
        assertEquals("abc.DEF-123", ((Credential.Token) found).token);
        assertSame(Credential.MALFORMED, AuthorizationHeader.BEARER.find(withAuthorization("Bearer ")));
        assertSame(Credential.MALFORMED, AuthorizationHeader.BEARER.find(withAuthorization("Bearer a b")));
    }

    @Test
    public void eachSourceIgnoresTheOtherSchemesAndMissingHeaders() {
        assertNull(AuthorizationHeader.BASIC.find(withAuthorization("Bearer abc")));
        assertNull(AuthorizationHeader.BEARER.find(withAuthorization(basic("u:p"))));
        assertNull(AuthorizationHeader.BASIC.find(withAuthorization("Digest username=\"u\"")));
        assertNull(AuthorizationHeader.BASIC.find(withAuthorization("Basicabc")));
        assertNull(AuthorizationHeader.BASIC.find(withAuthorization(null)));
        assertNull(AuthorizationHeader.BEARER.find(HandshakeInfo.NONE));
    }

    @Test
    public void handshakeHeadersAreFoundWhateverTheirCase() {
        HandshakeInfo info = HandshakeInfo.of(Map.of("authorization", List.of("Bearer t"), "ORIGIN",
                List.of("http://a:1"), "Host", List.of("a:1", "b:2")));
        assertEquals("Bearer t", info.authorization());
        assertEquals("http://a:1", info.origin());
        assertEquals("a:1", info.host());
        assertTrue("credentials never in toString", !info.toString().contains("Bearer t"));
        assertTrue(!new Credential.UserPassword("u", "secret").toString().contains("secret"));
    }
}
