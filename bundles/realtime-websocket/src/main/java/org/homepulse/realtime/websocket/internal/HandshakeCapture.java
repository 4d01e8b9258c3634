package org.homepulse.realtime.websocket.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.websocket.Extension;
import javax.websocket.HandshakeResponse;
import javax.websocket.server.HandshakeRequest;
import javax.websocket.server.ServerEndpointConfig;

/**
 * Jetty's hook into the upgrade of {@code /ws/system}. It only captures the
 * headers the hub judges later: a realm login may block and must not run on a
 * container thread, and a refused client should see a WebSocket close code
 * (4401, 4403) rather than a bare HTTP error.
 *
 * <p>Jetty creates one instance of this class per endpoint and copies the
 * endpoint config (and its user properties) per upgrade, so what
 * {@link #modifyHandshake} stores is visible only to that connection's
 * {@code Session.getUserProperties()}.
 *
 * <p>Every method is overridden: the defaults look up the container's
 * configurator through {@code ServiceLoader} and the thread context class
 * loader, which OSGi does not make reliable.
 */
public final class HandshakeCapture extends ServerEndpointConfig.Configurator {

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        config.getUserProperties().put(HandshakeInfo.USER_PROPERTY, HandshakeInfo.of(request.getHeaders()));
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (endpointClass != SystemStatusEndpoint.class) {
            throw new InstantiationException("not an endpoint of this bundle: " + endpointClass.getName());
        }
        return endpointClass.cast(new SystemStatusEndpoint());
    }

    /** Always true here: the hub checks the Origin after the upgrade and closes with 4403. */
    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return true;
    }

    /** The endpoint speaks no subprotocol. */
    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        return "";
    }

    /** Whatever the client asked for and the container has (e.g. permessage-deflate), as Jetty's default does. */
    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        Set<String> available = new HashSet<>();
        for (Extension extension : installed) {
            available.add(extension.getName());
        }
        List<Extension> negotiated = new ArrayList<>();
        for (Extension extension : requested) {
            if (available.contains(extension.getName())) {
                negotiated.add(extension);
            }
        }
        return negotiated;
    }
}
