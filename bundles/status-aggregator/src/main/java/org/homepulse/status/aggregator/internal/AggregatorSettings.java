package org.homepulse.status.aggregator.internal;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The values of PID {@code org.homepulse.status}; an invalid value is logged and its default kept. */
final class AggregatorSettings {

    static final AggregatorSettings DEFAULTS = new AggregatorSettings(250, 1000, 500);

    private static final Logger LOG = LoggerFactory.getLogger(AggregatorSettings.class);

    final long coalesceWindowMs;
    final long tickIntervalMs;
    final long providerTimeoutMs;

    AggregatorSettings(long coalesceWindowMs, long tickIntervalMs, long providerTimeoutMs) {
        this.coalesceWindowMs = coalesceWindowMs;
        this.tickIntervalMs = tickIntervalMs;
        this.providerTimeoutMs = providerTimeoutMs;
    }

    static AggregatorSettings from(Map<String, ?> properties) {
        return new AggregatorSettings(
                read(properties, "coalesce_window_ms", DEFAULTS.coalesceWindowMs, 0, 60_000),
                read(properties, "tick_interval_ms", DEFAULTS.tickIntervalMs, 50, 3_600_000),
                read(properties, "provider_timeout_ms", DEFAULTS.providerTimeoutMs, 10, 60_000));
    }

    private static long read(Map<String, ?> properties, String key, long fallback, long min, long max) {
        Object raw = properties.get(key);
        if (raw == null || raw.toString().isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.toString().trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the allowed range
        }
        LOG.error("org.homepulse.status: {} = '{}' is not a whole number from {} to {}; using {}", key, raw, min, max,
                fallback);
        return fallback;
    }

    @Override
    public String toString() {
        return "coalesce_window_ms=" + coalesceWindowMs + ", tick_interval_ms=" + tickIntervalMs
                + ", provider_timeout_ms=" + providerTimeoutMs;
    }
}
