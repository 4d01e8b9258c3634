package org.homepulse.status;

import java.util.Locale;

/**
 * Why an integration is not up: the closed vocabulary of the {@code reason} field.
 * Deliberately coarse: free text, hosts, user names and exception messages never
 * reach clients, so a reason must say enough on its own.
 */
public enum Reason {
    /** Required settings are missing or invalid; the log says which. */
    NOT_CONFIGURED,
    /** Switched off by configuration. */
    DISABLED,
    /** A connection attempt is under way. */
    CONNECTING,
    /** The peer rejected our credentials (or banned us). */
    AUTH_FAILED,
    /** Connection refused, name not resolved, or timed out. */
    UNREACHABLE,
    /** The TLS handshake failed: unknown CA, bad certificate, wrong host name. */
    TLS_ERROR,
    /** The peer answered, but not in the protocol we speak. */
    PROTOCOL_ERROR,
    /** An integration that rides on MQTT has no MQTT connection to ride on. */
    MQTT_UNAVAILABLE,
    /** The remote bridge announced it is offline (last will or explicit). */
    BRIDGE_OFFLINE,
    /** The remote service announced a clean stop. */
    STOPPED,
    /** Nothing live was heard from the peer within its grace window. */
    NO_RECENT_TRAFFIC,
    /** The controller is connected but its driver is not ready. */
    DRIVER_NOT_READY,
    /** The provider itself failed: threw, returned nothing, or was too slow. */
    PROVIDER_ERROR;

    /** The wire form, e.g. {@code "no_recent_traffic"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
