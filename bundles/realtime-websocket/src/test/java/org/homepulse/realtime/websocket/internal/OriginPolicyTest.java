package org.homepulse.realtime.websocket.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Set;

import org.junit.Test;

public class OriginPolicyTest {

    private final OriginPolicy none = new OriginPolicy(Set.of());

    @Test
    public void scriptsWithoutOriginAreAllowed() {
        assertTrue(none.allows(null, "hub:8181"));
        assertTrue(none.allows("", "hub:8181"));
    }

    @Test
    public void sameOriginIsAllowedWithDefaultPortsFilledIn() {
        assertTrue(none.allows("http://hub:8181", "hub:8181"));
        assertTrue(none.allows("http://HUB.local:8181", "hub.local:8181"));
        assertTrue(none.allows("http://hub", "hub"));
        assertTrue(none.allows("http://hub:80", "hub"));
        assertTrue(none.allows("https://hub", "hub:443"));
        // Host omits the default port of the scheme the request used, which the origin's scheme tells
        assertTrue(none.allows("https://hub", "hub"));
        assertFalse(none.allows("https://hub", "hub:80"));
        assertTrue(none.allows("http://[::1]:8181", "[::1]:8181"));
        assertTrue(none.allows("http://127.0.0.1:8181", "127.0.0.1:8181"));
    }

    @Test
    public void otherOriginsAreRefused() {
        assertFalse(none.allows("http://evil.example:8181", "hub:8181"));
        assertFalse(none.allows("http://hub:8080", "hub:8181"));
        assertFalse(none.allows("null", "hub:8181"));
        assertFalse(none.allows("file://", "hub:8181"));
        assertFalse(none.allows("http://hub:8181", null));
        assertFalse(none.allows("http://user@hub:8181", "hub:8181"));
        assertFalse(none.allows("http://hub:8181/path", "hub:8181"));
        assertFalse(none.allows("chrome-extension://abc", "hub:8181"));
    }

    @Test
    public void configuredOriginsAreAllowed() {
        OriginPolicy policy = new OriginPolicy(Set.of(OriginPolicy.normalise("https://dash.example/"),
                OriginPolicy.normalise("http://192.168.1.10:8181")));
        assertTrue(policy.allows("https://dash.example", "hub:8181"));
        assertTrue(policy.allows("https://DASH.example:443", "hub:8181"));
        assertTrue(policy.allows("http://192.168.1.10:8181", "other:1"));
        assertFalse(policy.allows("http://dash.example", "hub:8181"));
        assertFalse(policy.allows("https://dash.example.evil", "hub:8181"));
    }

    @Test
    public void normalisedFormIsExplicit() {
        assertEquals("https://hub:443", OriginPolicy.normalise(" HTTPS://Hub "));
        assertEquals("http://hub:8181", OriginPolicy.normalise("http://hub:8181/"));
        assertNull(OriginPolicy.normalise("hub:8181"));
        assertNull(OriginPolicy.normalise("ws://hub:8181"));
        assertNull(OriginPolicy.normalise("http://"));
        assertNull(OriginPolicy.normalise("http://hub:notaport"));
    }
}
