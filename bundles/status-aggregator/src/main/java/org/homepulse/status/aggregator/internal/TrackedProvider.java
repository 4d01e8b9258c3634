package org.homepulse.status.aggregator.internal;

import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.PrimaryField;
import org.homepulse.status.Reason;
import org.homepulse.status.StatusProvider;
import org.homepulse.status.snapshot.StatusEntry;

/** What the hub knows about one provider service. Confined to the hub thread. */
final class TrackedProvider {

    final StatusProvider service;
    /** For log lines: which service of which bundle. */
    final String origin;

    /** Set by the first successful read; a provider is keyed only once it said who it is. */
    String id;
    String displayName;
    PrimaryField primary;
    /** Its id failed validation; never listed, never re-read. */
    boolean ignored;
    /** It owns its id in the payload (another provider may already own it). */
    boolean active;

    boolean readInFlight;
    long readGeneration;
    boolean rereadWanted;
    /** The last read failed or timed out; logged once per failure episode. */
    boolean failing;

    IntegrationStatus status;
    private IntegrationStatus lastGood;

    TrackedProvider(StatusProvider service, String origin) {
        this.service = service;
        this.origin = origin;
    }

    /** Marks a failure; true only for the first one of an episode, the one worth logging. */
    boolean markFailing() {
        boolean first = !failing;
        failing = true;
        return first;
    }

    boolean identified() {
        return id != null;
    }

    /** Records a read; returns whether the published entry would change. */
    boolean update(IntegrationStatus next) {
        if (next.reason() != Reason.PROVIDER_ERROR) {
            lastGood = next;
        }
        boolean changed = !next.equals(status);
        status = next;
        return changed;
    }

    /** provider_error, keeping what was last known about configured/enabled. */
    IntegrationStatus providerError() {
        IntegrationStatus base = lastGood;
        return IntegrationStatus.of(base == null || base.isConfigured(), base == null || base.isEnabled(), false,
                Reason.PROVIDER_ERROR);
    }

    StatusEntry entry() {
        return new StatusEntry(id, displayName, primary, status);
    }
}
