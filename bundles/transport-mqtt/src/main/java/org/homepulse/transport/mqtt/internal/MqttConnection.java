package org.homepulse.transport.mqtt.internal;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the one Paho client and its life: connect, give up, back off, reconnect,
 * re-subscribe on every CONNACK.
 *
 * <p>Threading: every state change happens on one private scheduler thread, so
 * the state needs no lock. Paho's callbacks only hop onto that thread (and
 * {@code messageArrived} only enqueues). A generation object ({@link Session})
 * tags every callback, so late news from a client we already dropped is ignored.
 * Callers of {@link #apply} (configuration threads) never wait for I/O.
 */
final class MqttConnection {

    private static final Logger LOG = LoggerFactory.getLogger(MqttConnection.class);
    private static final int SUBSCRIBE_QOS = 1;
    private static final long DISCONNECT_TIMEOUT_MILLIS = 1000;
    /** Paho has its own connect timeout; ours also covers a broker that accepts TCP but never answers. */
    private static final int WATCHDOG_EXTRA_SECONDS = 2;

    private final ScheduledExecutorService scheduler;
    private final SubscriptionRegistry subscriptions;
    private final ConnectionListeners listeners;
    private final Runnable statusChanged;
    private final String clientIdSuffix;

    private volatile IntegrationStatus status = IntegrationStatus.down(Reason.CONNECTING);
    private volatile boolean connected;
    private volatile Session session;

    // Confined to the scheduler thread.
    private boolean applied;
    private boolean enabled;
    private MqttSettings settings;
    private int failures;
    private ScheduledFuture<?> pending;
    private Reason lastLoggedFailure;

    MqttConnection(SubscriptionRegistry subscriptions, ConnectionListeners listeners, Runnable statusChanged) {
        this.subscriptions = subscriptions;
        this.listeners = listeners;
        this.statusChanged = statusChanged;
        this.clientIdSuffix = randomSuffix();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, new NamedThreads("connection"));
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.scheduler = executor;
    }

    IntegrationStatus status() {
        return status;
    }

    boolean isConnected() {
        return connected;
    }

    /**
     * Switches to a new configuration: {@code settings} is {@code null} when the
     * configuration is invalid. Returns at once; an unchanged configuration keeps the
     * current connection.
     */
    void apply(boolean newEnabled, MqttSettings newSettings) {
        submit(() -> {
            if (applied && newEnabled == enabled && Objects.equals(newSettings, settings)) {
                return;
            }
            applied = true;
            dropSession();
            enabled = newEnabled;
            settings = newSettings;
            failures = 0;
            lastLoggedFailure = null;
            if (!enabled) {
                setStatus(IntegrationStatus.disabled(settings != null));
            } else if (settings == null) {
                setStatus(IntegrationStatus.notConfigured(true));
            } else {
                if (settings.useTls && settings.tlsInsecure) {
                    // Once per configuration, not per attempt: a broker down for a day must not repeat it.
                    LOG.warn("MQTT TLS to {} accepts any server certificate (tls_insecure=true)", settings.target());
                }
                setStatus(IntegrationStatus.down(Reason.CONNECTING));
                connect();
            }
        });
    }

    /** Subscribes a filter the registry just gained, if we are connected (otherwise the next CONNACK does). */
    void filterAdded(SubscriptionRegistry.FilterEntry entry) {
        submit(() -> {
            Session s = session;
            if (s != null && s.up) {
                subscribe(s, entry);
            }
        });
    }

    void filterRemoved(SubscriptionRegistry.FilterEntry entry) {
        submit(() -> {
            Session s = session;
            if (s != null && s.up && s.subscribed.remove(entry.filter)) {
                try {
                    s.client.unsubscribe(entry.filter);
                } catch (MqttException | RuntimeException e) {
                    LOG.debug("MQTT unsubscribe from '{}' failed: {}", entry.filter, FailureClassifier.describe(e));
                }
            }
        });
    }

    /** Disconnects and stops the thread; waits a bounded time so nothing outlives the bundle. */
    void close() {
        submit(this::dropSession);
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(DISCONNECT_TIMEOUT_MILLIS * 3, TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
        Session s = session;
        if (s != null) { // the scheduler did not get to it
            closeClient(s);
        }
    }

    // ---- on the scheduler thread ----

    private void connect() {
        MqttSettings s = settings;
        String clientId = s.clientIdPrefix + "-" + clientIdSuffix;
        MqttAsyncClient client = null;
        try {
            MqttConnectionOptions options = options(s);
            client = new MqttAsyncClient(s.serverUri(), clientId, new MemoryPersistence());
            Session attempt = new Session(client, s);
            client.setCallback(attempt);
            session = attempt;
            client.connect(options, null, attempt);
            pending = scheduler.schedule(() -> onConnectTimeout(attempt),
                    s.connectTimeoutSeconds + WATCHDOG_EXTRA_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            Session failed = session;
            if (failed != null && failed.client == client) {
                session = null;
                closeClient(failed);
            } else if (client != null) {
                closeQuietly(client);
            }
            failed(e);
        }
    }

    private MqttConnectionOptions options(MqttSettings s) throws Exception {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);          // we re-subscribe on every CONNACK ourselves
        o.setSessionExpiryInterval(0L);
        o.setAutomaticReconnect(false); // our back-off, our reasons
        o.setKeepAliveInterval(s.keepaliveSeconds);
        o.setConnectionTimeout(s.connectTimeoutSeconds);
        if (s.username != null) {
            o.setUserName(s.username);
        }
        if (s.password != null) {
            o.setPassword(s.password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (s.useTls) {
            try {
                o.setSocketFactory(TlsSocketFactories.create(s));
            } catch (java.io.IOException | java.security.GeneralSecurityException e) {
                // A CA file we cannot use is a TLS problem, whatever the exception type.
                throw new javax.net.ssl.SSLException("cannot set up TLS (tls_ca_file)", e);
            }
            o.setHttpsHostnameVerificationEnabled(!s.tlsInsecure);
        }
        return o;
    }

    private void onConnected(Session s) {
        if (s != session) {
            return;
        }
        cancelPending();
        s.up = true;
        connected = true;
        failures = 0;
        lastLoggedFailure = null;
        LOG.info("MQTT connected to {}", s.settings.target());
        // Announce first: the retained replays our subscriptions trigger may reach
        // handlers at once, and they should already see the connection as up.
        setStatus(IntegrationStatus.up());
        listeners.fire(true);
        for (SubscriptionRegistry.FilterEntry entry : subscriptions.filters()) {
            subscribe(s, entry);
        }
    }

    private void onConnectFailed(Session s, Throwable cause) {
        if (s != session) {
            return;
        }
        session = null;
        closeClient(s);
        failed(cause);
    }

    private void onConnectTimeout(Session s) {
        if (s == session && !s.up) {
            onConnectFailed(s, new MqttException(MqttClientException.REASON_CODE_CLIENT_TIMEOUT));
        }
    }

    private void onLost(Session s, Throwable cause) {
        if (s != session || !s.up) {
            return;
        }
        session = null;
        s.up = false;
        connected = false;
        closeClient(s);
        Reason reason = cause == null ? Reason.UNREACHABLE : FailureClassifier.classify(cause);
        LOG.warn("MQTT connection to {} lost ({}): {}; reconnecting", s.settings.target(), reason.wireName(),
                cause == null ? "server closed the session" : FailureClassifier.describe(cause));
        lastLoggedFailure = reason;
        setStatus(IntegrationStatus.down(reason));
        listeners.fire(false);
        failures = 0;
        scheduleRetry(retryDelayMillis());
    }

    private void failed(Throwable cause) {
        cancelPending();
        Reason reason = FailureClassifier.classify(cause);
        long delay = retryDelayMillis();
        if (reason != lastLoggedFailure) {
            // One line per kind of failure, not per attempt: a broker down for a day must not flood the log.
            LOG.warn("MQTT connection to {} failed ({}): {}; retrying with back-off (next in {} ms)",
                    settings.target(), reason.wireName(), FailureClassifier.describe(cause), delay);
            lastLoggedFailure = reason;
        } else {
            LOG.debug("MQTT connection to {} failed again ({})", settings.target(), reason.wireName());
        }
        setStatus(IntegrationStatus.down(reason));
        scheduleRetry(delay);
    }

    private long retryDelayMillis() {
        return new Backoff(settings.reconnectMinSeconds, settings.reconnectMaxSeconds).delayMillis(failures);
    }

    private void scheduleRetry(long delay) {
        failures++;
        pending = scheduler.schedule(() -> {
            pending = null;
            if (enabled && settings != null && session == null) {
                connect();
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    private void subscribe(Session s, SubscriptionRegistry.FilterEntry entry) {
        if (!s.subscribed.add(entry.filter)) {
            return;
        }
        MqttProperties properties = new MqttProperties();
        properties.setSubscriptionIdentifier(entry.subscriptionId);
        try {
            s.client.subscribe(new MqttSubscription[] {new MqttSubscription(entry.filter, SUBSCRIBE_QOS)}, null,
                    new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            int[] codes = token.getReasonCodes();
                            if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                                LOG.warn("The MQTT broker refused the subscription to '{}' (reason code 0x{})",
                                        entry.filter, Integer.toHexString(codes[0]));
                            }
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable e) {
                            LOG.warn("MQTT subscription to '{}' failed: {}", entry.filter,
                                    FailureClassifier.describe(e));
                        }
                    }, properties);
        } catch (MqttException | RuntimeException e) {
            LOG.warn("MQTT subscription to '{}' failed: {}", entry.filter, FailureClassifier.describe(e));
        }
    }

    private void dropSession() {
        cancelPending();
        Session s = session;
        session = null;
        boolean wasConnected = connected;
        connected = false;
        if (s != null) {
            s.up = false;
            closeClient(s);
        }
        if (wasConnected) {
            listeners.fire(false);
        }
    }

    private void setStatus(IntegrationStatus next) {
        if (!next.equals(status)) {
            status = next;
            statusChanged.run();
        }
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void submit(Runnable task) {
        try {
            scheduler.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("MQTT connection task failed", e);
                }
            });
        } catch (RejectedExecutionException closed) {
            // shutting down: nothing left to do
        }
    }

    private static void closeClient(Session s) {
        try {
            // DISCONNECT only if we have a session to end; otherwise just drop the socket.
            s.client.disconnectForcibly(0, DISCONNECT_TIMEOUT_MILLIS, s.up);
        } catch (MqttException | RuntimeException ignored) {
            // already gone
        }
        closeQuietly(s.client);
    }

    private static void closeQuietly(MqttAsyncClient client) {
        try {
            client.close(true);
        } catch (MqttException | RuntimeException ignored) {
            // already closed
        }
    }

    private static String randomSuffix() {
        byte[] b = new byte[4];
        new SecureRandom().nextBytes(b);
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x));
        }
        return sb.toString();
    }

    /** One client instance: Paho's callbacks for it, tagged so stale ones are ignored. */
    private final class Session implements MqttCallback, MqttActionListener {
        final MqttAsyncClient client;
        final MqttSettings settings;
        final Set<String> subscribed = new HashSet<>(); // scheduler thread only
        volatile boolean up;

        Session(MqttAsyncClient client, MqttSettings settings) {
            this.client = client;
            this.settings = settings;
        }

        @Override // CONNACK accepted
        public void onSuccess(IMqttToken token) {
            submit(() -> onConnected(this));
        }

        @Override // connect failed or CONNACK refused
        public void onFailure(IMqttToken token, Throwable cause) {
            submit(() -> onConnectFailed(this, cause));
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            Throwable cause = response == null ? null : response.getException();
            submit(() -> onLost(this, cause));
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.debug("MQTT protocol error: {}", FailureClassifier.describe(exception));
        }

        @Override
        public void messageArrived(String topic, org.eclipse.paho.mqttv5.common.MqttMessage message) {
            if (session != this) {
                return;
            }
            MqttProperties p = message.getProperties();
            List<Integer> ids = p == null || p.getSubscriptionIdentifiers() == null
                    ? List.of() : p.getSubscriptionIdentifiers();
            subscriptions.dispatch(topic, message.getPayload(), message.isRetained(), ids);
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // we do not publish
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            // handled by onSuccess, which is tied to this attempt
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
