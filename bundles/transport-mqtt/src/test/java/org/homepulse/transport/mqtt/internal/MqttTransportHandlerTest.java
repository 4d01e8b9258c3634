package org.homepulse.transport.mqtt.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.homepulse.mqtt.MqttMessage;
import org.homepulse.mqtt.MqttRegistration;
import org.homepulse.mqtt.testing.Await;
import org.homepulse.mqtt.testing.MosquittoBroker;
import org.homepulse.transport.mqtt.testsupport.TestMqttClient;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Delivery: retain flag, isolation of bad handlers, overlapping filters, unsubscribe. */
public class MqttTransportHandlerTest {

    private MosquittoBroker broker;
    private TransportFixture fixture;
    private TestMqttClient publisher;

    @Before
    public void start() throws Exception {
        broker = MosquittoBroker.startAnonymous();
        fixture = new TransportFixture().activate(TransportFixture.configFor(broker));
        fixture.awaitUp();
        publisher = new TestMqttClient(broker.uri());
    }

    @After
    public void stop() {
        publisher.close();
        fixture.close();
        broker.close();
    }

    @Test
    public void handlerSeesTopicPayloadAndRetainFlag() throws Exception {
        publisher.publish("dev/a/state", "retained-value", true);
        List<MqttMessage> got = new CopyOnWriteArrayList<>();
        fixture.transport.subscribe("dev/#", got::add);
        Await.until("retained replay", () -> got.size() == 1);
        publisher.publish("dev/a/state", "live-value", false);
        Await.until("live message", () -> got.size() == 2);
        assertTrue(got.get(0).retained());
        assertEquals("retained-value", got.get(0).payloadAsString());
        assertFalse(got.get(1).retained());
        assertEquals("dev/a/state", got.get(1).topic());
        assertEquals("live-value", got.get(1).payloadAsString());
    }

    @Test
    public void throwingAndBlockedHandlersDoNotStopOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> healthy = new CopyOnWriteArrayList<>();
        List<String> sameFilterHealthy = new CopyOnWriteArrayList<>();
        fixture.transport.subscribe("t/#", m -> {
            throw new IllegalStateException("boom");
        });
        fixture.transport.subscribe("t/#", m -> release.await()); // stuck until the end of the test
        fixture.transport.subscribe("t/#", m -> sameFilterHealthy.add(m.payloadAsString()));
        fixture.transport.subscribe("t/x", m -> healthy.add(m.payloadAsString()));
        try {
            Await.until("subscriptions in place", () -> {
                publish("t/x", "probe");
                return !healthy.isEmpty() && !sameFilterHealthy.isEmpty();
            });
            for (int i = 0; i < 50; i++) {
                publisher.publish("t/x", "m" + i, false);
            }
            Await.until("all 50 to the healthy handlers", () -> healthy.contains("m49") && sameFilterHealthy.contains("m49"));
            assertTrue(fixture.transport.isConnected());
        } finally {
            release.countDown();
        }
    }

    @Test
    public void floodIntoAStuckHandlerIsBoundedAndDoesNotHurtTheConnection() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> other = new CopyOnWriteArrayList<>();
        fixture.transport.subscribe("flood/#", m -> release.await());
        fixture.transport.subscribe("calm/#", m -> other.add(m.payloadAsString()));
        try {
            Await.until("subscribed", () -> {
                publish("calm/x", "probe");
                return !other.isEmpty();
            });
            byte[] big = new byte[1024];
            for (int i = 0; i < SubscriptionRegistry.QUEUE_CAPACITY + 200; i++) {
                publisher.publishQos0("flood/x", big);
            }
            publisher.publish("calm/x", "after-flood", false);
            Await.until("calm handler still served", () -> other.contains("after-flood"));
            assertTrue(fixture.transport.isConnected());
        } finally {
            release.countDown();
        }
    }

    @Test
    public void overlappingFiltersEachGetTheMessageOnce() throws Exception {
        List<String> wide = new CopyOnWriteArrayList<>();
        List<String> narrow = new CopyOnWriteArrayList<>();
        fixture.transport.subscribe("o/#", m -> wide.add(m.payloadAsString()));
        fixture.transport.subscribe("o/+/c", m -> narrow.add(m.payloadAsString()));
        Await.until("both subscribed", () -> {
            publish("o/b/c", "probe");
            return !wide.isEmpty() && !narrow.isEmpty();
        });
        publisher.publish("o/b/c", "one", false);
        // Each handler has its own queue: wait until both have passed an end marker they both match.
        publisher.publish("o/end/c", "end", false);
        Await.until("end marker", () -> wide.contains("end") && narrow.contains("end"));
        assertEquals(1, wide.stream().filter("one"::equals).count());
        assertEquals(1, narrow.stream().filter("one"::equals).count());
    }

    @Test
    public void closedRegistrationGetsNothingMore() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        List<String> marker = new CopyOnWriteArrayList<>();
        MqttRegistration reg = fixture.transport.subscribe("u/#", m -> got.add(m.payloadAsString()));
        fixture.transport.subscribe("marker", m -> marker.add(m.payloadAsString()));
        Await.until("subscribed", () -> {
            publish("u/x", "probe");
            return !got.isEmpty();
        });
        reg.close();
        reg.close(); // harmless
        int seen = got.size();
        publisher.publish("u/x", "late", false);
        publisher.publish("marker", "done", false);
        Await.until("marker", () -> marker.contains("done"));
        assertEquals(seen, got.size());
    }

    @Test
    public void invalidFiltersAreRejected() {
        for (String bad : new String[] {"", "a/#/b", "a/b#", "a+/b"}) {
            try {
                fixture.transport.subscribe(bad, m -> { });
                fail("accepted " + bad);
            } catch (IllegalArgumentException expected) {
                // good
            }
        }
    }

    private void publish(String topic, String payload) {
        try {
            publisher.publish(topic, payload, false);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
