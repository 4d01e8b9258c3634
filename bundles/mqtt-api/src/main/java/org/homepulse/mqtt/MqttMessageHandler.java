package org.homepulse.mqtt;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives the messages of one subscription; see {@link MqttSubscriptions#subscribe}. */
@ConsumerType
@FunctionalInterface
public interface MqttMessageHandler {

    /**
     * One message. Called on a thread of the transport, never concurrently for the
     * same subscription. An exception is caught and logged (rate-limited) by the
     * transport; it affects nothing else. Payloads are arbitrary bytes: validate.
     */
    void onMessage(MqttMessage message) throws Exception;
}
