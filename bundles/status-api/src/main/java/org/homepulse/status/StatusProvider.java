package org.homepulse.status;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One integration's live status, as a whiteboard service.
 *
 * <p>The hub tracks every {@code StatusProvider} service: when one is registered
 * its entry appears in the {@code system_status} payload under {@link #id()};
 * when it is unregistered (bundle stopped or uninstalled) the entry disappears.
 *
 * <p>Contract for implementors:
 * <ul>
 * <li>{@link #status()} is called from the hub's reader threads, possibly
 * concurrently with your own threads. It must be cheap and must not block: return
 * a value you already hold (a {@code volatile} field is the usual way). A call that
 * throws, returns {@code null} or takes longer than the hub's provider timeout
 * shows as {@link Reason#PROVIDER_ERROR} and delays nobody else.</li>
 * <li>Signal changes through {@link StatusChangeNotifier}; the hub never polls
 * except on its tick, which exists for time-derived values.</li>
 * <li>{@link #id()} and {@link #primary()} must not change while the service is
 * registered.</li>
 * </ul>
 */
@ConsumerType
public interface StatusProvider {

    /** Pattern a provider id must match: a lower-case snake_case JSON key. */
    String ID_PATTERN = "[a-z][a-z0-9_]{0,63}";

    /**
     * The stable key of this integration in the {@code system_status} payload,
     * for example {@code "mqtt"} or {@code "zigbee2mqtt"}. Must match {@link #ID_PATTERN};
     * providers with an invalid or duplicate id are ignored with a log line.
     */
    String id();

    /** A human-readable name for dashboards and the console, e.g. "Zigbee2MQTT". */
    String displayName();

    /** The name under which {@link IntegrationStatus#isUp()} is published. */
    PrimaryField primary();

    /** The current status. Cheap, non-blocking, never I/O; see the class comment. */
    IntegrationStatus status();
}
