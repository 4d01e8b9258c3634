package org.homepulse.transport.mqtt.internal;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** A plain MQTT client that plays the other side (a device, a bridge) in tests. */
final class TestPublisher implements AutoCloseable {

    private final MqttClient client;

    TestPublisher(String uri) throws MqttException {
        client = new MqttClient(uri, "test-publisher-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setConnectionTimeout(5);
        client.connect(o);
    }

    void publish(String topic, String payload, boolean retained) throws MqttException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), retained);
    }

    void publish(String topic, byte[] payload, boolean retained) throws MqttException {
        publish(topic, payload, retained, 1);
    }

    /** QoS 0 for floods: QoS 1 would hit the client's in-flight window. */
    void publishQos0(String topic, byte[] payload) throws MqttException {
        publish(topic, payload, false, 0);
    }

    private void publish(String topic, byte[] payload, boolean retained, int qos) throws MqttException {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(qos);
        m.setRetained(retained);
        client.publish(topic, m);
    }

    @Override
    public void close() {
        try {
            client.disconnect();
        } catch (MqttException ignored) {
            // broker may be gone
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // closed
        }
    }
}
