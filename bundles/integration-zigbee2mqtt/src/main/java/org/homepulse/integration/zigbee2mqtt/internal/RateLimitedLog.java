package org.homepulse.integration.zigbee2mqtt.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/** Logs a recurring problem (bad payloads) once per minute per key, so bad input cannot flood the log. */
final class RateLimitedLog {

    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final Logger log;
    private final ConcurrentMap<String, Long> lastLogged = new ConcurrentHashMap<>();

    RateLimitedLog(Logger log) {
        this.log = log;
    }

    void warn(String key, String message) {
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
