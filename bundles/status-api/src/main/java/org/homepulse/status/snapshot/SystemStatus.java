package org.homepulse.status.snapshot;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One published {@code system_status} message: the full state of every installed
 * provider, numbered. Immutable. The hub renders the wire JSON once per message
 * so that fan-out to many clients costs no serialisation.
 */
public final class SystemStatus {

    private final long sequence;
    private final Instant timestamp;
    private final Map<String, StatusEntry> entries;
    private final String json;

    /**
     * @param entries by provider id, in payload order
     * @param json the exact wire form of this message
     */
    public SystemStatus(long sequence, Instant timestamp, Map<String, StatusEntry> entries, String json) {
        this.sequence = sequence;
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.json = Objects.requireNonNull(json, "json");
    }

    /** Strictly increasing for the life of the process. */
    public long sequence() {
        return sequence;
    }

    public Instant timestamp() {
        return timestamp;
    }

    /** By provider id, in payload order; unmodifiable. */
    public Map<String, StatusEntry> entries() {
        return entries;
    }

    /** The message as sent on the wire: {@code {"type":"system_status",...}}. */
    public String json() {
        return json;
    }

    @Override
    public String toString() {
        return "SystemStatus#" + sequence + entries.values();
    }
}
