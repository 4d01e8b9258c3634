package org.homepulse.integration.frigate.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
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

/** Frigate availability over the real transport and a real Mosquitto; time moved by a fake clock. */
public class FrigateTest {

    private static final long GRACE_MILLIS = 150_000;

    private final AtomicLong clock = new AtomicLong(5_000_000);
    private final List<String> signals = new CopyOnWriteArrayList<>();
    private final StatusChangeNotifier notifier = signals::add;
    private MosquittoBroker broker;
    private MqttTransport transport;
    private FrigateIntegration frigate;

    @Before
    public void start() throws Exception {
        broker = MosquittoBroker.startAnonymous();
        transport = startTransport();
        frigate = newIntegration(new HashMap<>());
    }

    @After
    public void stop() throws Exception {
        frigate.deactivate();
        if (transport != null) {
            transport.deactivate();
        }
        broker.close();
    }

    @Test
    public void onlineWithFreshStatsIsAvailableOfflineAndStoppedAreNot() throws Exception {
        try (TestMqttClient nvr = new TestMqttClient(broker.uri(), "frigate/available", "offline")) {
            awaitMqtt();
            nvr.publish("frigate/available", "online", true);
            awaitStatus(IntegrationStatus.up()); // a live "online" is traffic too
            nvr.publish("frigate/available", "offline", true);
            awaitStatus(IntegrationStatus.down(Reason.BRIDGE_OFFLINE));
            nvr.publish("frigate/available", "online", true);
            awaitStatus(IntegrationStatus.up());
            int before = signals.size();
            nvr.publish("frigate/available", "stopped", true); // 0.18+ clean stop
            awaitStatus(IntegrationStatus.down(Reason.STOPPED));
            assertTrue(signals.size() > before);
        }
    }

    @Test
    public void lastWillOfflineFlipsAtOnce() throws Exception {
        awaitMqtt();
        TestMqttClient nvr = new TestMqttClient(broker.uri(), "frigate/available", "offline");
        nvr.publish("frigate/available", "online", true);
        awaitStatus(IntegrationStatus.up());
        int before = signals.size();
        nvr.crash();
        awaitStatus(IntegrationStatus.down(Reason.BRIDGE_OFFLINE));
        assertTrue(signals.size() > before);
    }

    @Test
    public void staleStatsWithOnlineRetainedTurnUnavailableAfterTheGrace() throws Exception {
        // "online" as a retained replay, so that the only live traffic, and thus "up", is the stats.
        try (TestMqttClient nvr = new TestMqttClient(broker.uri())) {
            nvr.publish("frigate/available", "online", true);
        }
        frigate.deactivate();
        frigate = newIntegration(new HashMap<>());
        Await.until("retained availability seen", () -> frigate.liveness.availability() == Availability.ONLINE);
        try (TestMqttClient nvr = new TestMqttClient(broker.uri())) {
            nvr.publish("frigate/stats", "{\"service\":{\"uptime\":1}}", false);
            awaitStatus(IntegrationStatus.up());
            // 0.17-style clean stop: "online" stays retained, stats stop coming.
        }
        clock.addAndGet(GRACE_MILLIS);
        assertEquals(IntegrationStatus.up(), frigate.status());
        clock.addAndGet(1);
        assertEquals(IntegrationStatus.down(Reason.NO_RECENT_TRAFFIC), frigate.status());
    }

    @Test
    public void retainedOnlineAloneNeedsLiveTrafficWhenAGraceIsSet() throws Exception {
        try (TestMqttClient nvr = new TestMqttClient(broker.uri())) {
            nvr.publish("frigate/available", "online", true);
        }
        frigate.deactivate();
        frigate = newIntegration(new HashMap<>());
        Await.until("retained availability seen", () -> frigate.liveness.availability() == Availability.ONLINE);
        assertEquals(IntegrationStatus.down(Reason.NO_RECENT_TRAFFIC), frigate.status());
    }

    @Test
    public void graceZeroTrustsTheRetainedAvailability() throws Exception {
        try (TestMqttClient nvr = new TestMqttClient(broker.uri())) {
            nvr.publish("frigate/available", "online", true);
        }
        frigate.deactivate();
        Map<String, Object> config = new HashMap<>();
        config.put("availability_grace_seconds", "0");
        frigate = newIntegration(config);
        awaitStatus(IntegrationStatus.up());
        clock.addAndGet(10 * GRACE_MILLIS);
        assertEquals(IntegrationStatus.up(), frigate.status());
    }

    @Test
    public void mqttDownIsMqttUnavailableAndRecovers() throws Exception {
        try (TestMqttClient nvr = new TestMqttClient(broker.uri())) {
            awaitMqtt();
            nvr.publish("frigate/available", "online", true);
            awaitStatus(IntegrationStatus.up());
        }
        int before = signals.size();
        broker.kill();
        awaitStatus(IntegrationStatus.down(Reason.MQTT_UNAVAILABLE));
        Await.until("signalled", () -> signals.size() > before);
        broker.start();
        awaitMqtt(); // our subscriptions are back, so the live stats below cannot be missed
        Await.until("retained replay after reconnect", () -> transport.isConnected()
                && frigate.status().equals(IntegrationStatus.down(Reason.NO_RECENT_TRAFFIC)));
        try (TestMqttClient nvr = new TestMqttClient(broker.uri())) {
            nvr.publish("frigate/stats", "{}", false);
            awaitStatus(IntegrationStatus.up());
        }
    }

    @Test
    public void transportUninstalledIsMqttUnavailable() throws Exception {
        awaitMqtt();
        frigate.unbindMqtt(transport);
        transport.deactivate();
        transport = null;
        assertEquals(IntegrationStatus.down(Reason.MQTT_UNAVAILABLE), frigate.status());
        transport = startTransport();
        frigate.bindMqtt(transport);
        try (TestMqttClient nvr = new TestMqttClient(broker.uri())) {
            Await.until("available again", () -> {
                try {
                    nvr.publish("frigate/available", "online", true);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return frigate.status().isUp();
            });
        }
    }

    @Test
    public void badEventsAndHugeBinaryPayloadsDoNotBreakAnything() throws Exception {
        try (TestMqttClient nvr = new TestMqttClient(broker.uri())) {
            awaitMqtt();
            nvr.publish("frigate/available", "online", true);
            awaitStatus(IntegrationStatus.up());
            nvr.publish("frigate/available", "offline", false);
            awaitStatus(IntegrationStatus.down(Reason.BRIDGE_OFFLINE));
            byte[] jpeg = new byte[3 * 1024 * 1024];
            jpeg[0] = (byte) 0xff;
            jpeg[1] = (byte) 0xd8;
            nvr.publish("frigate/events", "{\"type\": \"new\", broken", false);
            nvr.publish("frigate/front/person/snapshot", jpeg, true);
            nvr.publish("frigate/available", "what?", false);
            nvr.publish("frigate/available", jpeg, false);
            nvr.publish("frigate/stats", "{}", false);
            // Still offline: garbage on available is ignored, other traffic cannot override an announcement.
            nvr.publish("frigate/marker", "x", false);
            Await.until("marker processed", () -> frigate.status().equals(IntegrationStatus.down(Reason.BRIDGE_OFFLINE)));
            nvr.publish("frigate/available", "online", false);
            awaitStatus(IntegrationStatus.up());
        }
    }

    @Test
    public void prefixChangesAtRuntimeAndInvalidConfigIsNotConfigured() throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put("topic_prefix", "nvr");
        frigate.modified(config);
        try (TestMqttClient nvr = new TestMqttClient(broker.uri())) {
            Await.until("new prefix", () -> {
                try {
                    nvr.publish("nvr/available", "online", true);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return frigate.status().isUp();
            });
        }
        config.put("availability_grace_seconds", "-5");
        frigate.modified(config);
        assertEquals(IntegrationStatus.notConfigured(true), frigate.status());
        config.put("enabled", "false");
        frigate.modified(config);
        assertEquals(IntegrationStatus.disabled(false), frigate.status());
        assertEquals("frigate", frigate.id());
        assertEquals("available", frigate.primary().key());
    }

    private FrigateIntegration newIntegration(Map<String, Object> config) {
        FrigateIntegration f = new FrigateIntegration(clock::get);
        f.bindNotifier(notifier);
        f.bindMqtt(transport);
        f.activate(config);
        return f;
    }

    private MqttTransport startTransport() {
        return MqttIntegrationTesting.startTransport(broker);
    }

    /** MQTT is up and the integration's subscription is in place: from now on a publish reaches it live. */
    private void awaitMqtt() throws Exception {
        MqttIntegrationTesting.awaitSubscriptionsInPlace(transport, broker);
    }

    private void awaitStatus(IntegrationStatus expected) {
        MqttIntegrationTesting.awaitStatus(frigate, expected);
    }
}
