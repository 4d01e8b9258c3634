package org.homepulse.status.aggregator.internal;

import static org.junit.Assert.assertEquals;

import java.util.Map;

import org.junit.Test;

public class AggregatorSettingsTest {

    @Test
    public void missingKeysTakeTheDefaults() {
        AggregatorSettings s = AggregatorSettings.from(Map.of());
        assertEquals(250, s.coalesceWindowMs);
        assertEquals(1000, s.tickIntervalMs);
        assertEquals(500, s.providerTimeoutMs);
    }

    @Test
    public void valuesComeAsStringsOrNumbers() {
        AggregatorSettings s = AggregatorSettings.from(Map.of("coalesce_window_ms", " 0 ", "tick_interval_ms", 200L,
                "provider_timeout_ms", 50));
        assertEquals(0, s.coalesceWindowMs);
        assertEquals(200, s.tickIntervalMs);
        assertEquals(50, s.providerTimeoutMs);
    }

    @Test
    public void anInvalidValueKeepsItsDefaultAndTheOthersStillApply() {
        AggregatorSettings s = AggregatorSettings.from(Map.of("coalesce_window_ms", "abc", "tick_interval_ms", "0",
                "provider_timeout_ms", "100"));
        assertEquals(250, s.coalesceWindowMs);
        assertEquals(1000, s.tickIntervalMs);
        assertEquals(100, s.providerTimeoutMs);
    }
}
