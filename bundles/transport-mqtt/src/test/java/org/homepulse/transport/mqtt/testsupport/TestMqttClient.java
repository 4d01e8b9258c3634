package org.homepulse.transport.mqtt.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.homepulse.mqtt.testing.Await;

/**
 * A plain MQTT client that plays the other side in tests (a device, Zigbee2MQTT,
 * Frigate): connected on construction, optionally with a retained last will the
 * way those services register {@code offline}, publishing synchronously (a QoS 1
 * publish returns once the broker has it).
 */
public final class TestMqttClient implements AutoCloseable {

    private static final AtomicLong CLIENTS = new AtomicLong();

    private final MqttAsyncClient client;

    /** A client without a last will. */
    public TestMqttClient(String uri) throws MqttException {
        this(uri, null, null);
    }

    /** A client whose last will publishes {@code willPayload} retained (QoS 1) to {@code willTopic}, if not null. */
    public TestMqttClient(String uri, String willTopic, String willPayload) throws MqttException {
        // The counter keeps ids unique even if two clients are made within one clock tick.
        client = new MqttAsyncClient(uri, "test-client-" + CLIENTS.incrementAndGet() + "-" + System.nanoTime(),
                new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setConnectionTimeout(5);
        if (willTopic != null) {
            MqttMessage will = new MqttMessage(willPayload.getBytes(StandardCharsets.UTF_8));
            will.setQos(1);
            will.setRetained(true);
            o.setWill(willTopic, will);
        }
        client.connect(o).waitForCompletion();
    }

    /** Publishes at QoS 1 and returns once the broker has it. */
    public void publish(String topic, String payload, boolean retained) throws MqttException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), retained);
    }

    /** Publishes at QoS 1 and returns once the broker has it. */
    public void publish(String topic, byte[] payload, boolean retained) throws MqttException {
        publish(topic, payload, retained, 1);
    }

    /** QoS 0 for floods: QoS 1 would hit the client's in-flight window. */
    public void publishQos0(String topic, byte[] payload) throws MqttException {
        publish(topic, payload, false, 0);
    }

    /** Vanishes like a crashed process: the socket closes without DISCONNECT, so the broker sends the will. */
    public void crash() throws MqttException {
        client.disconnectForcibly(0, 0, false);
        client.close(true);
    }

    /** Disconnects cleanly (no will); harmless after {@link #crash()} or when the broker is gone. */
    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
        } catch (MqttException ignored) {
            // broker may be gone
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // closed already
        }
    }

    private void publish(String topic, byte[] payload, boolean retained, int qos) throws MqttException {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(qos);
        m.setRetained(retained);
        Await.until("the test publisher's in-flight window to drain", () -> client.getInFlightMessageCount() == 0);
        client.publish(topic, m).waitForCompletion();
    }
}
