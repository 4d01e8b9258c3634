package org.homepulse.status.aggregator.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.snapshot.StatusEntry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes the {@code system_status} wire form. Streaming, so the key order is the
 * contract's: type, timestamp, sequence, payload; per entry configured, enabled,
 * the primary boolean, then reason only when down.
 */
final class SnapshotRenderer {

    private final JsonFactory json = new JsonFactory();

    String render(long sequence, Instant timestamp, Map<String, StatusEntry> entries) {
        StringWriter out = new StringWriter(64 + entries.size() * 96);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "system_status");
            g.writeStringField("timestamp", DateTimeFormatter.ISO_INSTANT.format(timestamp.truncatedTo(ChronoUnit.MILLIS)));
            g.writeNumberField("sequence", sequence);
            g.writeObjectFieldStart("payload");
            for (StatusEntry entry : entries.values()) {
                IntegrationStatus s = entry.status();
                g.writeObjectFieldStart(entry.id());
                g.writeBooleanField("configured", s.isConfigured());
                g.writeBooleanField("enabled", s.isEnabled());
                g.writeBooleanField(entry.primary().key(), s.isUp());
                if (s.reason() != null) {
                    g.writeStringField("reason", s.reason().wireName());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
        }
        return out.toString();
    }
}
