package org.homepulse.transport.mqtt.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.homepulse.mqtt.MqttConnectionListener;
import org.homepulse.mqtt.MqttRegistration;
import org.homepulse.mqtt.integration.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link MqttConnectionListener}s, each called on its own serial queue. */
final class ConnectionListeners {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionListeners.class);
    private static final int QUEUE_CAPACITY = 100;

    private final Executor pool;
    private final BooleanSupplier connected;
    private final RateLimitedLog problems = new RateLimitedLog(LOG);
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    ConnectionListeners(Executor pool, BooleanSupplier connected) {
        this.pool = pool;
        this.connected = connected;
    }

    MqttRegistration add(MqttConnectionListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is null");
        }
        if (closed) {
            throw new IllegalStateException("MQTT transport is shutting down");
        }
        Registration reg = new Registration(listener);
        registrations.add(reg);
        // Read the state only after joining the list: an edge in between is then
        // delivered as well, so the last call always carries the current state.
        reg.tell(connected.getAsBoolean());
        return reg;
    }

    /** Tells every listener about an edge. Call after the new state is visible to {@code connected}. */
    void fire(boolean isConnected) {
        for (Registration reg : registrations) {
            reg.tell(isConnected);
        }
    }

    void closeAll() {
        closed = true;
        for (Registration reg : registrations) {
            reg.close();
        }
    }

    private final class Registration implements MqttRegistration {
        private final MqttConnectionListener listener;
        private final SerialQueue queue;
        private volatile boolean closed;

        Registration(MqttConnectionListener listener) {
            this.listener = listener;
            this.queue = new SerialQueue(pool, QUEUE_CAPACITY, t -> problems.warn(listener.getClass().getName(),
                    "An MQTT connection listener failed: " + FailureClassifier.describe(t)));
        }

        void tell(boolean isConnected) {
            if (closed) {
                return;
            }
            if (!queue.offer(() -> {
                if (!closed) {
                    try {
                        listener.connectionChanged(isConnected);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(FailureClassifier.describe(e), e);
                    }
                }
            })) {
                problems.warn("overflow", "MQTT connection events dropped: a listener is not keeping up");
            }
        }

        @Override
        public void close() {
            closed = true;
            registrations.remove(this);
            queue.close();
        }
    }
}
