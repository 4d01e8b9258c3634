package org.homepulse.integration.zigbee2mqtt.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads {@code <base>/bridge/state} in both forms Zigbee2MQTT has used: plain
 * {@code online}/{@code offline} (before 1.24, optional in 1.x) and JSON
 * {@code {"state":"online"}} (1.x option, the only form from 2.0).
 */
final class BridgeStatePayload {

    enum State { ONLINE, OFFLINE }

    /** A bridge state is a few bytes; anything larger is garbage and is not parsed. */
    private static final int MAX_BYTES = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BridgeStatePayload() {
    }

    /** The state, or {@code null} if the payload is not one we understand. */
    static State parse(byte[] payload) {
        if (payload.length == 0 || payload.length > MAX_BYTES) {
            return null;
        }
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        if (text.startsWith("{")) {
            try {
                JsonNode state = JSON.readTree(text).get("state");
                return state == null || !state.isTextual() ? null : word(state.asText());
            } catch (IOException e) {
                return null;
            }
        }
        return word(text);
    }

    private static State word(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "online":
                return State.ONLINE;
            case "offline":
                return State.OFFLINE;
            default:
                return null;
        }
    }
}
