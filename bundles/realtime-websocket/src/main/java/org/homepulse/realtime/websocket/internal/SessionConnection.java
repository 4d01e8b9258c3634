package org.homepulse.realtime.websocket.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

import javax.websocket.CloseReason;
import javax.websocket.Session;

/**
 * {@link Connection} over a container session, using only the asynchronous remote:
 * in Jetty 9.4 a blocking send concurrent with another throws "Blocking message
 * pending", and an asynchronous text send or a ping only queues a frame.
 */
final class SessionConnection implements Connection {

    /**
     * After we close, a peer that never completes the closing handshake (or whose
     * socket no longer drains) is dropped by the container's idle timeout.
     */
    static final long CLOSE_GRACE_MS = 5000;

    /** Jetty 9.4 puts the peer address here (not standard, so optional). */
    private static final String REMOTE_ADDRESS = "javax.websocket.endpoint.remoteAddress";

    private static final byte[] PING_PAYLOAD = { 'h', 'p' };

    private final Session session;
    private final String description;

    SessionConnection(Session session) {
        this.session = session;
        Object remote = session.getUserProperties().get(REMOTE_ADDRESS);
        this.description = remote != null ? remote.toString() : "session " + session.getId();
    }

    @Override
    public void sendText(String text, Consumer<Throwable> done) {
        session.getAsyncRemote().sendText(text, result -> {
            if (result.isOK()) {
                done.accept(null);
            } else {
                Throwable failure = result.getException();
                done.accept(failure != null ? failure : new IOException("send failed"));
            }
        });
    }

    @Override
    public void sendPing() throws IOException {
        session.getAsyncRemote().sendPing(ByteBuffer.wrap(PING_PAYLOAD.clone()));
    }

    @Override
    public void close(int code, String reason) {
        try {
            session.setMaxIdleTimeout(CLOSE_GRACE_MS);
        } catch (RuntimeException e) {
            // already closed
        }
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
            }
        } catch (IOException | RuntimeException e) {
            // closed meanwhile, or the socket is gone: nothing left to release
        }
    }

    @Override
    public String describe() {
        return description;
    }
}
