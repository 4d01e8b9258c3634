package org.homepulse.status;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered by the hub; a {@link StatusProvider} calls it when its status may
 * have changed at an edge, so the change reaches clients within milliseconds.
 *
 * <p>Reference it as an optional, dynamic service: the hub may start after your
 * bundle, and it re-reads every provider when it starts.
 *
 * <pre>
 * &#64;Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
 * volatile StatusChangeNotifier notifier;
 * ...
 * StatusChangeNotifier n = notifier;
 * if (n != null) n.statusChanged(id());
 * </pre>
 *
 * <p>Calling it is cheap, never blocks and may be done from any thread, including
 * while holding your own locks and from I/O callback threads. Calling it when
 * nothing changed is harmless: only real differences are published.
 */
@ProviderType
public interface StatusChangeNotifier {

    /** The provider with this {@link StatusProvider#id()} should be re-read. */
    void statusChanged(String providerId);
}
