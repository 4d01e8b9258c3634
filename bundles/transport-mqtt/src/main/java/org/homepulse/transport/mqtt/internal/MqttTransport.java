package org.homepulse.transport.mqtt.internal;

import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.homepulse.mqtt.MqttConnectionListener;
import org.homepulse.mqtt.MqttMessageHandler;
import org.homepulse.mqtt.MqttRegistration;
import org.homepulse.mqtt.MqttSubscriptions;
import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.PrimaryField;
import org.homepulse.status.StatusChangeNotifier;
import org.homepulse.status.StatusProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT transport component: the {@code mqtt} status and the shared
 * {@link MqttSubscriptions} service, configured by PID {@value #PID}.
 *
 * <p>Lifecycle methods only parse configuration and hand work to the
 * connection's own thread: SCR threads never wait for the network.
 */
@Component(name = MqttTransport.PID, configurationPid = MqttTransport.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {StatusProvider.class, MqttSubscriptions.class})
public final class MqttTransport implements StatusProvider, MqttSubscriptions {

    static final String PID = "org.homepulse.mqtt";
    static final String ID = "mqtt";
    private static final Logger LOG = LoggerFactory.getLogger(MqttTransport.class);
    private static final long POOL_TERMINATION_MILLIS = 2000;

    private volatile StatusChangeNotifier notifier;

    private ThreadPoolExecutor handlerPool;
    private SubscriptionRegistry subscriptions;
    private ConnectionListeners listeners;
    private MqttConnection connection;

    // Lifecycle and reference methods are public only so tests elsewhere can drive the
    // component as plain Java; the bundle exports nothing.

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void bindNotifier(StatusChangeNotifier n) {
        notifier = n;
    }

    public void unbindNotifier(StatusChangeNotifier n) {
        if (notifier == n) {
            notifier = null;
        }
    }

    @Activate
    public void activate(Map<String, Object> config) {
        // One pool for all handler and listener queues; a queue uses at most one thread at a time.
        handlerPool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), new NamedThreads("dispatch"));
        subscriptions = new SubscriptionRegistry(handlerPool, new SubscriptionRegistry.BrokerSide() {
            @Override
            public void filterAdded(SubscriptionRegistry.FilterEntry entry) {
                connection.filterAdded(entry);
            }

            @Override
            public void filterRemoved(SubscriptionRegistry.FilterEntry entry) {
                connection.filterRemoved(entry);
            }
        });
        listeners = new ConnectionListeners(handlerPool, this::isConnected);
        connection = new MqttConnection(subscriptions, listeners, this::signalStatusChanged);
        configure(config);
    }

    @Modified
    public void modified(Map<String, Object> config) {
        configure(config);
    }

    @Deactivate
    public void deactivate() {
        listeners.closeAll();
        subscriptions.closeAll();
        connection.close();
        handlerPool.shutdownNow();
        try {
            if (!handlerPool.awaitTermination(POOL_TERMINATION_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.warn("An MQTT message handler did not stop within {} ms of the transport stopping",
                        POOL_TERMINATION_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void configure(Map<String, ?> config) {
        boolean enabled = MqttSettings.enabled(config);
        MqttSettings settings = null;
        try {
            settings = MqttSettings.parse(config);
        } catch (InvalidSettingException e) {
            LOG.error("MQTT configuration (PID {}) is invalid: {}. Not connecting until it is fixed.", PID,
                    e.getMessage());
        }
        connection.apply(enabled, settings);
    }

    private void signalStatusChanged() {
        StatusChangeNotifier n = notifier;
        if (n != null) {
            n.statusChanged(ID);
        }
    }

    // ---- StatusProvider ----

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "MQTT broker";
    }

    @Override
    public PrimaryField primary() {
        return PrimaryField.CONNECTED;
    }

    @Override
    public IntegrationStatus status() {
        return connection.status();
    }

    // ---- MqttSubscriptions ----

    @Override
    public MqttRegistration subscribe(String topicFilter, MqttMessageHandler handler) {
        return subscriptions.subscribe(topicFilter, handler);
    }

    @Override
    public MqttRegistration addConnectionListener(MqttConnectionListener listener) {
        return listeners.add(listener);
    }

    @Override
    public boolean isConnected() {
        return connection.isConnected();
    }
}
