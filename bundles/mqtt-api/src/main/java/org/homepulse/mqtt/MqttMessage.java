package org.homepulse.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One received MQTT message: immutable, so it can be handed across threads.
 * {@link #toString()} never contains the payload (a topic may carry secrets).
 */
public final class MqttMessage {

    private final String topic;
    private final byte[] payload;
    private final boolean retained;

    /**
     * @param topic    the concrete topic it was published on
     * @param payload  the bytes; copied
     * @param retained {@code true} for a retained message replayed by the broker on
     *                 subscribe, {@code false} for one published while subscribed
     */
    public MqttMessage(String topic, byte[] payload, boolean retained) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.payload = payload.clone();
        this.retained = retained;
    }

    /** The topic it was published on (never a filter). */
    public String topic() {
        return topic;
    }

    /** A copy of the payload bytes. */
    public byte[] payload() {
        return payload.clone();
    }

    /** Payload size in bytes, without copying. */
    public int payloadLength() {
        return payload.length;
    }

    /** The payload decoded as UTF-8 (malformed bytes become U+FFFD). */
    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /**
     * {@code true} when the broker replayed a retained message because we
     * (re)subscribed: it is the last known value, not proof the publisher is alive.
     */
    public boolean retained() {
        return retained;
    }

    @Override
    public String toString() {
        return "MqttMessage[topic=" + topic + ", bytes=" + payload.length + ", retained=" + retained + "]";
    }
}
