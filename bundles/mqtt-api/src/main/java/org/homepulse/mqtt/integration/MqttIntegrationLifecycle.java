package org.homepulse.mqtt.integration;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.homepulse.mqtt.MqttMessage;
import org.homepulse.mqtt.MqttSubscriptions;
import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.Reason;
import org.homepulse.status.StatusChangeNotifier;
import org.slf4j.Logger;

/**
 * Everything an integration whose status comes from MQTT traffic does the same
 * way, so that the component itself holds only one-line delegations: it follows
 * the optional dynamic {@link MqttSubscriptions} service and the optional dynamic
 * {@link StatusChangeNotifier}, applies configuration (re-subscribing when the
 * topic filter changes), signals status edges, and answers {@code disabled},
 * {@code not_configured} and {@code mqtt_unavailable} itself, asking your
 * {@link MqttLiveness} only while MQTT is up.
 *
 * <p>Your component calls it from its DS methods, which must stay in the component
 * class (bnd reads the annotations of that class only); see the package
 * documentation for the complete pattern.
 *
 * <p>Thread-safe. Nothing here blocks or calls foreign code (the MQTT service,
 * the notifier, your liveness) while holding a lock.
 *
 * @param <S> your settings type
 */
public final class MqttIntegrationLifecycle<S extends MqttIntegrationSettings> {

    private final String statusId;
    private final Function<Map<String, ?>, S> parser;
    private final MqttLiveness<S> liveness;
    private final Logger log;
    private final String configurationName;
    private final String pid;
    private final MqttSubscriptionBinding binding;
    private volatile S settings;
    private volatile StatusChangeNotifier notifier;
    private volatile IntegrationStatus lastSignalled;

    /**
     * Starts with the settings parsed from an empty configuration (your defaults),
     * not yet subscribed: call {@link #configure} from {@code @Activate}.
     *
     * @param statusId          your {@code StatusProvider.id()}, signalled on every edge
     * @param parser            turns a configuration dictionary into settings; must not throw
     * @param liveness          what your traffic says; see {@link MqttLiveness}
     * @param log               your component's logger, for an invalid configuration
     * @param configurationName how the log names the configuration, e.g. {@code "Zigbee2MQTT"}
     * @param pid               your configuration PID, named in the log
     */
    public MqttIntegrationLifecycle(String statusId, Function<Map<String, ?>, S> parser, MqttLiveness<S> liveness,
            Logger log, String configurationName, String pid) {
        this.statusId = Objects.requireNonNull(statusId, "statusId");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.liveness = Objects.requireNonNull(liveness, "liveness");
        this.log = Objects.requireNonNull(log, "log");
        this.configurationName = configurationName;
        this.pid = pid;
        this.settings = parser.apply(Map.of());
        this.binding = new MqttSubscriptionBinding(this::onMessage, this::onConnectionChanged);
    }

    /** From your notifier bind method. */
    public void bindNotifier(StatusChangeNotifier n) {
        notifier = n;
    }

    /** From your notifier unbind method. */
    public void unbindNotifier(StatusChangeNotifier n) {
        if (notifier == n) {
            notifier = null;
        }
    }

    /** From your {@link MqttSubscriptions} bind method (optional, dynamic, greedy). */
    public void bindMqtt(MqttSubscriptions mqtt) {
        liveness.forgetLiveness();
        binding.serviceAdded(mqtt);
        signal();
    }

    /** From your {@link MqttSubscriptions} unbind method. */
    public void unbindMqtt(MqttSubscriptions mqtt) {
        binding.serviceRemoved(mqtt);
        liveness.forgetLiveness();
        signal();
    }

    /**
     * From {@code @Activate} and {@code @Modified}: parses and applies the configuration.
     * An invalid one is logged and reported as {@code not_configured}, never thrown,
     * so the component stays registered and recovers when it is fixed. Re-saving the
     * same topics keeps the subscription (no retained replay, nothing forgotten).
     */
    public void configure(Map<String, ?> config) {
        S next = parser.apply(config);
        if (next.problem() != null) {
            log.error("{} configuration (PID {}) is invalid: {}. Not watching until it is fixed.", configurationName,
                    pid, next.problem());
        }
        S previous = settings;
        settings = next;
        String filter = topicFilter(next);
        if (!Objects.equals(filter, topicFilter(previous))) {
            liveness.reset(); // switched on, or another topic: what we knew no longer applies
        }
        binding.topicFilter(filter);
        signal();
    }

    /** From {@code @Deactivate}: closes the subscription for good. */
    public void close() {
        binding.close();
    }

    /** The settings in force. */
    public S settings() {
        return settings;
    }

    /**
     * From {@code StatusProvider.status()}: {@code disabled}, {@code not_configured},
     * {@code mqtt_unavailable} (no MQTT service, or not connected), otherwise what
     * your {@link MqttLiveness#status} says.
     */
    public IntegrationStatus status() {
        S s = settings;
        if (!s.enabled()) {
            return IntegrationStatus.disabled(s.problem() == null);
        }
        if (s.problem() != null) {
            return IntegrationStatus.notConfigured(true);
        }
        MqttSubscriptions mqtt = binding.service();
        if (mqtt == null || !mqtt.isConnected()) {
            return IntegrationStatus.down(Reason.MQTT_UNAVAILABLE);
        }
        return liveness.status(s);
    }

    /** What to subscribe to for these settings; {@code null} when switched off or invalid. */
    private static String topicFilter(MqttIntegrationSettings s) {
        return s.enabled() && s.problem() == null ? s.topicFilter() : null;
    }

    private void onMessage(MqttMessage message) {
        liveness.record(settings, message);
        signalIfChanged();
    }

    private void onConnectionChanged(boolean connected) {
        if (!connected) {
            liveness.forgetLiveness();
        }
        signal();
    }

    /** Messages come often; the notifier hears only those that changed the status. */
    private void signalIfChanged() {
        IntegrationStatus now = status();
        if (!now.equals(lastSignalled)) {
            signal(now);
        }
    }

    private void signal() {
        signal(status());
    }

    private void signal(IntegrationStatus now) {
        lastSignalled = now;
        StatusChangeNotifier n = notifier;
        if (n != null) {
            n.statusChanged(statusId);
        }
    }
}
