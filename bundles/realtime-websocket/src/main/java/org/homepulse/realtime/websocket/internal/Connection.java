package org.homepulse.realtime.websocket.internal;

import java.util.function.Consumer;

/**
 * The few things the hub does with one WebSocket, kept apart from the container's
 * {@code Session} so the policies above it can be tested with a fake.
 */
interface Connection {

    /**
     * Queues a text message without blocking. {@code done} is called exactly once,
     * with {@code null} on success or the failure, on any thread, possibly before
     * this method returns.
     */
    void sendText(String text, Consumer<Throwable> done);

    /** Queues a protocol-level ping without blocking; the peer answers with a pong frame. */
    void sendPing() throws Exception;

    /** Closes with a close frame. May block: never call it on a container thread or under a lock. */
    void close(int code, String reason);

    /** Who is at the other end, for log lines (remote address); never a credential. */
    String describe();
}
