package org.homepulse.integration.zigbee2mqtt.internal;

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
 * The {@code zigbee2mqtt} status: connected while MQTT is up, {@code <base>/bridge/state}
 * is not offline and live Zigbee2MQTT traffic was seen within the grace window.
 *
 * <p>MQTT is an optional, dynamic dependency: without the transport this stays
 * registered and reports {@code mqtt_unavailable}, and recovers by itself when
 * the transport returns.
 */
@Component(name = Zigbee2MqttIntegration.PID, configurationPid = Zigbee2MqttIntegration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true, service = StatusProvider.class)
public final class Zigbee2MqttIntegration implements StatusProvider {

    static final String PID = "org.homepulse.zigbee2mqtt";
    static final String ID = "zigbee2mqtt";
    private static final Logger LOG = LoggerFactory.getLogger(Zigbee2MqttIntegration.class);

    private final RateLimitedLog badInput = new RateLimitedLog(LOG);
    final BridgeLiveness liveness; // package-visible for tests
    private final MqttSubscriptionBinding binding;
    private volatile Zigbee2MqttSettings settings = Zigbee2MqttSettings.parse(Map.of());
    private volatile StatusChangeNotifier notifier;
    private volatile IntegrationStatus lastSignalled;

    public Zigbee2MqttIntegration() {
        this(() -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
    }

    /** For tests: a clock to move instead of waiting out the grace window. */
    Zigbee2MqttIntegration(LongSupplier monotonicMillis) {
        liveness = new BridgeLiveness(monotonicMillis);
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
        Zigbee2MqttSettings next = Zigbee2MqttSettings.parse(config);
        if (!next.valid()) {
            LOG.error("Zigbee2MQTT configuration (PID {}) is invalid: {}. Not watching until it is fixed.", PID,
                    next.problem);
        }
        Zigbee2MqttSettings previous = settings;
        settings = next;
        String filter = topicFilter(next);
        if (!Objects.equals(filter, topicFilter(previous))) {
            liveness.reset(); // switched on, or another topic: what we knew no longer applies
        }
        binding.topicFilter(filter);
        signal();
    }

    /** What to subscribe to for these settings; {@code null} when switched off or invalid. */
    private static String topicFilter(Zigbee2MqttSettings s) {
        return s.enabled && s.valid() ? s.baseTopic + "/#" : null;
    }

    private void onMessage(MqttMessage message) {
        Zigbee2MqttSettings s = settings;
        if (s.baseTopic == null || !message.topic().startsWith(s.baseTopic + "/")) {
            return; // from a base topic we just left
        }
        BridgeStatePayload.State state = null;
        if (message.topic().equals(s.baseTopic + "/bridge/state")) {
            state = BridgeStatePayload.parse(message.payload());
            if (state == null) {
                // Never the payload itself: it is not ours to copy into logs.
                badInput.warn("bridge/state", "Ignoring a Zigbee2MQTT bridge/state payload that is neither "
                        + "online/offline nor {\"state\":...} (" + message.payloadLength() + " bytes)");
            }
        }
        liveness.record(message, state);
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
        return "Zigbee2MQTT";
    }

    @Override
    public PrimaryField primary() {
        return PrimaryField.CONNECTED;
    }

    @Override
    public IntegrationStatus status() {
        Zigbee2MqttSettings s = settings;
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
