package org.homepulse.realtime.websocket.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import javax.websocket.Extension;
import javax.websocket.server.HandshakeRequest;
import javax.websocket.server.ServerEndpointConfig;

import org.junit.Test;

public class HandshakeCaptureTest {

    private final HandshakeCapture capture = new HandshakeCapture();

    private static HandshakeRequest request(Map<String, List<String>> headers) {
        return new HandshakeRequest() {
            @Override
            public Map<String, List<String>> getHeaders() {
                return headers;
            }

            @Override
            public Principal getUserPrincipal() {
                return null;
            }

            @Override
            public URI getRequestURI() {
                return URI.create("/ws/system");
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public Object getHttpSession() {
                return null;
            }

            @Override
            public Map<String, List<String>> getParameterMap() {
                return Map.of();
            }

            @Override
            public String getQueryString() {
                return null;
            }
        };
    }

    /** Jetty copies the endpoint config per upgrade; so does this. */
    private static ServerEndpointConfig perUpgradeCopy() {
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(SystemStatusEndpoint.class, "/ws/system")
                .configurator(new HandshakeCapture()).build();
        return config;
    }

    @Test
    public void eachUpgradeKeepsItsOwnHeaders() {
        ServerEndpointConfig first = perUpgradeCopy();
        ServerEndpointConfig second = perUpgradeCopy();
        capture.modifyHandshake(first, request(Map.of("Authorization", List.of("Bearer one"), "Host",
                List.of("hub:8181"))), null);
        capture.modifyHandshake(second, request(Map.of("origin", List.of("http://hub:8181"))), null);

        HandshakeInfo one = (HandshakeInfo) first.getUserProperties().get(HandshakeInfo.USER_PROPERTY);
        HandshakeInfo two = (HandshakeInfo) second.getUserProperties().get(HandshakeInfo.USER_PROPERTY);
        assertEquals("Bearer one", one.authorization());
        assertEquals("hub:8181", one.host());
        assertEquals(null, two.authorization());
        assertEquals("http://hub:8181", two.origin());
    }

    @Test
    public void everyDecisionIsOursSoNoContainerLookupIsNeeded() throws Exception {
        // Without a container on the class path the inherited defaults would throw "Cannot load platform configurator".
        assertTrue(capture.checkOrigin("http://evil.example"));
        assertEquals("", capture.getNegotiatedSubprotocol(List.of(), List.of("chat")));
        Extension deflate = extension("permessage-deflate");
        assertEquals(List.of(deflate), capture.getNegotiatedExtensions(List.of(extension("permessage-deflate")),
                List.of(deflate, extension("x-unknown"))));
        SystemStatusEndpoint a = capture.getEndpointInstance(SystemStatusEndpoint.class);
        SystemStatusEndpoint b = capture.getEndpointInstance(SystemStatusEndpoint.class);
        assertNotSame("one endpoint per connection", a, b);
    }

    @Test(expected = InstantiationException.class)
    public void onlyOurEndpointIsMade() throws Exception {
        capture.getEndpointInstance(Object.class);
    }

    private static Extension extension(String name) {
        return new Extension() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public List<Parameter> getParameters() {
                return List.of();
            }
        };
    }
}
