package org.homepulse.mqtt;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The hub's shared MQTT connection, seen from a bundle that wants messages.
 * Registered by the MQTT transport while it is active (whether or not the broker
 * is reachable at the moment); absent while the transport is uninstalled.
 *
 * <p>Every method is cheap and non-blocking and may be called from any thread.
 * Handlers and listeners are never called on the caller's thread nor on the MQTT
 * client's network thread: each registration gets its own serial queue, so a slow
 * or throwing handler delays only itself. A queue that overflows drops messages
 * (logged); handlers must not rely on seeing every message.
 */
@ProviderType
public interface MqttSubscriptions {

    /**
     * Subscribes {@code handler} to {@code topicFilter} (MQTT syntax, {@code +} and
     * {@code #} wildcards allowed). The subscription is made at once if connected
     * and again after every reconnect, so the handler sees retained messages after
     * each (re)connect. Messages for one handler arrive one at a time, in order.
     *
     * @return the handle that ends this subscription; closing it twice is harmless
     * @throws IllegalArgumentException if the filter is not a valid MQTT topic filter
     * @throws IllegalStateException if the transport is shutting down
     */
    MqttRegistration subscribe(String topicFilter, MqttMessageHandler handler);

    /**
     * Registers {@code listener} for connection edges. It is called once soon after
     * registration with the current state, then whenever the connection goes up
     * or down; calls are serial and in order.
     *
     * @return the handle that removes the listener
     * @throws IllegalStateException if the transport is shutting down
     */
    MqttRegistration addConnectionListener(MqttConnectionListener listener);

    /**
     * Whether the connection is up right now: the broker accepted our CONNECT
     * and the session has not been lost since. A plain read, fine inside
     * {@code StatusProvider.status()}.
     */
    boolean isConnected();
}
