package org.homepulse.realtime.websocket.internal;

import java.nio.ByteBuffer;

import javax.websocket.CloseReason;
import javax.websocket.EndpointConfig;
import javax.websocket.OnClose;
import javax.websocket.OnError;
import javax.websocket.OnMessage;
import javax.websocket.OnOpen;
import javax.websocket.PongMessage;
import javax.websocket.Session;
import javax.websocket.server.ServerEndpoint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /ws/system}: one instance per connection (made by {@link HandshakeCapture}),
 * a thin adapter from container callbacks to the {@link RealtimeHub}. Callbacks run
 * on container threads and only call the hub's non-blocking entry points.
 */
@ServerEndpoint(value = SystemStatusEndpoint.PATH, configurator = HandshakeCapture.class)
public final class SystemStatusEndpoint {

    static final String PATH = "/ws/system";

    private static final Logger LOG = LoggerFactory.getLogger(SystemStatusEndpoint.class);

    private final RealtimeHub hub;
    private volatile Client client;

    /** For containers that instantiate endpoints themselves. */
    public SystemStatusEndpoint() {
        this(ActiveHub.get());
    }

    SystemStatusEndpoint(RealtimeHub hub) {
        this.hub = hub;
    }

    @OnOpen
    public void onOpen(Session session, EndpointConfig config) {
        // Taken out of the map: the captured Authorization header should not outlive its use.
        Object captured = session.getUserProperties().remove(HandshakeInfo.USER_PROPERTY);
        HandshakeInfo handshake = captured instanceof HandshakeInfo ? (HandshakeInfo) captured : HandshakeInfo.NONE;
        Connection connection = new SessionConnection(session);
        if (hub == null) {
            // The component is (re)starting: Jetty's close only queues a frame, so this does not block.
            connection.close(CloseCodes.TRY_AGAIN_LATER, CloseCodes.REASON_BUSY);
            return;
        }
        client = hub.open(connection, handshake);
    }

    @OnMessage(maxMessageSize = InboundMessages.MAX_MESSAGE_BYTES)
    public void onText(String text) {
        Client c = client;
        if (c != null) {
            hub.onText(c, text);
        }
    }

    @OnMessage(maxMessageSize = InboundMessages.MAX_MESSAGE_BYTES)
    public void onBinary(ByteBuffer data) {
        Client c = client;
        if (c != null) {
            hub.onBinary(c);
        }
    }

    @OnMessage
    public void onPong(PongMessage pong) {
        Client c = client;
        if (c != null) {
            hub.onPong(c);
        }
    }

    @OnClose
    public void onClose(Session session, CloseReason reason) {
        Client c = client;
        if (c != null) {
            hub.onClosed(c);
        }
    }

    @OnError
    public void onError(Session session, Throwable failure) {
        // Jetty reports oversized messages, resets and timeouts here, then closes; onClose follows.
        LOG.debug("WebSocket {} error: {}", client, failure.getClass().getName());
    }
}
