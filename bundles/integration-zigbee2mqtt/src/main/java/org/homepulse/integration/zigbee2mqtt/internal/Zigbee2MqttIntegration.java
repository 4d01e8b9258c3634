package org.homepulse.integration.zigbee2mqtt.internal;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.homepulse.mqtt.MqttSubscriptions;
import org.homepulse.mqtt.integration.MqttIntegrationLifecycle;
import org.homepulse.mqtt.integration.RateLimitedLog;
import org.homepulse.mqtt.integration.TopicTreeSettings;
import org.homepulse.mqtt.integration.TopicTreeSettingsParser;
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
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code zigbee2mqtt} status: connected while MQTT is up, {@code <base>/bridge/state}
 * is not offline and live Zigbee2MQTT traffic was seen within the grace window.
 *
 * <p>MQTT is an optional, dynamic dependency: without the transport this stays
 * registered and reports {@code mqtt_unavailable}, and recovers by itself when
 * the transport returns. The lifecycle doing that is shared; what is
 * Zigbee2MQTT's own is in {@link BridgeLiveness}.
 */
@Component(name = Zigbee2MqttIntegration.PID, configurationPid = Zigbee2MqttIntegration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true, service = StatusProvider.class)
public final class Zigbee2MqttIntegration implements StatusProvider {

    static final String PID = "org.homepulse.zigbee2mqtt";
    static final String ID = "zigbee2mqtt";
    /**
     * PID {@code org.homepulse.zigbee2mqtt}: {@code enabled} (true), {@code base_topic}
     * (zigbee2mqtt), {@code alive_grace_seconds} (75).
     */
    static final TopicTreeSettingsParser SETTINGS = TopicTreeSettingsParser
            .topicRoot("base_topic", "zigbee2mqtt")
            .withGraceSeconds("alive_grace_seconds", 75, 1, 86_400);
    private static final Logger LOG = LoggerFactory.getLogger(Zigbee2MqttIntegration.class);

    final BridgeLiveness liveness; // package-visible for tests
    private final MqttIntegrationLifecycle<TopicTreeSettings> lifecycle;

    public Zigbee2MqttIntegration() {
        this(() -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
    }

    /** For tests: a clock to move instead of waiting out the grace window. */
    Zigbee2MqttIntegration(LongSupplier monotonicMillis) {
        liveness = new BridgeLiveness(monotonicMillis, new RateLimitedLog(LOG));
        lifecycle = new MqttIntegrationLifecycle<>(ID, SETTINGS::parse, liveness, LOG, "Zigbee2MQTT", PID);
    }

    // DS reads these annotations from this class only, hence the one-line delegations.
    // Public only so tests can drive the component as plain Java; the bundle exports nothing.

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void bindNotifier(StatusChangeNotifier n) {
        lifecycle.bindNotifier(n);
    }

    public void unbindNotifier(StatusChangeNotifier n) {
        lifecycle.unbindNotifier(n);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindMqtt(MqttSubscriptions mqtt) {
        lifecycle.bindMqtt(mqtt);
    }

    public void unbindMqtt(MqttSubscriptions mqtt) {
        lifecycle.unbindMqtt(mqtt);
    }

    @Activate
    public void activate(Map<String, Object> config) {
        lifecycle.configure(config);
    }

    @Modified
    public void modified(Map<String, Object> config) {
        lifecycle.configure(config);
    }

    @Deactivate
    public void deactivate() {
        lifecycle.close();
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
        return lifecycle.status();
    }
}
