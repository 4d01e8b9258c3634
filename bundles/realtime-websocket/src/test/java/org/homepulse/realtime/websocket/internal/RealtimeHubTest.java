package org.homepulse.realtime.websocket.internal;

import static org.homepulse.realtime.websocket.internal.FakeConnection.json;
import static org.homepulse.realtime.websocket.internal.FakeConnection.status;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.homepulse.status.snapshot.SystemStatus;
import org.homepulse.status.snapshot.SystemStatusSource;
import org.junit.After;
import org.junit.Test;

public class RealtimeHubTest {

    private static final String TOKEN = "0123456789abcdef-token";
    private static final long SECOND = 1_000_000_000L;

    private final FakeRealm realm = new FakeRealm(Map.of("karaf", "karaf"));
    private final AtomicLong clock = new AtomicLong(SECOND);
    private volatile SystemStatus current = status(1);
    private final SystemStatusSource source = () -> current;
    private RealtimeHub hub;

    private RealtimeHub start(Map<String, Object> config) {
        hub = new RealtimeHub(RealtimeSettings.from(config), source, realm, clock::get);
        return hub;
    }

    private RealtimeHub start() {
        return start(Map.of("access_token", TOKEN));
    }

    @After
    public void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    private static HandshakeInfo basic(String user, String password) {
        String encoded = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new HandshakeInfo("Basic " + encoded, null, "hub:8181");
    }

    private static HandshakeInfo karaf() {
        return basic("karaf", "karaf");
    }

    /** Opens a client and waits until it has its snapshot. */
    private Client connect(FakeConnection connection) {
        Client client = hub.open(connection, karaf());
        connection.awaitSent(1);
        return client;
    }

    @Test
    public void anAuthenticatedClientGetsTheSnapshotThenEveryChange() {
        start();
        FakeConnection connection = new FakeConnection(true);
        Client client = connect(connection);
        assertEquals(List.of(json(1)), connection.sent());
        assertNull("credentials are not kept once used", client.handshake().authorization());

        hub.publish(status(2));
        connection.awaitSent(2);
        hub.publish(status(3));
        connection.awaitSent(3);
        assertEquals(List.of(json(1), json(2), json(3)), connection.sent());
        assertNull(connection.closeCode());
    }

    @Test
    public void bearerTokenAuthenticatesToo() {
        start();
        FakeConnection connection = new FakeConnection(true);
        hub.open(connection, new HandshakeInfo("Bearer " + TOKEN, null, "hub:8181"));
        connection.awaitSent(1);
        assertEquals(json(1), connection.sent().get(0));
    }

    @Test
    public void anonymousAndWrongCredentialsAreClosedWith4401AndSeeNothing() {
        start();
        for (HandshakeInfo handshake : List.of(HandshakeInfo.NONE, basic("karaf", "nope"),
                new HandshakeInfo("Bearer wrong", null, "hub:8181"), new HandshakeInfo("Basic ###", null, null))) {
            FakeConnection connection = new FakeConnection(true);
            hub.open(connection, handshake);
            connection.awaitClose(4401);
            assertEquals("unauthorized", connection.closeReason());
            assertEquals(List.of(), connection.sent());
        }
        hub.publish(status(2));
        assertEquals(0, hub.liveCount());
    }

    @Test
    public void aForeignOriginIsClosedWith4403EvenWithGoodCredentials() {
        start(Map.of("allowed_origins", "https://dash.example"));
        FakeConnection foreign = new FakeConnection(true);
        hub.open(foreign, new HandshakeInfo(karaf().authorization(), "http://evil.example", "hub:8181"));
        foreign.awaitClose(4403);
        assertEquals(List.of(), foreign.sent());
        assertEquals("the origin is judged before the realm is asked", 0, realm.logins.get());

        FakeConnection same = new FakeConnection(true);
        hub.open(same, new HandshakeInfo(karaf().authorization(), "http://hub:8181", "hub:8181"));
        same.awaitSent(1);
        FakeConnection listed = new FakeConnection(true);
        hub.open(listed, new HandshakeInfo(karaf().authorization(), "https://dash.example", "hub:8181"));
        listed.awaitSent(1);
    }

    @Test
    public void messagesAreAnsweredAndAMessageBeforeAuthenticationWaitsForTheSnapshot() {
        start();
        FakeConnection connection = new FakeConnection(true);
        Client client = hub.open(connection, karaf());
        hub.onText(client, "{\"type\":\"ping\"}"); // may arrive while the login runs
        connection.awaitSent(2);
        assertEquals(List.of(json(1), InboundMessages.PONG), connection.sent());

        hub.onText(client, "{\"type\":\"nope\"}");
        hub.onText(client, "}{");
        hub.onBinary(client);
        connection.awaitSent(5);
        assertEquals(List.of(InboundMessages.UNKNOWN_TYPE, InboundMessages.INVALID_MESSAGE,
                InboundMessages.INVALID_MESSAGE), connection.sent().subList(2, 5));
        assertNull("the connection stays open", connection.closeCode());

        hub.onText(client, "x".repeat(InboundMessages.MAX_MESSAGE_BYTES + 1));
        connection.awaitClose(1009);
    }

    @Test
    public void aStalledClientHoldsOneSnapshotAndDelaysNobody() {
        start();
        FakeConnection stalled = new FakeConnection(false); // never completes a send
        Client slow = hub.open(stalled, karaf());
        stalled.awaitSent(1);
        FakeConnection healthy = new FakeConnection(true);
        connect(healthy);

        for (long sequence = 2; sequence <= 500; sequence++) {
            hub.publish(status(sequence));
        }
        healthy.await(c -> c.sent().contains(json(500)), "the newest snapshot");
        // The fan-out may reach the healthy client first: wait until the stalled one was offered 500 too.
        awaitTrue("the stalled client offered the newest snapshot", () -> slow.outbox.newestSequence() == 500);
        assertEquals("only the first send is in flight", 1, stalled.sent().size());
        assertTrue(slow.outbox.pendingCount() <= 1);

        stalled.completeOldest(null);
        stalled.await(c -> c.sent().contains(json(500)), "the latest after the stall");
        assertEquals("one in flight, then straight to the latest", List.of(json(1), json(500)), stalled.sent());
    }

    @Test
    public void aClientThatStopsAnsweringPingsIsClosed() {
        start();
        FakeConnection silent = new FakeConnection(true);
        Client quiet = connect(silent);
        FakeConnection answering = new FakeConnection(true);
        Client alive = connect(answering);

        hub.pingNow();
        silent.await(c -> c.pings() == 1, "a ping");
        answering.await(c -> c.pings() == 1, "a ping");
        clock.addAndGet(5 * SECOND);
        hub.onPong(alive);
        hub.dropSilent();
        assertNull("not yet overdue", silent.closeCode());

        clock.addAndGet(5 * SECOND);
        hub.dropSilent();
        silent.awaitClose(1001);
        assertTrue("closed off the caller's thread", silent.closeThread().startsWith("homepulse-realtime-"));
        assertNull(answering.closeCode());
        assertTrue(quiet.isClosing());
        assertEquals(1, hub.liveCount());
    }

    @Test
    public void aFailingPingClosesTheClient() {
        start();
        FakeConnection broken = new FakeConnection(true);
        connect(broken);
        broken.failPings();
        hub.pingNow();
        broken.awaitClose(1001);
    }

    @Test
    public void aFailedSendClosesTheClient() {
        start();
        FakeConnection connection = new FakeConnection(false);
        hub.open(connection, karaf());
        connection.awaitSent(1);
        connection.completeOldest(new java.io.IOException("reset by peer"));
        connection.awaitClose(1001);
        assertEquals(0, hub.clientCount());
    }

    @Test
    public void aClientGoneDuringLoginIsNotKept() {
        start();
        FakeConnection connection = new FakeConnection(true);
        Client client = hub.open(connection, basic("karaf", "wrong"));
        hub.onClosed(client);
        hub.publish(status(2));
        assertEquals(0, hub.liveCount());
        assertEquals(0, hub.clientCount());
    }

    @Test
    public void changedAuthenticationSettingsMakeEveryoneReconnect() {
        start();
        FakeConnection connection = new FakeConnection(true);
        connect(connection);
        hub.reconfigure(RealtimeSettings.from(Map.of("access_token", TOKEN, "ping_interval_seconds", "5")));
        assertNull("a timing change keeps clients", connection.closeCode());

        Map<String, Object> changed = new HashMap<>();
        changed.put("access_token", TOKEN + "-rotated");
        hub.reconfigure(RealtimeSettings.from(changed));
        connection.awaitClose(1012);

        FakeConnection old = new FakeConnection(true);
        hub.open(old, new HandshakeInfo("Bearer " + TOKEN, null, "hub:8181"));
        old.awaitClose(4401);
    }

    @Test
    public void closingTheHubClosesClientsWith1001AndStopsItsThreads() {
        start();
        FakeConnection a = new FakeConnection(true);
        FakeConnection b = new FakeConnection(false);
        connect(a);
        connect(b);
        hub.close();
        assertEquals(Integer.valueOf(1001), a.closeCode());
        assertEquals(Integer.valueOf(1001), b.closeCode());
        // awaitTermination returns once the tasks are done; the worker threads exit a moment later.
        awaitTrue("no homepulse-realtime thread survives", () -> realtimeThreads() == 0);

        FakeConnection late = new FakeConnection(true);
        hub.open(late, karaf());
        late.awaitClose(1013);
        hub.publish(status(9)); // harmless after close
    }

    /** Polls with a deadline; the pause only spares the CPU the threads we wait for need. */
    private static void awaitTrue(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting: " + what);
            }
        }
    }

    private static long realtimeThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("homepulse-realtime-")).count();
    }
}
