package org.homepulse.status.aggregator.internal;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.PrimaryField;
import org.homepulse.status.Reason;
import org.homepulse.status.snapshot.StatusEntry;
import org.junit.Test;

public class SnapshotRendererTest {

    @Test
    public void rendersTheWireContractExactly() {
        Map<String, StatusEntry> entries = new LinkedHashMap<>();
        entries.put("frigate", new StatusEntry("frigate", "Frigate", PrimaryField.AVAILABLE,
                IntegrationStatus.down(Reason.BRIDGE_OFFLINE)));
        entries.put("mqtt", new StatusEntry("mqtt", "MQTT", PrimaryField.CONNECTED, IntegrationStatus.up()));
        entries.put("home_assistant", new StatusEntry("home_assistant", "Home Assistant", PrimaryField.REACHABLE,
                IntegrationStatus.disabled(true)));

        String json = new SnapshotRenderer().render(123, Instant.parse("2025-01-01T12:00:00Z"), entries);

        assertEquals("{\"type\":\"system_status\",\"timestamp\":\"2025-01-01T12:00:00Z\",\"sequence\":123,"
                + "\"payload\":{"
                + "\"frigate\":{\"configured\":true,\"enabled\":true,\"available\":false,\"reason\":\"bridge_offline\"},"
                + "\"mqtt\":{\"configured\":true,\"enabled\":true,\"connected\":true},"
                + "\"home_assistant\":{\"configured\":true,\"enabled\":false,\"reachable\":false,\"reason\":\"disabled\"}"
                + "}}", json);
    }

    @Test
    public void timestampsAreUtcWithAtMostMilliseconds() {
        String json = new SnapshotRenderer().render(1, Instant.parse("2025-06-30T23:59:59.123456789Z"), Map.of());
        assertEquals("{\"type\":\"system_status\",\"timestamp\":\"2025-06-30T23:59:59.123Z\",\"sequence\":1,"
                + "\"payload\":{}}", json);
    }
}
