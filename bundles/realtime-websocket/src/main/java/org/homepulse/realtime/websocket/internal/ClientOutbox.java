package org.homepulse.realtime.websocket.internal;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.homepulse.status.snapshot.SystemStatus;

/**
 * The send policy of one client: at most one message in flight, and behind it at
 * most the latest undelivered snapshot plus a few short replies.
 *
 * <p>Jetty queues asynchronous sends without bound, so a client that reads slowly
 * (or not at all) would otherwise grow memory with every published snapshot and,
 * with blocking sends, stall everybody else. Because every snapshot is complete,
 * an undelivered one can simply be replaced by a newer one; an older sequence is
 * never sent after a newer one.
 *
 * <p>Until {@link #release()} (authentication still running) everything is held,
 * so that the first message a client sees is its snapshot. The connection is
 * never called while the lock is held: a send may complete on the calling thread.
 */
final class ClientOutbox {

    /** Replies beyond this are dropped: a client that floods pings without reading gets no unbounded queue. */
    static final int MAX_PENDING_REPLIES = 8;

    private final Connection connection;
    private final Consumer<Throwable> onFailure;

    private boolean held = true;
    private boolean closed;
    private boolean sending;
    private boolean sentAny;
    private long newestSequence = Long.MIN_VALUE;
    private SystemStatus pendingSnapshot;
    private final ArrayDeque<String> pendingReplies = new ArrayDeque<>();

    /** @param onFailure told of every failed send (the caller usually closes the client); not called under the lock */
    ClientOutbox(Connection connection, Consumer<Throwable> onFailure) {
        this.connection = connection;
        this.onFailure = onFailure;
    }

    /** Queues a snapshot unless a newer or equal one was already accepted. Never blocks. */
    void offer(SystemStatus status) {
        synchronized (this) {
            if (closed || status.sequence() <= newestSequence) {
                return;
            }
            newestSequence = status.sequence();
            pendingSnapshot = status; // replaces an undelivered older one
        }
        pump();
    }

    /** Queues a short reply (pong, error). Never blocks. */
    void reply(String json) {
        synchronized (this) {
            if (closed || pendingReplies.size() >= MAX_PENDING_REPLIES) {
                return;
            }
            pendingReplies.add(json);
        }
        pump();
    }

    /** Authentication succeeded: start sending, the snapshot first. */
    void release() {
        synchronized (this) {
            held = false;
        }
        pump();
    }

    /** Drops everything pending and sends nothing more. */
    void close() {
        synchronized (this) {
            closed = true;
            pendingSnapshot = null;
            pendingReplies.clear();
        }
    }

    /** Messages waiting behind the one in flight (for tests and diagnostics). */
    synchronized int pendingCount() {
        return (pendingSnapshot == null ? 0 : 1) + pendingReplies.size();
    }

    /** The newest snapshot this client was handed, sent or not (for tests and diagnostics). */
    synchronized long newestSequence() {
        return newestSequence;
    }

    synchronized boolean isSending() {
        return sending;
    }

    private void pump() {
        String next;
        synchronized (this) {
            if (sending) {
                return; // the completion of the message in flight sends the next one
            }
            next = takeNextLocked();
            if (next == null) {
                return;
            }
            sending = true;
        }
        transmit(next);
    }

    /**
     * Sends {@code first} and whatever follows it. A send that completes on this
     * thread (Jetty does so when the socket takes the frame at once) is continued
     * by this loop rather than by recursion, so the stack stays flat however long
     * the run of messages.
     */
    private void transmit(String first) {
        String text = first;
        while (text != null) {
            Send send = new Send();
            try {
                connection.sendText(text, failure -> send.completed(failure));
            } catch (RuntimeException e) {
                send.completed(e); // a send that throws must not leave "sending" set forever
            }
            text = send.callReturned() ? null : nextOrIdle();
        }
    }

    /** One send: learns whether its completion came during the call or after it returned. */
    private final class Send {
        private static final int CALLING = 0;
        private static final int COMPLETED_DURING_CALL = 1;
        private static final int RETURNED = 2;

        private final AtomicInteger state = new AtomicInteger(CALLING);
        private final AtomicBoolean finished = new AtomicBoolean();

        void completed(Throwable failure) {
            if (!finished.compareAndSet(false, true)) {
                return; // a container that both calls back and throws counts once
            }
            if (failure != null) {
                onFailure.accept(failure);
            }
            if (!state.compareAndSet(CALLING, COMPLETED_DURING_CALL)) {
                // completed later, on another thread: continue from here
                String next = nextOrIdle();
                if (next != null) {
                    transmit(next);
                }
            }
        }

        /** @return true if the completion is still to come (it will continue the run) */
        boolean callReturned() {
            return state.compareAndSet(CALLING, RETURNED);
        }
    }

    private String nextOrIdle() {
        synchronized (this) {
            String next = takeNextLocked();
            if (next == null) {
                sending = false;
            }
            return next;
        }
    }

    /** The next message, or null. The snapshot goes first once, then replies before newer snapshots. */
    private String takeNextLocked() {
        if (closed || held) {
            return null;
        }
        String next = null;
        if (!pendingReplies.isEmpty() && (sentAny || pendingSnapshot == null)) {
            next = pendingReplies.poll();
        } else if (pendingSnapshot != null) {
            next = pendingSnapshot.json();
            pendingSnapshot = null;
        }
        if (next != null) {
            sentAny = true;
        }
        return next;
    }
}
