package org.homepulse.transport.mqtt.internal;

/**
 * Exponential back-off between reconnect attempts: min, 2·min, 4·min, ... capped
 * at max. No jitter: there is one hub per broker, not a herd.
 */
final class Backoff {

    private final long minMillis;
    private final long maxMillis;

    Backoff(int minSeconds, int maxSeconds) {
        this.minMillis = minSeconds * 1000L;
        this.maxMillis = maxSeconds * 1000L;
    }

    /** Delay before attempt number {@code failures + 1}, where {@code failures} counts from 0. */
    long delayMillis(int failures) {
        int shift = Math.min(Math.max(failures, 0), 30);
        long delay = minMillis << shift;
        return delay <= 0 || delay > maxMillis ? maxMillis : delay;
    }
}
