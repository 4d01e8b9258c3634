package org.homepulse.transport.mqtt.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.homepulse.mqtt.testing.Await;
import org.homepulse.mqtt.testing.MosquittoBroker;
import org.homepulse.status.IntegrationStatus;
import org.homepulse.transport.mqtt.testsupport.TestMqttClient;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Invalid configuration and clean shutdown. */
public class MqttTransportLifecycleTest {

    private MosquittoBroker broker;

    @Before
    public void start() throws Exception {
        broker = MosquittoBroker.startAnonymous();
    }

    @After
    public void stop() {
        broker.close();
    }

    @Test
    public void invalidValuesMeanNotConfiguredAndTheComponentKeepsWorking() {
        // Each bad value alone: one clear log line, configured=false, and a later good
        // configuration connects without restarting the component.
        for (String[] bad : new String[][] {{"port", "70000"}, {"port", "0"}, {"keepalive_seconds", "abc"},
                {"use_tls", "maybe"}, {"host", "bad host"}, {"reconnect_min_seconds", "-1"}}) {
            try (TransportFixture fixture = new TransportFixture()) {
                Map<String, Object> config = TransportFixture.configFor(broker);
                config.put(bad[0], bad[1]);
                fixture.activate(config);
                fixture.awaitStatus(bad[0] + "=" + bad[1] + " is not configured", IntegrationStatus.notConfigured(true));
                assertFalse(fixture.transport.isConnected());
                fixture.transport.modified(TransportFixture.configFor(broker));
                fixture.awaitUp();
            }
        }
    }

    @Test
    public void disabledAndInvalidIsDisabledNotConfigured() {
        try (TransportFixture fixture = new TransportFixture()) {
            Map<String, Object> config = TransportFixture.configFor(broker);
            config.put("enabled", "false");
            config.put("port", "99999");
            fixture.activate(config);
            fixture.awaitStatus("disabled, not configured", IntegrationStatus.disabled(false));
        }
    }

    @Test
    public void numbersAndBooleansFromConfigAdminAreAccepted() {
        try (TransportFixture fixture = new TransportFixture()) {
            Map<String, Object> config = TransportFixture.configFor(broker);
            config.put("port", broker.port());
            config.put("enabled", Boolean.TRUE);
            config.put("keepalive_seconds", 10L);
            fixture.activate(config);
            fixture.awaitUp();
        }
    }

    @Test
    public void noThreadOrConnectionSurvivesDeactivate() throws Exception {
        Map<String, Object> config = TransportFixture.configFor(broker);
        config.put("client_id_prefix", "leakcheck");
        TransportFixture fixture = new TransportFixture().activate(config);
        List<String> got = new CopyOnWriteArrayList<>();
        fixture.transport.subscribe("leak/#", m -> got.add(m.payloadAsString()));
        fixture.transport.addConnectionListener(up -> { });
        fixture.awaitUp();
        try (TestMqttClient pub = new TestMqttClient(broker.uri())) {
            Await.until("a message went through", () -> {
                try {
                    pub.publish("leak/x", "y", false);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return !got.isEmpty();
            });
        }
        assertTrue("threads exist while active", !ourThreads().isEmpty());

        fixture.close();
        Await.until("no transport or Paho thread left", () -> ourThreads().isEmpty(),
                Await.DEFAULT_TIMEOUT, MqttTransportLifecycleTest::ourThreads);
        assertFalse(fixture.transport.isConnected());
    }

    @Test
    public void deactivateWhileTheBrokerIsFrozenDoesNotLeakEither() throws Exception {
        Map<String, Object> config = TransportFixture.configFor(broker);
        config.put("client_id_prefix", "frozencheck");
        TransportFixture fixture = new TransportFixture().activate(config);
        fixture.awaitUp();
        broker.pause();
        try {
            fixture.close();
            Await.until("no thread left", () -> ourThreads().isEmpty(), Await.DEFAULT_TIMEOUT,
                    MqttTransportLifecycleTest::ourThreads);
        } finally {
            broker.resume();
        }
    }

    /** Threads of the transport (named by us) and of its Paho clients (named after the client id). */
    private static List<String> ourThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith(NamedThreads.PREFIX) || n.contains("leakcheck") || n.contains("frozencheck"))
                .collect(Collectors.toList());
    }

    @Test
    public void statusProviderIdentity() {
        MqttTransport t = new MqttTransport();
        assertEquals("mqtt", t.id());
        assertEquals("connected", t.primary().key());
    }
}
