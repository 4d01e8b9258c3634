package org.homepulse.integration.frigate.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The values of {@code <prefix>/available}: {@code online}, {@code offline} (the LWT) and {@code stopped} (0.18+ clean stop). */
enum Availability {
    ONLINE, OFFLINE, STOPPED;

    /** The value, or {@code null} if the payload is none of them. */
    static Availability parse(byte[] payload) {
        if (payload.length == 0 || payload.length > 64) {
            return null;
        }
        switch (new String(payload, StandardCharsets.UTF_8).trim().toLowerCase(Locale.ROOT)) {
            case "online":
                return ONLINE;
            case "offline":
                return OFFLINE;
            case "stopped":
                return STOPPED;
            default:
                return null;
        }
    }
}
