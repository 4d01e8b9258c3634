package org.homepulse.realtime.websocket.internal;

import java.util.concurrent.atomic.AtomicBoolean;

/** One connected WebSocket client and its state. */
final class Client {

    final long id;
    final Connection connection;
    /** Until authentication is decided; then without its Authorization header (see {@link #dropCredentials()}). */
    private volatile HandshakeInfo handshake;
    final ClientOutbox outbox;
    final Liveness liveness;

    private final AtomicBoolean closing = new AtomicBoolean();

    Client(long id, Connection connection, HandshakeInfo handshake, ClientOutbox outbox, Liveness liveness) {
        this.id = id;
        this.connection = connection;
        this.handshake = handshake;
        this.outbox = outbox;
        this.liveness = liveness;
    }

    /** @return true for the one caller that gets to close it */
    boolean markClosing() {
        return closing.compareAndSet(false, true);
    }

    boolean isClosing() {
        return closing.get();
    }

    HandshakeInfo handshake() {
        return handshake;
    }

    /** Authentication is decided: a connection that stays open for days need not keep a password in memory. */
    void dropCredentials() {
        handshake = handshake.withoutAuthorization();
    }

    @Override
    public String toString() {
        return "client #" + id + " (" + connection.describe() + ")";
    }
}
