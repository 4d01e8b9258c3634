/**
 * The HomePulse MQTT API: subscribe to topics on the hub's one shared MQTT
 * connection and learn whether that connection is up.
 *
 * <h2>Riding on MQTT in an integration</h2>
 * <ol>
 * <li>Reference {@link org.homepulse.mqtt.MqttSubscriptions} as an
 * <em>optional, dynamic, greedy</em> service, so your component stays active
 * (and keeps reporting {@code mqtt_unavailable}) while the MQTT transport is
 * missing, and picks it up the moment it returns:
 * <pre>
 * &#64;Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
 *            policyOption = ReferencePolicyOption.GREEDY)
 * void bindMqtt(MqttSubscriptions mqtt) { ... subscribe, keep the handles ... }
 * void unbindMqtt(MqttSubscriptions mqtt) { ... close the handles ... }
 * </pre></li>
 * <li>{@link org.homepulse.mqtt.MqttSubscriptions#subscribe(String, MqttMessageHandler)}
 * once; the subscription survives reconnects. Close the returned
 * {@link org.homepulse.mqtt.MqttRegistration} when you no longer want messages
 * (unbind, deactivate, topic changed).</li>
 * <li>Use {@link org.homepulse.mqtt.MqttSubscriptions#isConnected()} inside your
 * {@code status()}, and a {@link org.homepulse.mqtt.MqttConnectionListener} to
 * signal your status change at the edge when the connection drops or returns.</li>
 * <li>Remember: after every (re)connect the broker replays retained messages
 * ({@link org.homepulse.mqtt.MqttMessage#retained()} is {@code true}); they tell
 * you the last known state, not that the publisher is alive now.</li>
 * </ol>
 *
 * <p>If your status is derived from MQTT traffic, {@link org.homepulse.mqtt.integration}
 * does all of the above for you.
 */
@Export
@Version("1.0.0")
package org.homepulse.mqtt;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
