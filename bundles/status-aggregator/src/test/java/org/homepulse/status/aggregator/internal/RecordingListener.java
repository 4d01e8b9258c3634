package org.homepulse.status.aggregator.internal;

import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.homepulse.status.snapshot.SystemStatus;
import org.homepulse.status.snapshot.SystemStatusListener;

/** Keeps every published snapshot and lets a test wait for one that matches. */
final class RecordingListener implements SystemStatusListener {

    private final List<SystemStatus> received = new ArrayList<>();

    @Override
    public synchronized void published(SystemStatus status) {
        received.add(status);
        notifyAll();
    }

    synchronized List<SystemStatus> all() {
        return new ArrayList<>(received);
    }

    synchronized SystemStatus last() {
        return received.isEmpty() ? null : received.get(received.size() - 1);
    }

    /** Waits until some snapshot received from index {@code from} on matches; returns it. */
    synchronized SystemStatus await(int from, Predicate<SystemStatus> condition, String what) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int next = from;
        while (true) {
            for (; next < received.size(); next++) {
                if (condition.test(received.get(next))) {
                    return received.get(next);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("no snapshot " + what + " within 10 s; got " + received);
            }
            try {
                wait(left / 1_000_000L + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    synchronized int size() {
        return received.size();
    }
}
