package org.homepulse.mqtt.integration;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What {@link MqttIntegrationLifecycle} needs to know of an integration's parsed
 * configuration. {@link TopicTreeSettings} implements it for the common case (one
 * topic tree and a grace window); implement it yourself when you need more.
 *
 * <p>Implementations must be immutable: the lifecycle swaps whole instances on
 * reconfiguration and reads them from any thread.
 */
@ConsumerType
public interface MqttIntegrationSettings {

    /**
     * Whether the integration is switched on. Parse leniently here: when the
     * {@code enabled} value itself is invalid, report it through {@link #problem()}
     * and treat the integration as enabled, so the status says {@code not_configured}
     * rather than {@code disabled}.
     */
    boolean enabled();

    /**
     * {@code null} when the configuration is valid; otherwise why it is not, in
     * words fit for the log (key names and allowed values, never secrets). While
     * there is a problem nothing is subscribed and the status is {@code not_configured}.
     */
    String problem();

    /**
     * The MQTT topic filter to subscribe to, e.g. {@code zigbee2mqtt/#}. Only asked
     * when {@link #enabled()} and {@link #problem()} is {@code null}. A different
     * filter than before makes the lifecycle re-subscribe and {@link MqttLiveness#reset()}.
     */
    String topicFilter();
}
