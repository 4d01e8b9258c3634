package org.homepulse.transport.mqtt.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs a recurring problem once per interval per key, with the number of
 * repeats it swallowed, so a misbehaving handler or a flood of bad input
 * cannot fill the log.
 */
final class RateLimitedLog {

    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Logger log;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    RateLimitedLog(Logger log) {
        this.log = log;
    }

    void warn(String key, String message) {
        Window w = windows.computeIfAbsent(key, k -> new Window());
        long now = System.nanoTime();
        long suppressed;
        synchronized (w) {
            if (w.started && now - w.since < INTERVAL_NANOS) {
                w.suppressed.incrementAndGet();
                return;
            }
            w.started = true;
            w.since = now;
            suppressed = w.suppressed.getAndSet(0);
        }
        log.warn(suppressed == 0 ? message : message + " (" + suppressed + " similar since last report)");
    }

    private static final class Window {
        boolean started;
        long since;
        final AtomicLong suppressed = new AtomicLong();
    }
}
