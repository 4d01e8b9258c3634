package org.homepulse.status.aggregator.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import org.homepulse.status.StatusProvider;
import org.homepulse.status.snapshot.StatusEntry;
import org.homepulse.status.snapshot.SystemStatus;
import org.homepulse.status.snapshot.SystemStatusListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregation engine, free of OSGi so it can be tested directly.
 *
 * <p>Threading: all state lives on one hub thread, so it needs no locks. Providers
 * are called only on reader threads (at most one call in flight per provider, so a
 * blocked provider pins one thread, not a growing number), and listeners only on
 * the publisher thread. Public methods just enqueue and return.
 */
final class StatusHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatusHub.class);
    private static final Pattern VALID_ID = Pattern.compile(StatusProvider.ID_PATTERN);
    private static final long SHUTDOWN_WAIT_MS = 2000;

    private final ScheduledExecutorService hub = Executors.newSingleThreadScheduledExecutor(
            NamedThreads.factory("homepulse-status-hub"));
    private final ExecutorService readers = Executors.newCachedThreadPool(NamedThreads.factory("homepulse-status-reader"));
    private final ExecutorService publisher = Executors.newSingleThreadExecutor(
            NamedThreads.factory("homepulse-status-publisher"));
    private final List<SystemStatusListener> listeners;
    private final SnapshotRenderer renderer = new SnapshotRenderer();
    private final LongSupplier nanoClock;

    private volatile SystemStatus current;

    // Hub-thread state.
    private final Map<StatusProvider, TrackedProvider> tracked = new IdentityHashMap<>();
    private final Map<String, TrackedProvider> active = new TreeMap<>();
    private Map<String, StatusEntry> published = Collections.emptyMap();
    private long sequence;
    private AggregatorSettings settings;
    private final Coalescer coalescer;
    private ScheduledFuture<?> tick;

    /** @param listeners read on every publication; the caller may change it at any time */
    StatusHub(AggregatorSettings settings, List<SystemStatusListener> listeners) {
        this(settings, listeners, System::nanoTime);
    }

    StatusHub(AggregatorSettings settings, List<SystemStatusListener> listeners, LongSupplier nanoClock) {
        this.listeners = listeners;
        this.nanoClock = nanoClock;
        this.settings = settings;
        this.coalescer = new Coalescer(TimeUnit.MILLISECONDS.toNanos(settings.coalesceWindowMs));
        // Seeded from the clock so a restarted aggregator keeps numbering above its predecessor.
        this.sequence = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        Instant now = Instant.now();
        this.current = new SystemStatus(sequence, now, published, renderer.render(sequence, now, published));
        onHub(this::scheduleTick);
    }

    // ---- called from any thread -------------------------------------------------

    void addProvider(StatusProvider provider, String origin) {
        onHub(() -> {
            TrackedProvider t = new TrackedProvider(provider, origin);
            tracked.put(provider, t);
            startRead(t);
        });
    }

    void removeProvider(StatusProvider provider) {
        onHub(() -> {
            TrackedProvider t = tracked.remove(provider);
            if (t != null && t.active) {
                active.remove(t.id);
                promoteStandby(t.id);
                changed(t.id);
            }
        });
    }

    /** The provider with this id may have changed: re-read it now. */
    void signal(String id) {
        onHub(() -> {
            TrackedProvider t = active.get(id);
            if (t != null) {
                startRead(t);
            }
        });
    }

    void reconfigure(AggregatorSettings next) {
        onHub(() -> {
            settings = next;
            coalescer.setWindowNanos(TimeUnit.MILLISECONDS.toNanos(next.coalesceWindowMs));
            scheduleTick();
            LOG.info("Status aggregator settings: {}", next);
        });
    }

    SystemStatus current() {
        return current;
    }

    @Override
    public void close() {
        hub.shutdownNow();
        publisher.shutdownNow();
        // Interrupts providers stuck in status(); one that ignores interrupts keeps its
        // reader thread until it returns, and then the thread ends.
        readers.shutdownNow();
        try {
            hub.awaitTermination(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS);
            publisher.awaitTermination(SHUTDOWN_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- hub thread ---------------------------------------------------------------

    private void onHub(Runnable task) {
        try {
            hub.execute(guarded(task));
        } catch (RejectedExecutionException closed) {
            // shutting down: nothing left to update
        }
    }

    private void scheduleTick() {
        if (tick != null) {
            tick.cancel(false);
        }
        long every = settings.tickIntervalMs;
        tick = hub.scheduleWithFixedDelay(guarded(this::onTick), every, every, TimeUnit.MILLISECONDS);
    }

    private void onTick() {
        for (TrackedProvider t : new ArrayList<>(tracked.values())) {
            if (!t.ignored) {
                startRead(t);
            }
        }
    }

    private void startRead(TrackedProvider t) {
        if (t.readInFlight) {
            t.rereadWanted = true;
            return;
        }
        t.readInFlight = true;
        long generation = ++t.readGeneration;
        boolean identify = !t.identified();
        try {
            readers.execute(() -> {
                Observation o = Observation.of(t.service, identify);
                onHub(() -> readDone(t, generation, o));
            });
        } catch (RejectedExecutionException closed) {
            return;
        }
        hub.schedule(guarded(() -> readTimedOut(t, generation)), settings.providerTimeoutMs, TimeUnit.MILLISECONDS);
    }

    private void readDone(TrackedProvider t, long generation, Observation o) {
        if (tracked.get(t.service) != t || generation != t.readGeneration) {
            return; // removed meanwhile
        }
        t.readInFlight = false;
        if (!t.identified() && !identify(t, o)) {
            return;
        }
        if (o.failure != null) {
            if (t.markFailing()) {
                LOG.warn("Status provider '{}' ({}) failed: {}; shown as provider_error", t.id, t.origin, o.failure);
            }
        } else if (t.failing) {
            t.failing = false;
            LOG.info("Status provider '{}' ({}) answers again", t.id, t.origin);
        }
        if (t.update(o.status != null ? o.status : t.providerError()) && t.active) {
            changed(t.id);
        }
        if (t.rereadWanted) {
            t.rereadWanted = false;
            startRead(t);
        }
    }

    private boolean identify(TrackedProvider t, Observation o) {
        if (!o.identityKnown()) {
            if (t.markFailing()) {
                LOG.warn("Status provider {} could not say who it is ({}); retrying on every tick", t.origin, o.failure);
            }
            return false;
        }
        if (!VALID_ID.matcher(o.id).matches()) {
            t.ignored = true;
            LOG.error("Status provider {} has invalid id '{}' (must match {}); ignored", t.origin, o.id,
                    StatusProvider.ID_PATTERN);
            return false;
        }
        t.id = o.id;
        t.displayName = o.displayName;
        t.primary = o.primary;
        t.failing = false;
        if (active.containsKey(t.id)) {
            LOG.error("Status provider {} has id '{}', which {} already uses; it stays hidden while that one exists",
                    t.origin, t.id, active.get(t.id).origin);
        } else {
            t.active = true;
            active.put(t.id, t);
        }
        return true;
    }

    private void readTimedOut(TrackedProvider t, long generation) {
        if (tracked.get(t.service) != t || !t.readInFlight || generation != t.readGeneration) {
            return;
        }
        if (!t.identified()) {
            // Without an id there is no key to show provider_error under: it stays unlisted.
            if (t.markFailing()) {
                LOG.warn("Status provider {} did not say who it is within {} ms; not listed until it does", t.origin,
                        settings.providerTimeoutMs);
            }
            return;
        }
        if (t.markFailing()) {
            LOG.warn("Status provider '{}' ({}) did not answer within {} ms; shown as provider_error", t.id, t.origin,
                    settings.providerTimeoutMs);
        }
        if (t.update(t.providerError()) && t.active) {
            changed(t.id);
        }
    }

    private void promoteStandby(String id) {
        for (TrackedProvider t : tracked.values()) {
            if (id.equals(t.id) && !t.ignored) {
                t.active = true;
                active.put(id, t);
                startRead(t);
                return;
            }
        }
    }

    private void changed(String id) {
        long now = nanoClock.getAsLong();
        switch (coalescer.changed(id, now)) {
            case PUBLISH_NOW:
                publishIfDifferent();
                break;
            case SCHEDULE_TRAILING:
                hub.schedule(guarded(() -> {
                    coalescer.trailingFired(id, nanoClock.getAsLong());
                    publishIfDifferent();
                }), coalescer.trailingDelay(id, now), TimeUnit.NANOSECONDS);
                break;
            case ALREADY_PENDING:
            default:
                break;
        }
    }

    private void publishIfDifferent() {
        Map<String, StatusEntry> entries = new LinkedHashMap<>();
        for (TrackedProvider t : active.values()) {
            if (t.status != null) {
                entries.put(t.id, t.entry());
            }
        }
        if (entries.equals(published)) {
            return;
        }
        published = entries;
        sequence++;
        Instant now = Instant.now();
        SystemStatus snapshot = new SystemStatus(sequence, now, entries, renderer.render(sequence, now, entries));
        current = snapshot;
        try {
            publisher.execute(() -> deliver(snapshot));
        } catch (RejectedExecutionException closed) {
            // shutting down
        }
    }

    // ---- publisher thread -----------------------------------------------------------

    private void deliver(SystemStatus snapshot) {
        for (SystemStatusListener listener : listeners) {
            try {
                listener.published(snapshot);
            } catch (RuntimeException e) {
                LOG.warn("System status listener {} failed on sequence {}", listener.getClass().getName(),
                        snapshot.sequence(), e);
            }
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("Status aggregator task failed", e);
            }
        };
    }
}
