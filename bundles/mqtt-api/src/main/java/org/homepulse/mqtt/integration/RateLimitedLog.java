package org.homepulse.mqtt.integration;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Logs a recurring problem (bad payloads) once per minute per key, so bad input
 * cannot flood the log. Thread-safe. Never put a payload in the message: it is
 * not ours to copy into logs (say how many bytes it had instead).
 */
public final class RateLimitedLog {

    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Logger log;
    private final ConcurrentMap<String, Long> lastLogged = new ConcurrentHashMap<>();

    /** @param log where the warnings go; usually your component's logger */
    public RateLimitedLog(Logger log) {
        this.log = log;
    }

    /** Logs {@code message} as a warning unless one with the same {@code key} was logged less than a minute ago. */
    public void warn(String key, String message) {
        long now = System.nanoTime();
        boolean[] due = {false};
        lastLogged.compute(key, (k, last) -> {
            if (last == null || now - last >= INTERVAL_NANOS) {
                due[0] = true;
                return now;
            }
            return last;
        });
        if (due[0]) {
            log.warn(message + " (repeats are suppressed for a minute)");
        }
    }
}
