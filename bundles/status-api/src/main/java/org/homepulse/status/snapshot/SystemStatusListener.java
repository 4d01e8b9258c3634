package org.homepulse.status.snapshot;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service: told about every published snapshot, in sequence order,
 * on the hub's single publisher thread.
 *
 * <p>Implementations must return quickly and never block (hand the snapshot to
 * your own asynchronous machinery): a slow listener delays every other listener.
 */
@ConsumerType
public interface SystemStatusListener {

    void published(SystemStatus status);
}
