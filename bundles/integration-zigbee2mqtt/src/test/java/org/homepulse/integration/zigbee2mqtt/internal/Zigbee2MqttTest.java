package org.homepulse.integration.zigbee2mqtt.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.homepulse.integration.zigbee2mqtt.internal.BridgeStatePayload.State;
import org.homepulse.mqtt.testing.Await;
import org.homepulse.mqtt.testing.MosquittoBroker;
import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.Reason;
import org.homepulse.status.StatusChangeNotifier;
import org.homepulse.transport.mqtt.internal.MqttTransport;
import org.homepulse.transport.mqtt.testsupport.MqttIntegrationTesting;
import org.homepulse.transport.mqtt.testsupport.TestMqttClient;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Zigbee2MQTT liveness over the real transport and a real Mosquitto; time moved by a fake clock. */
public class Zigbee2MqttTest {

    private static final long GRACE_MILLIS = 75_000;

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final List<String> signals = new CopyOnWriteArrayList<>();
    private final StatusChangeNotifier notifier = signals::add;
    private MosquittoBroker broker;
    private MqttTransport transport;
    private Zigbee2MqttIntegration z2m;

    @Before
    public void start() throws Exception {
        broker = MosquittoBroker.startAnonymous();
        transport = startTransport();
        z2m = new Zigbee2MqttIntegration(clock::get);
        z2m.bindNotifier(notifier);
        z2m.bindMqtt(transport);
        z2m.activate(new HashMap<>());
    }

    @After
    public void stop() throws Exception {
        z2m.deactivate();
        if (transport != null) {
            transport.deactivate();
        }
        broker.close();
    }

    @Test
    public void retainedOnlineAloneIsNotAliveLiveTrafficIs() throws Exception {
        try (TestMqttClient bridge = new TestMqttClient(broker.uri())) {
            bridge.publish("zigbee2mqtt/bridge/state", "online", true);
        }
        // A fresh subscription: the broker replays the retained "online".
        restartIntegration(new HashMap<>());
        Await.until("retained bridge/state seen", () -> z2m.liveness.bridgeState() == State.ONLINE);
        assertEquals(IntegrationStatus.down(Reason.NO_RECENT_TRAFFIC), z2m.status());

        try (TestMqttClient bridge = new TestMqttClient(broker.uri())) {
            int before = signals.size();
            bridge.publish("zigbee2mqtt/bridge/logging", "{\"level\":\"info\",\"message\":\"x\"}", false);
            awaitStatus(IntegrationStatus.up());
            assertTrue("signalled at the edge", signals.size() > before);
        }
    }

    @Test
    public void acceptsBothPayloadForms() throws Exception {
        try (TestMqttClient bridge = new TestMqttClient(broker.uri())) {
            awaitMqtt();
            bridge.publish("zigbee2mqtt/bridge/state", "{\"state\":\"online\"}", true);
            awaitStatus(IntegrationStatus.up());
            bridge.publish("zigbee2mqtt/bridge/state", "offline", true);
            awaitStatus(IntegrationStatus.down(Reason.BRIDGE_OFFLINE));
            bridge.publish("zigbee2mqtt/bridge/state", "online", true);
            awaitStatus(IntegrationStatus.up());
            bridge.publish("zigbee2mqtt/bridge/state", "{\"state\":\"offline\"}", true);
            awaitStatus(IntegrationStatus.down(Reason.BRIDGE_OFFLINE));
        }
    }

    @Test
    public void lastWillOfflineFlipsAtOnce() throws Exception {
        awaitMqtt();
        TestMqttClient bridge = new TestMqttClient(broker.uri(), "zigbee2mqtt/bridge/state", "{\"state\":\"offline\"}");
        bridge.publish("zigbee2mqtt/bridge/state", "{\"state\":\"online\"}", true);
        awaitStatus(IntegrationStatus.up());
        int before = signals.size();
        bridge.crash();
        awaitStatus(IntegrationStatus.down(Reason.BRIDGE_OFFLINE));
        assertTrue("the edge was signalled, not left to the tick", signals.size() > before);
    }

    @Test
    public void silenceBeyondTheGraceFlipsOnTheNextRead() throws Exception {
        try (TestMqttClient bridge = new TestMqttClient(broker.uri())) {
            awaitMqtt();
            bridge.publish("zigbee2mqtt/0x00158d0001/availability", "online", false);
            awaitStatus(IntegrationStatus.up());
            clock.addAndGet(GRACE_MILLIS); // exactly at the edge: still alive
            assertEquals(IntegrationStatus.up(), z2m.status());
            clock.addAndGet(1);
            assertEquals(IntegrationStatus.down(Reason.NO_RECENT_TRAFFIC), z2m.status());
            bridge.publish("zigbee2mqtt/bridge/logging", "{}", false);
            awaitStatus(IntegrationStatus.up());
        }
    }

    @Test
    public void mqttDownIsMqttUnavailableAndRecoversByItself() throws Exception {
        try (TestMqttClient bridge = new TestMqttClient(broker.uri())) {
            awaitMqtt();
            bridge.publish("zigbee2mqtt/bridge/state", "online", true);
            awaitStatus(IntegrationStatus.up());
        }
        int before = signals.size();
        broker.kill();
        awaitStatus(IntegrationStatus.down(Reason.MQTT_UNAVAILABLE));
        Await.until("signalled", () -> signals.size() > before);

        broker.start();
        awaitMqtt();
        // Only the retained replay so far: not proof of life after the outage.
        Await.until("replayed state", () -> z2m.liveness.bridgeState() == State.ONLINE);
        assertEquals(IntegrationStatus.down(Reason.NO_RECENT_TRAFFIC), z2m.status());
        try (TestMqttClient bridge = new TestMqttClient(broker.uri())) {
            bridge.publish("zigbee2mqtt/bridge/state", "online", true); // what Z2M does on reconnect
            awaitStatus(IntegrationStatus.up());
        }
    }

    @Test
    public void transportUninstalledIsMqttUnavailableAndReinstallRecovers() throws Exception {
        try (TestMqttClient bridge = new TestMqttClient(broker.uri())) {
            awaitMqtt();
            bridge.publish("zigbee2mqtt/bridge/logging", "{}", false);
            awaitStatus(IntegrationStatus.up());

            int before = signals.size();
            z2m.unbindMqtt(transport); // what SCR does when the feature is uninstalled
            transport.deactivate();
            transport = null;
            assertEquals(IntegrationStatus.down(Reason.MQTT_UNAVAILABLE), z2m.status());
            assertTrue(signals.size() > before);

            transport = startTransport();
            z2m.bindMqtt(transport);
            Await.until("live traffic once subscribed again", () -> {
                publish(bridge, "zigbee2mqtt/bridge/logging", "{}");
                return z2m.status().isUp();
            });
        }
    }

    @Test
    public void baseTopicChangesAtRuntime() throws Exception {
        try (TestMqttClient bridge = new TestMqttClient(broker.uri())) {
            awaitMqtt();
            bridge.publish("zigbee2mqtt/bridge/logging", "{}", false);
            awaitStatus(IntegrationStatus.up());

            Map<String, Object> config = new HashMap<>();
            config.put("base_topic", "house/z2m");
            z2m.modified(config);
            assertEquals("knowledge of the old base is dropped",
                    IntegrationStatus.down(Reason.NO_RECENT_TRAFFIC), z2m.status());
            Await.until("subscribed to the new base", () -> {
                publish(bridge, "house/z2m/bridge/logging", "{}");
                return z2m.status().isUp();
            });
            bridge.publish("zigbee2mqtt/bridge/state", "offline", false);
            bridge.publish("house/z2m/bridge/logging", "{}", false);
            Await.until("last live message processed", () -> z2m.status().isUp());
            assertEquals(IntegrationStatus.up(), z2m.status());
        }
    }

    @Test
    public void garbageHugeAndBinaryPayloadsDoNotBreakTheLogic() throws Exception {
        TestMqttClient bridge = new TestMqttClient(broker.uri(), "zigbee2mqtt/bridge/state", "offline");
        try {
            awaitMqtt();
            bridge.publish("zigbee2mqtt/bridge/state", "online", true);
            awaitStatus(IntegrationStatus.up());
            bridge.crash();
            awaitStatus(IntegrationStatus.down(Reason.BRIDGE_OFFLINE));
        } finally {
            bridge.close();
        }
        try (TestMqttClient other = new TestMqttClient(broker.uri())) {
            byte[] binary = new byte[2 * 1024 * 1024];
            for (int i = 0; i < binary.length; i++) {
                binary[i] = (byte) (i * 31);
            }
            other.publish("zigbee2mqtt/bridge/state", "{not json", false);
            other.publish("zigbee2mqtt/bridge/state", "{\"state\":42}", false);
            other.publish("zigbee2mqtt/bridge/state", "maybe", false);
            other.publish("zigbee2mqtt/bridge/state", binary, false);
            other.publish("zigbee2mqtt/some_device", binary, false);
            other.publish("zigbee2mqtt/bridge/state", "{\"state\":\"online\"}", false);
            awaitStatus(IntegrationStatus.up()); // garbage ignored, the valid one after it counted
        }
    }

    @Test
    public void disabledAndInvalidConfiguration() throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put("enabled", "false");
        z2m.modified(config);
        assertEquals(IntegrationStatus.disabled(true), z2m.status());
        config.put("enabled", "true");
        config.put("alive_grace_seconds", "abc");
        z2m.modified(config);
        assertEquals(IntegrationStatus.notConfigured(true), z2m.status());
        config.put("alive_grace_seconds", "30");
        config.put("base_topic", "z2m/#");
        z2m.modified(config);
        assertEquals(IntegrationStatus.notConfigured(true), z2m.status());
        config.remove("base_topic");
        z2m.modified(config);
        awaitMqtt();
        assertEquals(IntegrationStatus.down(Reason.NO_RECENT_TRAFFIC), z2m.status());
    }

    @Test
    public void withoutAnyTransportItIsMqttUnavailable() throws Exception {
        Zigbee2MqttIntegration alone = new Zigbee2MqttIntegration(clock::get);
        alone.activate(new HashMap<>());
        assertEquals(IntegrationStatus.down(Reason.MQTT_UNAVAILABLE), alone.status());
        assertEquals("zigbee2mqtt", alone.id());
        assertEquals("connected", alone.primary().key());
        alone.deactivate();
    }

    private MqttTransport startTransport() {
        return MqttIntegrationTesting.startTransport(broker);
    }

    private void restartIntegration(Map<String, Object> config) {
        z2m.deactivate();
        z2m = new Zigbee2MqttIntegration(clock::get);
        z2m.bindNotifier(notifier);
        z2m.bindMqtt(transport);
        z2m.activate(config);
    }

    /** MQTT is up and the integration's subscription is in place: from now on a publish reaches it live. */
    private void awaitMqtt() throws Exception {
        MqttIntegrationTesting.awaitSubscriptionsInPlace(transport, broker);
    }

    private void awaitStatus(IntegrationStatus expected) {
        MqttIntegrationTesting.awaitStatus(z2m, expected);
    }

    private static void publish(TestMqttClient c, String topic, String payload) {
        try {
            c.publish(topic, payload, false);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
