package org.homepulse.transport.mqtt.testsupport;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.homepulse.mqtt.MqttRegistration;
import org.homepulse.mqtt.testing.Await;
import org.homepulse.mqtt.testing.MosquittoBroker;
import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.StatusProvider;
import org.homepulse.transport.mqtt.internal.MqttTransport;

/**
 * For tests of integrations riding on MQTT: the real transport on a real broker,
 * and waiting on observable state instead of sleeping.
 */
public final class MqttIntegrationTesting {

    private static final String PROBE_TOPIC = "homepulse-test/probe";

    private MqttIntegrationTesting() {
    }

    /** The transport component, activated as SCR would, for {@code broker} with short timeouts and back-off. */
    public static MqttTransport startTransport(MosquittoBroker broker) {
        MqttTransport t = new MqttTransport();
        Map<String, Object> c = new HashMap<>();
        c.put("host", broker.host());
        c.put("port", String.valueOf(broker.port()));
        c.put("reconnect_min_seconds", "1");
        c.put("reconnect_max_seconds", "2");
        c.put("connect_timeout_seconds", "2");
        t.activate(c);
        return t;
    }

    /**
     * MQTT is up and every subscription made on {@code transport} so far is in place.
     * The probe subscription is made after them, on the same connection, so once it
     * hears its probe the broker has the earlier ones too: from then on a publish
     * reaches them live, not as a retained replay.
     */
    public static void awaitSubscriptionsInPlace(MqttTransport transport, MosquittoBroker broker)
            throws MqttException {
        Await.until("MQTT connected", () -> transport.isConnected());
        AtomicBoolean heard = new AtomicBoolean();
        try (MqttRegistration probe = transport.subscribe(PROBE_TOPIC, m -> heard.set(true));
                TestMqttClient prober = new TestMqttClient(broker.uri())) {
            Await.until("subscriptions in place", () -> {
                try {
                    prober.publish(PROBE_TOPIC, "x", false);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return heard.get();
            });
        }
    }

    /** Waits until {@code provider} reports {@code expected}; the failure names what it reported last. */
    public static void awaitStatus(StatusProvider provider, IntegrationStatus expected) {
        Await.until(provider.id() + " " + expected, () -> expected.equals(provider.status()), Await.DEFAULT_TIMEOUT,
                provider::status);
    }
}
