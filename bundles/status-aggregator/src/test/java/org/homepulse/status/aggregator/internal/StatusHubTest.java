package org.homepulse.status.aggregator.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.Reason;
import org.homepulse.status.snapshot.StatusEntry;
import org.homepulse.status.snapshot.SystemStatus;
import org.homepulse.status.snapshot.SystemStatusListener;
import org.junit.After;
import org.junit.Test;

public class StatusHubTest {

    private final RecordingListener listener = new RecordingListener();
    private final List<SystemStatusListener> listeners = new CopyOnWriteArrayList<>(List.of(listener));
    private StatusHub hub;

    private StatusHub start(long coalesceMs, long tickMs, long timeoutMs) {
        hub = new StatusHub(new AggregatorSettings(coalesceMs, tickMs, timeoutMs), listeners);
        return hub;
    }

    @After
    public void close() {
        if (hub != null) {
            hub.close();
        }
    }

    private static StatusEntry entry(SystemStatus s, String id) {
        return s.entries().get(id);
    }

    private static Reason reason(SystemStatus s, String id) {
        StatusEntry e = s.entries().get(id);
        return e == null ? null : e.status().reason();
    }

    private static boolean has(SystemStatus s, String id, IntegrationStatus status) {
        StatusEntry e = s.entries().get(id);
        return e != null && e.status().equals(status);
    }

    @Test
    public void aNewProviderAppearsAndAGoneOneDisappears() {
        start(0, 60_000, 1000);
        TestProvider mqtt = new TestProvider("mqtt");
        hub.addProvider(mqtt, "test");
        SystemStatus added = listener.await(0, s -> s.entries().containsKey("mqtt"), "with mqtt");
        assertEquals("Test mqtt", entry(added, "mqtt").displayName());
        assertTrue(added.json().contains("\"mqtt\":{\"configured\":true,\"enabled\":true,\"connected\":true}"));
        assertEquals(added, hub.current());

        hub.removeProvider(mqtt);
        SystemStatus removed = listener.await(0, s -> !s.entries().containsKey("mqtt"), "without mqtt");
        assertTrue(removed.sequence() > added.sequence());
        assertTrue(removed.json().contains("\"payload\":{}"));
    }

    @Test
    public void publishesOnlyWhatChangedWithStrictlyIncreasingSequence() {
        start(0, 60_000, 60_000); // a slow read must not add a provider_error snapshot to the count
        TestProvider mqtt = new TestProvider("mqtt");
        hub.addProvider(mqtt, "test");
        SystemStatus first = listener.await(0, s -> s.entries().containsKey("mqtt"), "with mqtt");
        int before = listener.size();

        for (int i = 0; i < 20; i++) {
            hub.signal("mqtt"); // nothing changed: must publish nothing
        }
        mqtt.status = IntegrationStatus.down(Reason.UNREACHABLE);
        hub.signal("mqtt");
        SystemStatus down = listener.await(before, s -> has(s, "mqtt", IntegrationStatus.down(Reason.UNREACHABLE)),
                "with mqtt down");

        assertEquals("the unchanged re-reads published nothing", before + 1, listener.size());
        assertEquals(first.sequence() + 1, down.sequence());
        long previous = Long.MIN_VALUE;
        for (SystemStatus s : listener.all()) {
            assertTrue("sequence strictly increases", s.sequence() > previous);
            previous = s.sequence();
        }
    }

    @Test
    public void flappingGoesOutAsLeadingPlusOneTrailingMessageWithTheLastState() {
        AtomicLong fakeNanos = new AtomicLong();
        hub = new StatusHub(new AggregatorSettings(2000, 60_000, 1000), listeners, fakeNanos::get);
        TestProvider mqtt = new TestProvider("mqtt");
        mqtt.status = IntegrationStatus.down(Reason.CONNECTING);
        hub.addProvider(mqtt, "test");
        listener.await(0, s -> s.entries().containsKey("mqtt"), "with mqtt");
        int start = listener.size();
        fakeNanos.set(10_000_000_000L); // the appearance's window is long over

        mqtt.status = IntegrationStatus.down(Reason.UNREACHABLE);
        hub.signal("mqtt");
        SystemStatus leading = listener.await(start, s -> has(s, "mqtt", IntegrationStatus.down(Reason.UNREACHABLE)),
                "leading edge");
        assertEquals("the first change goes out at once", start, listener.all().indexOf(leading));

        // The clock stands still, so all of these fall inside the leading edge's window.
        for (int i = 0; i < 10; i++) {
            mqtt.status = i % 2 == 0 ? IntegrationStatus.down(Reason.AUTH_FAILED) : IntegrationStatus.down(Reason.TLS_ERROR);
            hub.signal("mqtt");
        }
        mqtt.status = IntegrationStatus.up();
        hub.signal("mqtt");

        SystemStatus last = listener.await(start, s -> has(s, "mqtt", IntegrationStatus.up()), "with mqtt up");
        assertEquals("exactly one trailing message after the leading one", start + 1, listener.all().indexOf(last));
        assertEquals("the trailing message is the last published", last, listener.last());
    }

    @Test
    public void aTimeDerivedStatusIsPickedUpByTheTick() {
        start(0, 100, 1000);
        TestProvider z2m = new TestProvider("zigbee2mqtt");
        hub.addProvider(z2m, "test");
        listener.await(0, s -> has(s, "zigbee2mqtt", IntegrationStatus.up()), "with z2m up");
        z2m.status = IntegrationStatus.down(Reason.NO_RECENT_TRAFFIC); // no signal: only the tick can see it
        listener.await(0, s -> has(s, "zigbee2mqtt", IntegrationStatus.down(Reason.NO_RECENT_TRAFFIC)), "z2m stale");
    }

    @Test
    public void aNewTickIntervalAppliesAtRuntime() {
        start(0, 3_600_000, 1000); // a tick that would never come during the test
        TestProvider z2m = new TestProvider("zigbee2mqtt");
        hub.addProvider(z2m, "test");
        listener.await(0, s -> has(s, "zigbee2mqtt", IntegrationStatus.up()), "with z2m up");
        hub.reconfigure(new AggregatorSettings(0, 100, 1000));
        z2m.status = IntegrationStatus.down(Reason.NO_RECENT_TRAFFIC); // no signal: only the new tick can see it
        listener.await(0, s -> has(s, "zigbee2mqtt", IntegrationStatus.down(Reason.NO_RECENT_TRAFFIC)), "z2m stale");
    }

    @Test
    public void aThrowingProviderShowsProviderErrorWithoutItsMessage() {
        start(0, 60_000, 1000);
        TestProvider bad = new TestProvider("bad");
        bad.throwing = true;
        hub.addProvider(bad, "test");
        SystemStatus s = listener.await(0, x -> x.entries().containsKey("bad"), "with bad");
        assertEquals(Reason.PROVIDER_ERROR, entry(s, "bad").status().reason());
        assertFalse(s.json().contains("hunter2"));

        bad.throwing = false;
        hub.signal("bad");
        listener.await(0, x -> has(x, "bad", IntegrationStatus.up()), "bad recovered");
    }

    @Test
    public void aBlockingProviderShowsProviderErrorAndStallsNobody() {
        start(0, 60_000, 200);
        TestProvider slow = new TestProvider("slow");
        TestProvider mqtt = new TestProvider("mqtt");
        hub.addProvider(slow, "test");
        hub.addProvider(mqtt, "test");
        listener.await(0, s -> has(s, "slow", IntegrationStatus.up()) && has(s, "mqtt", IntegrationStatus.up()), "both");

        CountDownLatch release = new CountDownLatch(1);
        slow.hang = release;
        hub.signal("slow");
        listener.await(0, s -> reason(s, "slow") == Reason.PROVIDER_ERROR, "slow as provider_error");

        mqtt.status = IntegrationStatus.down(Reason.UNREACHABLE);
        hub.signal("mqtt");
        listener.await(0, s -> has(s, "mqtt", IntegrationStatus.down(Reason.UNREACHABLE)), "mqtt change while slow hangs");

        slow.hang = null;
        release.countDown();
        listener.await(0, s -> has(s, "slow", IntegrationStatus.up()), "slow recovered");
    }

    @Test
    public void aFailingListenerDoesNotStopTheOthers() {
        listeners.add(0, status -> {
            throw new IllegalStateException("listener bug");
        });
        start(0, 60_000, 1000);
        hub.addProvider(new TestProvider("mqtt"), "test");
        listener.await(0, s -> s.entries().containsKey("mqtt"), "with mqtt");
    }

    @Test
    public void aDuplicateIdStaysHiddenUntilTheFirstOneLeaves() {
        start(0, 60_000, 1000);
        TestProvider first = new TestProvider("mqtt");
        TestProvider second = new TestProvider("mqtt");
        second.status = IntegrationStatus.down(Reason.STOPPED);
        hub.addProvider(first, "first");
        listener.await(0, s -> has(s, "mqtt", IntegrationStatus.up()), "first");
        hub.addProvider(second, "second");
        hub.removeProvider(first);
        listener.await(0, s -> has(s, "mqtt", IntegrationStatus.down(Reason.STOPPED)), "second takes over");
    }

    @Test
    public void anInvalidIdIsIgnored() {
        start(0, 60_000, 1000);
        hub.addProvider(new TestProvider("Not A Key"), "bad");
        hub.addProvider(new TestProvider("mqtt"), "good");
        SystemStatus s = listener.await(0, x -> x.entries().containsKey("mqtt"), "with mqtt");
        assertEquals(1, s.entries().size());
    }

    @Test
    public void closingStopsEveryThreadItStarted() throws Exception {
        start(0, 50, 100);
        TestProvider stuck = new TestProvider("stuck");
        hub.addProvider(stuck, "test");
        listener.await(0, s -> s.entries().containsKey("stuck"), "with stuck");
        stuck.hang = new CountDownLatch(1); // interruptible: close must free its reader
        hub.signal("stuck");
        listener.await(0, s -> reason(s, "stuck") == Reason.PROVIDER_ERROR, "stuck");

        hub.close();
        hub = null;
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (homepulseThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5); // poll gently: the threads we wait for need the CPU to exit
        }
        assertEquals("threads left: " + Thread.getAllStackTraces().keySet(), 0, homepulseThreads());
    }

    @Test
    public void theInitialSnapshotIsEmptyAndNumbered() {
        start(0, 60_000, 1000);
        SystemStatus initial = hub.current();
        assertTrue(initial.entries().isEmpty());
        assertTrue(initial.sequence() > 0);
        assertNull(listener.last());
    }

    private static long homepulseThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("homepulse-status-")).count();
    }
}
