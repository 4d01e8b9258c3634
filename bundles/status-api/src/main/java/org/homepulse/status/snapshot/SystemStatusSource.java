package org.homepulse.status.snapshot;

import org.osgi.annotation.versioning.ProviderType;

/** Registered by the hub: the latest published snapshot, for a client that just connected. */
@ProviderType
public interface SystemStatusSource {

    /** The most recently published snapshot; never {@code null} (an empty payload before any provider). */
    SystemStatus current();
}
