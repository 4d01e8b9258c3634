package org.homepulse.mqtt;

import org.osgi.annotation.versioning.ConsumerType;

/** Told when the shared MQTT connection goes up or down; see {@link MqttSubscriptions#addConnectionListener}. */
@ConsumerType
@FunctionalInterface
public interface MqttConnectionListener {

    /**
     * The connection is now up ({@code true}) or down ({@code false}). Called on a
     * transport thread, serially; exceptions are caught and logged. The value may be
     * the same as last time (e.g. the first call); treat it as "re-read the state".
     */
    void connectionChanged(boolean connected) throws Exception;
}
