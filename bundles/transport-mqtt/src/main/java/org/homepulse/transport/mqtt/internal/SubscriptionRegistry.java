package org.homepulse.transport.mqtt.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.homepulse.mqtt.MqttMessage;
import org.homepulse.mqtt.MqttMessageHandler;
import org.homepulse.mqtt.MqttRegistration;
import org.homepulse.mqtt.integration.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who wants which topics. Several handlers may share one filter; the broker sees
 * each distinct filter once, tagged with a subscription identifier so that a
 * message the broker sends once per overlapping subscription reaches only the
 * handlers of the subscription it was sent for.
 *
 * <p>Dispatch runs on the MQTT client's network thread and only enqueues: each
 * handler has its own bounded {@link SerialQueue}.
 */
final class SubscriptionRegistry {

    /** Told (outside our lock) when the broker must learn about a new filter, or forget one. */
    interface BrokerSide {
        void filterAdded(FilterEntry entry);

        void filterRemoved(FilterEntry entry);
    }

    /** One distinct topic filter and its handlers. */
    static final class FilterEntry {
        final String filter;
        final int subscriptionId;
        final List<HandlerRegistration> handlers = new CopyOnWriteArrayList<>();

        FilterEntry(String filter, int subscriptionId) {
            this.filter = filter;
            this.subscriptionId = subscriptionId;
        }
    }

    static final int QUEUE_CAPACITY = 1000;
    private static final int MAX_SUBSCRIPTION_ID = 268_435_455;
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionRegistry.class);

    private final Executor pool;
    private final BrokerSide broker;
    private final RateLimitedLog problems = new RateLimitedLog(LOG);
    private final Map<String, FilterEntry> byFilter = new HashMap<>(); // guarded by this
    private volatile List<FilterEntry> snapshot = List.of();
    private int lastId;                                                 // guarded by this
    private boolean closed;                                             // guarded by this

    SubscriptionRegistry(Executor pool, BrokerSide broker) {
        this.pool = pool;
        this.broker = broker;
    }

    MqttRegistration subscribe(String filter, MqttMessageHandler handler) {
        TopicFilters.validate(filter);
        if (handler == null) {
            throw new IllegalArgumentException("handler is null");
        }
        HandlerRegistration reg;
        FilterEntry added = null;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("MQTT transport is shutting down");
            }
            FilterEntry entry = byFilter.get(filter);
            if (entry == null) {
                lastId = lastId >= MAX_SUBSCRIPTION_ID ? 1 : lastId + 1;
                entry = new FilterEntry(filter, lastId);
                byFilter.put(filter, entry);
                added = entry;
            }
            reg = new HandlerRegistration(entry, handler);
            entry.handlers.add(reg);
            snapshot = List.copyOf(byFilter.values());
        }
        if (added != null) {
            broker.filterAdded(added);
        }
        return reg;
    }

    /** The distinct filters right now. */
    List<FilterEntry> filters() {
        return snapshot;
    }

    /**
     * Hands a received message to every interested handler's queue. Never blocks.
     *
     * @param subscriptionIds the identifiers the broker sent with it; empty if it sent none
     */
    void dispatch(String topic, byte[] payload, boolean retained, List<Integer> subscriptionIds) {
        MqttMessage message = null;
        for (FilterEntry entry : snapshot) {
            boolean wanted = subscriptionIds.isEmpty()
                    ? TopicFilters.matches(entry.filter, topic)
                    : subscriptionIds.contains(entry.subscriptionId);
            if (!wanted) {
                continue;
            }
            if (message == null) {
                message = new MqttMessage(topic, payload, retained);
            }
            for (HandlerRegistration reg : entry.handlers) {
                reg.deliver(message);
            }
        }
    }

    /** Ends every subscription without telling the broker (the connection is going away). */
    void closeAll() {
        List<FilterEntry> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(byFilter.values());
            byFilter.clear();
            snapshot = List.of();
        }
        for (FilterEntry e : all) {
            for (HandlerRegistration reg : e.handlers) {
                reg.queue.close();
            }
        }
    }

    private void remove(HandlerRegistration reg) {
        FilterEntry removed = null;
        synchronized (this) {
            FilterEntry entry = reg.entry;
            entry.handlers.remove(reg);
            if (entry.handlers.isEmpty() && byFilter.get(entry.filter) == entry) {
                byFilter.remove(entry.filter);
                snapshot = List.copyOf(byFilter.values());
                removed = closed ? null : entry;
            }
        }
        reg.queue.close();
        if (removed != null) {
            broker.filterRemoved(removed);
        }
    }

    /** One handler on one filter; the handle given to the subscriber. */
    final class HandlerRegistration implements MqttRegistration {
        final FilterEntry entry;
        final MqttMessageHandler handler;
        final SerialQueue queue;
        private volatile boolean closed;

        HandlerRegistration(FilterEntry entry, MqttMessageHandler handler) {
            this.entry = entry;
            this.handler = handler;
            this.queue = new SerialQueue(pool, QUEUE_CAPACITY, t -> problems.warn("handler:" + entry.filter,
                    "An MQTT message handler for '" + entry.filter + "' failed: " + FailureClassifier.describe(t)));
        }

        void deliver(MqttMessage message) {
            if (closed) {
                return;
            }
            if (!queue.offer(() -> {
                if (!closed) {
                    try {
                        handler.onMessage(message);
                    } catch (RuntimeException | Error e) {
                        throw e;
                    } catch (Exception e) {
                        throw new HandlerException(e);
                    }
                }
            })) {
                problems.warn("overflow:" + entry.filter, "MQTT messages for '" + entry.filter
                        + "' dropped: its handler is not keeping up (queue of " + QUEUE_CAPACITY + " full)");
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                remove(this);
            }
        }

        @Override
        public String toString() {
            return "MqttSubscription[" + entry.filter + "]";
        }
    }

    /** Carries a checked exception from a handler through {@link Runnable}. */
    private static final class HandlerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HandlerException(Exception cause) {
            super(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                    cause, false, false);
        }
    }
}
