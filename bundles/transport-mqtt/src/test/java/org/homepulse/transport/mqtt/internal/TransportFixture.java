package org.homepulse.transport.mqtt.internal;

import java.util.HashMap;
import java.util.Map;
import org.homepulse.mqtt.testing.Await;
import org.homepulse.mqtt.testing.MosquittoBroker;
import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.Reason;

/** Runs the transport component as plain Java, the way SCR would drive it. */
final class TransportFixture implements AutoCloseable {

    final RecordingNotifier notifier = new RecordingNotifier();
    final MqttTransport transport = new MqttTransport();
    private boolean active;

    /** Settings for {@code broker} with short timeouts and back-off, as a ConfigAdmin dictionary would carry them. */
    static Map<String, Object> configFor(MosquittoBroker broker) {
        Map<String, Object> c = new HashMap<>();
        c.put("enabled", "true");
        c.put("host", broker.host());
        c.put("port", String.valueOf(broker.port()));
        c.put("connect_timeout_seconds", "2");
        c.put("reconnect_min_seconds", "1");
        c.put("reconnect_max_seconds", "2");
        c.put("keepalive_seconds", "5");
        c.put("client_id_prefix", "transport-test");
        return c;
    }

    TransportFixture activate(Map<String, Object> config) {
        transport.bindNotifier(notifier);
        transport.activate(config);
        active = true;
        return this;
    }

    void awaitStatus(String what, IntegrationStatus expected) {
        Await.until(what, () -> expected.equals(transport.status()), Await.DEFAULT_TIMEOUT, transport::status);
    }

    void awaitUp() {
        awaitStatus("mqtt connected", IntegrationStatus.up());
    }

    void awaitDown(Reason reason) {
        awaitStatus("mqtt down with " + reason.wireName(), IntegrationStatus.down(reason));
    }

    @Override
    public void close() {
        if (active) {
            active = false;
            transport.deactivate();
        }
    }
}
