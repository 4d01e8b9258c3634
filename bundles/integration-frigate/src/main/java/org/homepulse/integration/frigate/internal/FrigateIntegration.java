package org.homepulse.integration.frigate.internal;

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
 * The {@code frigate} status: available while MQTT is up, {@code <prefix>/available}
 * is {@code online} and, when {@code availability_grace_seconds} is set, live
 * Frigate traffic (e.g. {@code <prefix>/stats}) was seen within it.
 *
 * <p>MQTT is an optional, dynamic dependency: without the transport this stays
 * registered and reports {@code mqtt_unavailable}, and recovers by itself when
 * the transport returns. The lifecycle doing that is shared; what is Frigate's
 * own is in {@link FrigateLiveness}.
 */
@Component(name = FrigateIntegration.PID, configurationPid = FrigateIntegration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true, service = StatusProvider.class)
public final class FrigateIntegration implements StatusProvider {

    static final String PID = "org.homepulse.frigate";
    static final String ID = "frigate";
    /**
     * PID {@code org.homepulse.frigate}: {@code enabled} (true), {@code topic_prefix}
     * (frigate), {@code availability_grace_seconds} (150; 0 turns the freshness check off).
     */
    static final TopicTreeSettingsParser SETTINGS = TopicTreeSettingsParser
            .topicRoot("topic_prefix", "frigate")
            .withGraceSeconds("availability_grace_seconds", 150, 0, 86_400);
    private static final Logger LOG = LoggerFactory.getLogger(FrigateIntegration.class);

    final FrigateLiveness liveness; // package-visible for tests
    private final MqttIntegrationLifecycle<TopicTreeSettings> lifecycle;

    public FrigateIntegration() {
        this(() -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
    }

    /** For tests: a clock to move instead of waiting out the grace window. */
    FrigateIntegration(LongSupplier monotonicMillis) {
        liveness = new FrigateLiveness(monotonicMillis, new RateLimitedLog(LOG));
        lifecycle = new MqttIntegrationLifecycle<>(ID, SETTINGS::parse, liveness, LOG, "Frigate", PID);
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
        return "Frigate NVR";
    }

    @Override
    public PrimaryField primary() {
        return PrimaryField.AVAILABLE;
    }

    @Override
    public IntegrationStatus status() {
        return lifecycle.status();
    }
}
