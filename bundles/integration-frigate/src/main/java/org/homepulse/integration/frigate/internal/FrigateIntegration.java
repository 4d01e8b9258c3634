package org.homepulse.integration.frigate.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.homepulse.mqtt.MqttMessage;
import org.homepulse.mqtt.MqttSubscriptions;
import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.PrimaryField;
import org.homepulse.status.Reason;
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
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code frigate} status: available while MQTT is up, {@code <prefix>/available}
 * is {@code online} and, when {@code availability_grace_seconds} is set, live
 * Frigate traffic (e.g. {@code <prefix>/stats}) was seen within it.
 *
 * <p>MQTT is an optional, dynamic dependency: without the transport this stays
 * registered and reports {@code mqtt_unavailable}, and recovers by itself when
 * the transport returns.
 */
@Component(name = FrigateIntegration.PID, configurationPid = FrigateIntegration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true, service = StatusProvider.class)
public final class FrigateIntegration implements StatusProvider {

    static final String PID = "org.homepulse.frigate";
    static final String ID = "frigate";
    private static final Logger LOG = LoggerFactory.getLogger(FrigateIntegration.class);

    private final RateLimitedLog badInput = new RateLimitedLog(LOG);
    final FrigateLiveness liveness; // package-visible for tests
    private final MqttSubscriptionBinding binding;
    private volatile FrigateSettings settings = FrigateSettings.parse(Map.of());
    private volatile StatusChangeNotifier notifier;
    private volatile IntegrationStatus lastSignalled;

    public FrigateIntegration() {
        this(() -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
    }

    /** For tests: a clock to move instead of waiting out the grace window. */
    FrigateIntegration(LongSupplier monotonicMillis) {
        liveness = new FrigateLiveness(monotonicMillis);
        binding = new MqttSubscriptionBinding(this::onMessage, this::onConnectionChanged);
    }

    // Public only so tests can drive the component as plain Java; the bundle exports nothing.

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void bindNotifier(StatusChangeNotifier n) {
        notifier = n;
    }

    public void unbindNotifier(StatusChangeNotifier n) {
        if (notifier == n) {
            notifier = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindMqtt(MqttSubscriptions mqtt) {
        liveness.forgetLiveness();
        binding.serviceAdded(mqtt);
        signal();
    }

    public void unbindMqtt(MqttSubscriptions mqtt) {
        binding.serviceRemoved(mqtt);
        liveness.forgetLiveness();
        signal();
    }

    @Activate
    public void activate(Map<String, Object> config) {
        configure(config);
    }

    @Modified
    public void modified(Map<String, Object> config) {
        configure(config);
    }

    @Deactivate
    public void deactivate() {
        binding.close();
    }

    private void configure(Map<String, Object> config) {
        FrigateSettings next = FrigateSettings.parse(config);
        if (!next.valid()) {
            LOG.error("Frigate configuration (PID {}) is invalid: {}. Not watching until it is fixed.", PID,
                    next.problem);
        }
        FrigateSettings previous = settings;
        settings = next;
        String filter = topicFilter(next);
        if (!Objects.equals(filter, topicFilter(previous))) {
            liveness.reset(); // switched on, or another topic: what we knew no longer applies
        }
        binding.topicFilter(filter);
        signal();
    }

    /** What to subscribe to for these settings; {@code null} when switched off or invalid. */
    private static String topicFilter(FrigateSettings s) {
        return s.enabled && s.valid() ? s.topicPrefix + "/#" : null;
    }

    private void onMessage(MqttMessage message) {
        FrigateSettings s = settings;
        if (s.topicPrefix == null || !message.topic().startsWith(s.topicPrefix + "/")) {
            return; // from a prefix we just left
        }
        Availability announced = null;
        if (message.topic().equals(s.topicPrefix + "/available")) {
            announced = Availability.parse(message.payload());
            if (announced == null) {
                // Never the payload itself: it is not ours to copy into logs.
                badInput.warn("available", "Ignoring a Frigate available payload that is not online, offline "
                        + "or stopped (" + message.payloadLength() + " bytes)");
            }
        }
        liveness.record(message, announced);
        signalIfChanged();
    }

    private void onConnectionChanged(boolean connected) {
        if (!connected) {
            liveness.forgetLiveness();
        }
        signal();
    }

    private void signalIfChanged() {
        if (!status().equals(lastSignalled)) {
            signal();
        }
    }

    private void signal() {
        lastSignalled = status();
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
        return "Frigate NVR";
    }

    @Override
    public PrimaryField primary() {
        return PrimaryField.AVAILABLE;
    }

    @Override
    public IntegrationStatus status() {
        FrigateSettings s = settings;
        if (!s.enabled) {
            return IntegrationStatus.disabled(s.valid());
        }
        if (!s.valid()) {
            return IntegrationStatus.notConfigured(true);
        }
        MqttSubscriptions mqtt = binding.service();
        if (mqtt == null || !mqtt.isConnected()) {
            return IntegrationStatus.down(Reason.MQTT_UNAVAILABLE);
        }
        return liveness.status(s.graceMillis);
    }
}
