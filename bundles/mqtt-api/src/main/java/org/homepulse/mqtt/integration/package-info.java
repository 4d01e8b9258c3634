/**
 * Building blocks for an integration whose status is derived from MQTT traffic
 * (as Zigbee2MQTT and Frigate are): you write what is particular to the thing you
 * watch, {@link org.homepulse.mqtt.integration.MqttIntegrationLifecycle} does the
 * rest the way every HomePulse integration does it.
 *
 * <h2>What you write</h2>
 * <ol>
 * <li><b>Settings.</b> Usually a {@link org.homepulse.mqtt.integration.TopicTreeSettingsParser}
 * constant naming your keys, defaults and bounds; it yields
 * {@link org.homepulse.mqtt.integration.TopicTreeSettings} (enabled, topic root,
 * grace window), whose topic filter is {@code <root>/#}. If you need more, implement
 * {@link org.homepulse.mqtt.integration.MqttIntegrationSettings} yourself.</li>
 * <li><b>Liveness.</b> An {@link org.homepulse.mqtt.integration.MqttLiveness}: record
 * each message (check its topic, parse and validate the payload, log bad input with
 * a {@link org.homepulse.mqtt.integration.RateLimitedLog}), forget liveness or
 * everything when told, and compute your status on read from a monotonic clock.
 * Take the clock as a constructor argument so tests can move time instead of
 * waiting.</li>
 * <li><b>The component.</b> A {@code StatusProvider} whose DS methods are one-line
 * delegations. They must be declared in your class: bnd generates the component
 * description from the annotations of the class it processes only, never from a
 * superclass or a helper in another bundle.</li>
 * </ol>
 *
 * <pre>
 * &#64;Component(name = ThingIntegration.PID, configurationPid = ThingIntegration.PID,
 *         configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true, service = StatusProvider.class)
 * public final class ThingIntegration implements StatusProvider {
 *
 *     static final String PID = "com.example.thing";
 *     static final TopicTreeSettingsParser SETTINGS = TopicTreeSettingsParser
 *             .topicRoot("base_topic", "thing")
 *             .withGraceSeconds("alive_grace_seconds", 60, 1, 86_400);
 *     private static final Logger LOG = LoggerFactory.getLogger(ThingIntegration.class);
 *
 *     private final MqttIntegrationLifecycle&lt;TopicTreeSettings&gt; lifecycle = new MqttIntegrationLifecycle&lt;&gt;(
 *             "thing", SETTINGS::parse, new ThingLiveness(new RateLimitedLog(LOG)), LOG, "Thing", PID);
 *
 *     &#64;Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
 *     void bindNotifier(StatusChangeNotifier n) { lifecycle.bindNotifier(n); }
 *     void unbindNotifier(StatusChangeNotifier n) { lifecycle.unbindNotifier(n); }
 *
 *     &#64;Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
 *             policyOption = ReferencePolicyOption.GREEDY)
 *     void bindMqtt(MqttSubscriptions mqtt) { lifecycle.bindMqtt(mqtt); }
 *     void unbindMqtt(MqttSubscriptions mqtt) { lifecycle.unbindMqtt(mqtt); }
 *
 *     &#64;Activate
 *     void activate(Map&lt;String, Object&gt; config) { lifecycle.configure(config); }
 *     &#64;Modified
 *     void modified(Map&lt;String, Object&gt; config) { lifecycle.configure(config); }
 *     &#64;Deactivate
 *     void deactivate() { lifecycle.close(); }
 *
 *     public String id() { return "thing"; }
 *     public String displayName() { return "Thing"; }
 *     public PrimaryField primary() { return PrimaryField.CONNECTED; }
 *     public IntegrationStatus status() { return lifecycle.status(); }
 * }
 * </pre>
 *
 * <h2>What you get</h2>
 * <ul>
 * <li>MQTT is an optional, dynamic, greedy dependency: without the transport your
 * component stays registered and reports {@code mqtt_unavailable}, and it recovers
 * by itself when the transport returns.</li>
 * <li>{@code disabled} and {@code not_configured} (an invalid configuration is
 * logged, never thrown); your liveness is asked only when enabled, valid and
 * connected.</li>
 * <li>Subscribed while enabled and valid; re-subscribed when the service or the
 * topic filter changes, kept as is when the same configuration is saved again.</li>
 * <li>Your liveness is told to forget liveness when the MQTT session ends or the
 * service changes, and to reset when the topics change.</li>
 * <li>The {@code StatusChangeNotifier} is signalled on every edge: bind, unbind,
 * configuration, connection up or down, and any message that changed the status.</li>
 * </ul>
 *
 * <p>Depends only on {@code org.homepulse.mqtt}, {@code org.homepulse.status} and
 * SLF4J.
 */
@Export
@Version("1.0.0")
package org.homepulse.mqtt.integration;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
