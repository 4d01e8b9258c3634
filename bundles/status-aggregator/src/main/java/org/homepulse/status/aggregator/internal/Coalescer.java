package org.homepulse.status.aggregator.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Per-integration flap guard with leading and trailing edges: the first change of
 * an integration is published at once; further changes inside the window are held
 * and go out as one trailing message carrying the latest state.
 *
 * <p>Pure bookkeeping over a caller-supplied clock (nanoseconds), confined to the
 * hub thread, so its rules are unit-testable without timing.
 */
final class Coalescer {

    /** What the hub should do about a change. */
    enum Action { PUBLISH_NOW, SCHEDULE_TRAILING, ALREADY_PENDING }

    private final Map<String, Long> lastPublishedAt = new HashMap<>();
    private final Set<String> trailingPending = new HashSet<>();
    private long windowNanos;

    Coalescer(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    void setWindowNanos(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** An integration's state changed at {@code now}. */
    Action changed(String id, long now) {
        if (trailingPending.contains(id)) {
            return Action.ALREADY_PENDING;
        }
        Long last = lastPublishedAt.get(id);
        if (last == null || now - last >= windowNanos) {
            lastPublishedAt.put(id, now);
            return Action.PUBLISH_NOW;
        }
        trailingPending.add(id);
        return Action.SCHEDULE_TRAILING;
    }

    /** Nanoseconds from {@code now} until the trailing edge of {@code id} is due. */
    long trailingDelay(String id, long now) {
        Long last = lastPublishedAt.get(id);
        return last == null ? 0 : Math.max(0, last + windowNanos - now);
    }

    /** The trailing edge of {@code id} fires at {@code now}; it counts as a publication of {@code id}. */
    void trailingFired(String id, long now) {
        trailingPending.remove(id);
        lastPublishedAt.put(id, now);
    }
}
