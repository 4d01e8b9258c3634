package org.homepulse.mqtt.integration;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Logs a recurring problem (bad payloads, a handler that keeps failing) once per
 * minute per key, with the number of repeats it swallowed, so bad input cannot
 * flood the log. Thread-safe. Never put a payload in the message: it is not ours
 * to copy into logs (say how many bytes it had instead).
 */
public final class RateLimitedLog {

    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Logger log;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    /** @param log where the warnings go; usually your component's logger */
    public RateLimitedLog(Logger log) {
        this.log = log;
    }

    /** Logs {@code message} as a warning unless one with the same {@code key} was logged less than a minute ago. */
    public void warn(String key, String message) {
        Window w = windows.computeIfAbsent(key, k -> new Window());
        long now = System.nanoTime();
        long suppressed;
        synchronized (w) {
            if (w.started && now - w.since < INTERVAL_NANOS) {
                w.suppressed++;
                return;
            }
            w.started = true;
            w.since = now;
            suppressed = w.suppressed;
            w.suppressed = 0;
        }
        // Logged outside the lock: a slow appender must not hold up the next caller.
        log.warn(message + (suppressed == 0 ? "" : " (" + suppressed + " similar since the last report)")
                + " (repeats are suppressed for a minute)");
    }

    private static final class Window {
        boolean started;
        long since;
        long suppressed;
    }
}
