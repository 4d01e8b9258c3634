package org.homepulse.status.snapshot;

import java.util.Objects;

import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.PrimaryField;

/** One provider's line in a {@link SystemStatus}: who it is and how it is. */
public final class StatusEntry {

    private final String id;
    private final String displayName;
    private final PrimaryField primary;
    private final IntegrationStatus status;

    public StatusEntry(String id, String displayName, PrimaryField primary, IntegrationStatus status) {
        this.id = Objects.requireNonNull(id, "id");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.primary = Objects.requireNonNull(primary, "primary");
        this.status = Objects.requireNonNull(status, "status");
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public PrimaryField primary() {
        return primary;
    }

    public IntegrationStatus status() {
        return status;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StatusEntry)) {
            return false;
        }
        StatusEntry that = (StatusEntry) o;
        return id.equals(that.id) && displayName.equals(that.displayName) && primary == that.primary
                && status.equals(that.status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, displayName, primary, status);
    }

    @Override
    public String toString() {
        return id + "(" + primary.key() + ")=" + status;
    }
}
