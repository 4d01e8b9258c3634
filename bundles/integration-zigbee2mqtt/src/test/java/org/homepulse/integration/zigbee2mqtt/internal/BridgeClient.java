package org.homepulse.integration.zigbee2mqtt.internal;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Plays Zigbee2MQTT on the broker: optionally with its last will
 * ({@code <base>/bridge/state} = offline, retained), publishing what it publishes.
 */
final class BridgeClient implements AutoCloseable {

    private final MqttClient client;

    BridgeClient(String uri, String willTopic, String willPayload) throws MqttException {
        client = new MqttClient(uri, "fake-bridge-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setConnectionTimeout(5);
        if (willTopic != null) {
            MqttMessage will = new MqttMessage(willPayload.getBytes(StandardCharsets.UTF_8));
            will.setQos(1);
            will.setRetained(true);
            o.setWill(willTopic, will);
        }
        client.connect(o);
    }

    void publish(String topic, String payload, boolean retained) throws MqttException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), retained);
    }

    void publish(String topic, byte[] payload, boolean retained) throws MqttException {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(1);
        m.setRetained(retained);
        client.publish(topic, m);
    }

    /** Vanishes like a crashed process: the socket closes without DISCONNECT, so the broker sends the will. */
    void crash() throws MqttException {
        client.disconnectForcibly(0, 0, false);
        client.close(true);
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close(true);
        } catch (MqttException ignored) {
            // gone already
        }
    }
}
