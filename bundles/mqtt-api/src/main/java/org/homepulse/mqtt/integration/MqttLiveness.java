package org.homepulse.mqtt.integration;

import org.homepulse.mqtt.MqttMessage;
import org.homepulse.status.IntegrationStatus;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The part that is yours: what your integration's MQTT traffic says about it.
 * {@link MqttIntegrationLifecycle} feeds it the messages and tells it when what
 * it knows no longer holds; it answers with the status while MQTT is up.
 *
 * <p>Every method may be called from a different thread (transport threads for
 * messages, SCR threads for the rest, the aggregator's for {@link #status}); keep
 * the state in volatile fields or otherwise thread-safe, and never block.
 *
 * @param <S> your settings type
 */
@ConsumerType
public interface MqttLiveness<S extends MqttIntegrationSettings> {

    /**
     * One message that matched {@link MqttIntegrationSettings#topicFilter()}; calls
     * are serial. {@code settings} are the ones current when it arrived: right after
     * a topic change a message of the old topics may still come, so check the topic
     * against them. Payloads are arbitrary bytes: validate, and report bad ones with
     * a {@link RateLimitedLog}, without the payload. Remember that a
     * {@linkplain MqttMessage#retained() retained} message is a replay of the past,
     * not proof that the publisher is alive now.
     */
    void record(S settings, MqttMessage message);

    /**
     * The MQTT session ended, or the MQTT service was bound or unbound: only what
     * is heard after the next connect proves liveness. Keep announced state (the
     * broker will replay retained messages anyway).
     */
    void forgetLiveness();

    /** Watching started or moved to other topics: forget everything learnt so far. */
    void reset();

    /**
     * The status while the integration is enabled, validly configured and MQTT is
     * connected (the lifecycle answers every other case). Called often, e.g. on each
     * aggregator tick, so time-derived states (no traffic within a grace window) are
     * computed here on read rather than by a timer. Cheap, non-blocking.
     */
    IntegrationStatus status(S settings);
}
