package org.homepulse.realtime.websocket.internal;

/**
 * Whether a client still answers. The hub pings every client periodically; a
 * client that sends nothing (no pong, no message) within the timeout after a
 * ping is considered gone. Times are {@code System.nanoTime} values.
 */
final class Liveness {

    /** The earliest ping not yet answered, or none. */
    private long unansweredPing;
    private boolean awaiting;

    /** A ping went out; an earlier unanswered one keeps counting. */
    synchronized void pinged(long now) {
        if (!awaiting) {
            awaiting = true;
            unansweredPing = now;
        }
    }

    /** Anything arrived from the client: a pong frame or a message. */
    synchronized void heard() {
        awaiting = false;
    }

    synchronized boolean overdue(long now, long timeoutNanos) {
        return awaiting && now - unansweredPing >= timeoutNanos;
    }
}
