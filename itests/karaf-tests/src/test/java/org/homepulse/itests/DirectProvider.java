package org.homepulse.itests;

import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.PrimaryField;
import org.homepulse.status.StatusProvider;

/**
 * A provider the test registers itself and flips directly: nothing between the
 * test and the hub (no ConfigAdmin, no SCR), so what is measured or flooded is the
 * hub's own path, and the last state set is exactly the test's.
 */
public final class DirectProvider implements StatusProvider {

    private final String id;
    public volatile IntegrationStatus status = IntegrationStatus.up();

    public DirectProvider(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "Direct " + id;
    }

    @Override
    public PrimaryField primary() {
        return PrimaryField.CONNECTED;
    }

    @Override
    public IntegrationStatus status() {
        return status;
    }
}
