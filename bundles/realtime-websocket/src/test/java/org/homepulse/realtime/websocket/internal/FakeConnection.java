package org.homepulse.realtime.websocket.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.homepulse.status.snapshot.SystemStatus;

/**
 * A connection whose sends complete when the test says so (or at once, if
 * {@code autoComplete}). Every change wakes waiters, so tests wait for
 * conditions with a deadline instead of sleeping.
 */
class FakeConnection implements Connection {

    static final long DEADLINE_MS = 5000;

    private final List<String> sent = new ArrayList<>();
    private final List<Consumer<Throwable>> inFlight = new ArrayList<>();
    private boolean autoComplete;
    private int pings;
    private boolean pingFails;
    private Integer closeCode;
    private String closeReason;
    private String closeThread;

    FakeConnection(boolean autoComplete) {
        this.autoComplete = autoComplete;
    }

    static SystemStatus status(long sequence) {
        return new SystemStatus(sequence, Instant.EPOCH, Map.of(), json(sequence));
    }

    static String json(long sequence) {
        return "{\"type\":\"system_status\",\"sequence\":" + sequence + "}";
    }

    @Override
    public void sendText(String text, Consumer<Throwable> done) {
        boolean complete;
        synchronized (this) {
            sent.add(text);
            complete = autoComplete;
            if (!complete) {
                inFlight.add(done);
            }
            notifyAll();
        }
        if (complete) {
            done.accept(null); // like Jetty when the write finishes on the caller's thread
        }
    }

    @Override
    public synchronized void sendPing() throws Exception {
        if (pingFails) {
            throw new java.io.IOException("broken pipe");
        }
        pings++;
        notifyAll();
    }

    @Override
    public synchronized void close(int code, String reason) {
        if (closeCode == null) {
            closeCode = code;
            closeReason = reason;
            closeThread = Thread.currentThread().getName();
        }
        notifyAll();
    }

    @Override
    public String describe() {
        return "fake";
    }

    /** Completes the oldest send in flight, successfully or with {@code failure}. */
    void completeOldest(Throwable failure) {
        Consumer<Throwable> done;
        synchronized (this) {
            if (inFlight.isEmpty()) {
                throw new AssertionError("nothing in flight");
            }
            done = inFlight.remove(0);
        }
        done.accept(failure);
    }

    synchronized int inFlightCount() {
        return inFlight.size();
    }

    synchronized List<String> sent() {
        return new ArrayList<>(sent);
    }

    synchronized int pings() {
        return pings;
    }

    synchronized void failPings() {
        pingFails = true;
    }

    synchronized Integer closeCode() {
        return closeCode;
    }

    synchronized String closeReason() {
        return closeReason;
    }

    synchronized String closeThread() {
        return closeThread;
    }

    synchronized void await(Predicate<FakeConnection> condition, String what) {
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        while (!condition.test(this)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("timed out waiting for " + what + "; sent=" + sent + ", close=" + closeCode);
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    void awaitClose(int code) {
        await(c -> c.closeCode != null, "close " + code);
        if (closeCode != code) {
            throw new AssertionError("closed with " + closeCode + " (" + closeReason + "), expected " + code);
        }
    }

    void awaitSent(int count) {
        await(c -> c.sent.size() >= count, count + " message(s)");
    }
}
