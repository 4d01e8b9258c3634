package org.homepulse.status.aggregator.internal;

import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.PrimaryField;
import org.homepulse.status.StatusProvider;

/**
 * The result of calling into one provider on a reader thread: its identity (first
 * read only) and its status, or what went wrong. Never holds the exception itself,
 * only its type, so no provider message can leak onto the wire.
 */
final class Observation {

    final String id;
    final String displayName;
    final PrimaryField primary;
    final IntegrationStatus status;
    /** Null when the call succeeded; otherwise a short description for the log. */
    final String failure;

    private Observation(String id, String displayName, PrimaryField primary, IntegrationStatus status, String failure) {
        this.id = id;
        this.displayName = displayName;
        this.primary = primary;
        this.status = status;
        this.failure = failure;
    }

    /** Calls the provider; runs on a reader thread and never throws. */
    static Observation of(StatusProvider provider, boolean identify) {
        String id = null;
        String name = null;
        PrimaryField primary = null;
        try {
            if (identify) {
                id = provider.id();
                name = provider.displayName();
                primary = provider.primary();
                if (id == null || primary == null) {
                    return new Observation(null, null, null, null, "id() or primary() returned null");
                }
            }
            IntegrationStatus status = provider.status();
            if (status == null) {
                return new Observation(id, name == null ? id : name, primary, null, "status() returned null");
            }
            return new Observation(id, name == null ? id : name, primary, status, null);
        } catch (RuntimeException | LinkageError e) {
            return new Observation(id, name == null ? id : name, primary, null, "threw " + e.getClass().getName());
        }
    }

    boolean identityKnown() {
        return id != null && primary != null;
    }
}
