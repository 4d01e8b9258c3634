package org.homepulse.transport.mqtt.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.homepulse.mqtt.MqttMessage;
import org.homepulse.mqtt.testing.Await;
import org.homepulse.mqtt.testing.MosquittoBroker;
import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.Reason;
import org.homepulse.transport.mqtt.testsupport.TestMqttClient;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Connection life against a real Mosquitto: up, killed, back, moved, switched off. */
public class MqttTransportConnectionTest {

    private MosquittoBroker broker;
    private MosquittoBroker second;
    private TransportFixture fixture;

    @Before
    public void startBroker() throws Exception {
        broker = MosquittoBroker.startAnonymous();
        fixture = new TransportFixture();
    }

    @After
    public void stopAll() {
        fixture.close();
        broker.close();
        if (second != null) {
            second.close();
        }
    }

    @Test
    public void connectsAndSignalsTheEdge() {
        fixture.activate(TransportFixture.configFor(broker));
        fixture.awaitUp();
        assertTrue(fixture.transport.isConnected());
        assertTrue("the notifier heard about it", fixture.notifier.calls.contains("mqtt"));
    }

    @Test
    public void brokerKilledGoesDownAtOnceAndComesBackWithSubscriptions() throws Exception {
        List<Boolean> edges = new CopyOnWriteArrayList<>();
        List<MqttMessage> received = new CopyOnWriteArrayList<>();
        fixture.activate(TransportFixture.configFor(broker));
        fixture.transport.addConnectionListener(edges::add);
        fixture.transport.subscribe("home/+/state", received::add);
        fixture.awaitUp();
        Await.until("listener saw up", () -> edges.contains(true));

        int before = fixture.notifier.count();
        broker.kill();
        fixture.awaitDown(Reason.UNREACHABLE);
        assertFalse(fixture.transport.isConnected());
        assertTrue("down was signalled", fixture.notifier.count() > before);
        Await.until("listener saw down", () -> edges.get(edges.size() - 1).equals(false));

        broker.start(); // same port
        fixture.awaitUp();
        Await.until("listener saw up again", () -> edges.get(edges.size() - 1).equals(true));
        try (TestMqttClient pub = new TestMqttClient(broker.uri())) {
            // The subscription was made again on the new CONNACK; publish until it is in place.
            Await.until("message after reconnect", () -> {
                try {
                    pub.publish("home/kitchen/state", "on", false);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return !received.isEmpty();
            });
        }
        MqttMessage m = received.get(0);
        assertEquals("home/kitchen/state", m.topic());
        assertEquals("on", m.payloadAsString());
        assertFalse(m.retained());
    }

    @Test
    public void unreachableBrokerReportsUnreachableAndKeepsTrying() throws Exception {
        Map<String, Object> config = TransportFixture.configFor(broker);
        broker.kill();
        fixture.activate(config);
        fixture.awaitDown(Reason.UNREACHABLE);
        broker.start();
        fixture.awaitUp();
    }

    @Test
    public void frozenBrokerShowsConnectingThenUnreachable() throws Exception {
        broker.pause(); // accepts TCP in the kernel, never answers CONNECT
        fixture.activate(TransportFixture.configFor(broker));
        fixture.awaitDown(Reason.CONNECTING);
        fixture.awaitDown(Reason.UNREACHABLE);
        broker.resume();
        fixture.awaitUp();
    }

    @Test
    public void configChangeMovesToAnotherBrokerWithoutRestart() throws Exception {
        second = MosquittoBroker.startAnonymous();
        List<MqttMessage> received = new CopyOnWriteArrayList<>();
        fixture.activate(TransportFixture.configFor(broker));
        fixture.transport.subscribe("moved/#", received::add);
        fixture.awaitUp();

        try (TestMqttClient pub = new TestMqttClient(second.uri())) {
            pub.publish("moved/here", "x", true); // retained: replayed once we subscribe there
        }
        fixture.transport.modified(TransportFixture.configFor(second));
        Await.until("retained message from the second broker", () -> !received.isEmpty());
        assertTrue(received.get(0).retained());
        assertEquals(IntegrationStatus.up(), fixture.transport.status());
        // Proof it left the first broker: killing it changes nothing.
        broker.kill();
        assertEquals(IntegrationStatus.up(), fixture.transport.status());
        assertTrue(fixture.transport.isConnected());
    }

    @Test
    public void disablingDisconnectsAndSignalsAtOnce() {
        List<Boolean> edges = new CopyOnWriteArrayList<>();
        Map<String, Object> config = TransportFixture.configFor(broker);
        fixture.activate(config);
        fixture.transport.addConnectionListener(edges::add);
        fixture.awaitUp();
        int before = fixture.notifier.count();

        config.put("enabled", "false");
        fixture.transport.modified(config);
        fixture.awaitStatus("disabled", IntegrationStatus.disabled(true));
        assertFalse(fixture.transport.isConnected());
        assertTrue(fixture.notifier.count() > before);
        Await.until("listener saw down", () -> edges.get(edges.size() - 1).equals(false));

        config.put("enabled", "true");
        fixture.transport.modified(config);
        fixture.awaitUp();
    }

    @Test
    public void unchangedConfigurationKeepsTheConnection() {
        List<Boolean> edges = new CopyOnWriteArrayList<>();
        Map<String, Object> config = TransportFixture.configFor(broker);
        fixture.activate(config);
        fixture.transport.addConnectionListener(edges::add);
        fixture.awaitUp();
        Await.until("listener saw up", () -> edges.contains(true));
        int edgesBefore = edges.size();
        fixture.transport.modified(Map.copyOf(config));
        fixture.transport.subscribe("sync/#", m -> { }); // runs after the modify on the connection thread
        assertEquals(IntegrationStatus.up(), fixture.transport.status());
        assertEquals(edgesBefore, edges.size());
    }
}
