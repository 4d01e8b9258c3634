package org.homepulse.integration.zigbee2mqtt.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.nio.charset.StandardCharsets;
import org.homepulse.integration.zigbee2mqtt.internal.BridgeStatePayload.State;
import org.junit.Test;

public class BridgeStatePayloadTest {

    private static State parse(String s) {
        return BridgeStatePayload.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void bothForms() {
        assertEquals(State.ONLINE, parse("online"));
        assertEquals(State.OFFLINE, parse(" offline\n"));
        assertEquals(State.ONLINE, parse("{\"state\":\"online\"}"));
        assertEquals(State.OFFLINE, parse("{\"state\":\"offline\",\"extra\":1}"));
    }

    @Test
    public void garbage() {
        assertNull(parse(""));
        assertNull(parse("{"));
        assertNull(parse("{\"state\":1}"));
        assertNull(parse("[\"online\"]"));
        assertNull(parse("onlinex"));
        assertNull(BridgeStatePayload.parse(new byte[] {(byte) 0xff, 0, 1}));
        assertNull(BridgeStatePayload.parse(new byte[100_000]));
    }
}
