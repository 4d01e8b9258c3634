package org.homepulse.mqtt.integration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.homepulse.mqtt.MqttConnectionListener;
import org.homepulse.mqtt.MqttMessageHandler;
import org.homepulse.mqtt.MqttRegistration;
import org.homepulse.mqtt.MqttSubscriptions;

/**
 * Keeps one topic subscription and one connection listener in place while the
 * optional, dynamic {@link MqttSubscriptions} service comes and goes and while
 * the topic filter changes with configuration: it subscribes when both a service
 * and a filter are there, re-subscribes when either changes, and closes what it
 * registered when they go or on {@link #close()}.
 *
 * <p>{@link MqttIntegrationLifecycle} uses one; use it directly only if you need
 * the subscription handling without that lifecycle.
 *
 * <p>Thread-safe; every method returns promptly (the service's methods never block).
 * The service is foreign code: it is never called while our lock is held. A
 * generation counter discards registrations made for a state that was replaced
 * meanwhile.
 */
public final class MqttSubscriptionBinding {

    private final MqttMessageHandler handler;
    private final MqttConnectionListener listener;

    // Guarded by this.
    private MqttSubscriptions service;
    private String filter;
    private boolean closed;
    private long generation;
    private List<MqttRegistration> registrations = List.of();

    /**
     * @param handler  receives the messages of the current filter (on a transport thread)
     * @param listener told of connection edges while a subscription is held (on a transport thread)
     */
    public MqttSubscriptionBinding(MqttMessageHandler handler, MqttConnectionListener listener) {
        this.handler = handler;
        this.listener = listener;
    }

    /** The service was bound: subscribe with it (replacing any previous one). */
    public void serviceAdded(MqttSubscriptions s) {
        synchronized (this) {
            service = s;
        }
        resubscribe();
    }

    /** The service was unbound: drop what was registered with it; a different service is left alone. */
    public void serviceRemoved(MqttSubscriptions s) {
        synchronized (this) {
            if (service != s) {
                return;
            }
            service = null;
        }
        resubscribe();
    }

    /** The filter to hold, or {@code null} for none (disabled or not configured). */
    public void topicFilter(String newFilter) {
        synchronized (this) {
            if (Objects.equals(filter, newFilter)) {
                return; // re-saved configuration: keep the subscription, no retained replay
            }
            filter = newFilter;
        }
        resubscribe();
    }

    /** Closes what is registered and subscribes no more; for deactivation. */
    public void close() {
        List<MqttRegistration> old;
        synchronized (this) {
            closed = true;
            generation++;
            old = registrations;
            registrations = List.of();
        }
        closeAll(old);
    }

    /** The current service, or {@code null}. */
    public synchronized MqttSubscriptions service() {
        return service;
    }

    private void resubscribe() {
        List<MqttRegistration> old;
        MqttSubscriptions s;
        String f;
        long gen;
        synchronized (this) {
            if (closed) {
                return;
            }
            old = registrations;
            registrations = List.of();
            gen = ++generation;
            s = service;
            f = filter;
        }
        closeAll(old);
        if (s == null || f == null) {
            return;
        }
        List<MqttRegistration> made = new ArrayList<>(2);
        try {
            made.add(s.subscribe(f, handler));
            made.add(s.addConnectionListener(listener));
        } catch (RuntimeException transportGoingAway) {
            closeAll(made);
            return; // the service's unbind follows
        }
        synchronized (this) {
            if (gen == generation) {
                registrations = made;
                return;
            }
        }
        closeAll(made); // superseded while we were subscribing
    }

    private static void closeAll(List<MqttRegistration> regs) {
        for (MqttRegistration r : regs) {
            r.close();
        }
    }
}
