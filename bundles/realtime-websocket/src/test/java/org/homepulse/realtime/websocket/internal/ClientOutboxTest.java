package org.homepulse.realtime.websocket.internal;

import static org.homepulse.realtime.websocket.internal.FakeConnection.json;
import static org.homepulse.realtime.websocket.internal.FakeConnection.status;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

public class ClientOutboxTest {

    private final FakeConnection connection = new FakeConnection(false);
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final ClientOutbox outbox = new ClientOutbox(connection, failures::add);

    @Test
    public void nothingLeavesBeforeReleaseAndTheSnapshotGoesFirst() {
        outbox.reply(InboundMessages.PONG);
        outbox.offer(status(5));
        assertEquals(List.of(), connection.sent());

        outbox.release();
        assertEquals(List.of(json(5)), connection.sent());
        connection.completeOldest(null);
        assertEquals(List.of(json(5), InboundMessages.PONG), connection.sent());
    }

    @Test
    public void aSlowClientHoldsOnlyTheLatestSnapshot() {
        outbox.release();
        outbox.offer(status(1));
        for (long sequence = 2; sequence <= 1000; sequence++) {
            outbox.offer(status(sequence));
            assertEquals("one in flight, one waiting", 1, outbox.pendingCount());
            assertEquals(1, connection.inFlightCount());
        }
        connection.completeOldest(null);
        connection.completeOldest(null);
        assertEquals(List.of(json(1), json(1000)), connection.sent());
        assertFalse(outbox.isSending());
        assertEquals(0, outbox.pendingCount());
    }

    @Test
    public void neverAnOlderSequenceAfterANewerOne() {
        outbox.release();
        outbox.offer(status(10));
        outbox.offer(status(7)); // e.g. the connect-time snapshot read before a newer publish
        outbox.offer(status(10)); // the same one again
        connection.completeOldest(null);
        outbox.offer(status(9));
        outbox.offer(status(11));
        connection.completeOldest(null);
        assertEquals(List.of(json(10), json(11)), connection.sent());
    }

    @Test
    public void aFailedSendIsReportedAndDoesNotWedgeTheOutbox() {
        outbox.release();
        outbox.offer(status(1));
        outbox.offer(status(2));
        IOException broken = new IOException("reset");
        connection.completeOldest(broken);
        assertEquals(List.of(broken), failures);
        assertEquals("the pending snapshot still goes", List.of(json(1), json(2)), connection.sent());
        connection.completeOldest(null);
        outbox.offer(status(3));
        assertEquals(List.of(json(1), json(2), json(3)), connection.sent());
    }

    @Test
    public void aSendThatThrowsCountsAsFailed() {
        ClientOutbox throwing = new ClientOutbox(new FakeConnection(false) {
            @Override
            public void sendText(String text, java.util.function.Consumer<Throwable> done) {
                throw new IllegalStateException("closed");
            }
        }, failures::add);
        throwing.release();
        throwing.offer(status(1));
        throwing.offer(status(2));
        assertEquals(2, failures.size());
        assertFalse(throwing.isSending());
    }

    @Test
    public void repliesAreBoundedWhileTheClientDoesNotRead() {
        outbox.release();
        outbox.offer(status(1));
        for (int i = 0; i < 1000; i++) {
            outbox.reply(InboundMessages.PONG);
        }
        assertEquals(ClientOutbox.MAX_PENDING_REPLIES, outbox.pendingCount());
    }

    @Test
    public void afterCloseNothingIsKeptOrSent() {
        outbox.release();
        outbox.offer(status(1));
        outbox.offer(status(2));
        outbox.close();
        assertEquals(0, outbox.pendingCount());
        connection.completeOldest(null);
        outbox.offer(status(3));
        outbox.reply(InboundMessages.PONG);
        assertEquals(List.of(json(1)), connection.sent());
    }

    @Test
    public void inlineCompletionsKeepOrderUnderConcurrentOffers() throws Exception {
        FakeConnection fast = new FakeConnection(true);
        ClientOutbox direct = new ClientOutbox(fast, failures::add);
        direct.release();
        int threads = 4;
        int perThread = 2000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    direct.offer(status((long) i * threads + offset));
                }
            });
            workers.add(worker);
            worker.start();
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        }
        long previous = Long.MIN_VALUE;
        Pattern sequence = Pattern.compile("\"sequence\":(\\d+)");
        for (String text : fast.sent()) {
            Matcher m = sequence.matcher(text);
            assertTrue(m.find());
            long value = Long.parseLong(m.group(1));
            assertTrue("strictly increasing: " + previous + " then " + value, value > previous);
            previous = value;
        }
        assertEquals("the newest is always delivered", (long) perThread * threads - 1, previous);
        assertFalse(direct.isSending());
    }
}
