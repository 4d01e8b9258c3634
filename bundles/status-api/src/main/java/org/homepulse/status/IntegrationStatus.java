package org.homepulse.status;

import java.util.Objects;

/**
 * An immutable snapshot of one integration's status, compared by value: the hub
 * publishes only when {@link #equals(Object)} says something changed.
 *
 * <p>Invariants: an integration that is up is configured, enabled and has no
 * reason; one that is down always has a reason.
 */
public final class IntegrationStatus {

    private static final IntegrationStatus UP = new IntegrationStatus(true, true, true, null);

    private final boolean configured;
    private final boolean enabled;
    private final boolean up;
    private final Reason reason;

    private IntegrationStatus(boolean configured, boolean enabled, boolean up, Reason reason) {
        this.configured = configured;
        this.enabled = enabled;
        this.up = up;
        this.reason = reason;
    }

    /**
     * The general factory.
     *
     * @throws IllegalArgumentException if up with a reason or while not configured
     *         or disabled, or down without a reason
     */
    public static IntegrationStatus of(boolean configured, boolean enabled, boolean up, Reason reason) {
        if (up && (reason != null || !configured || !enabled)) {
            throw new IllegalArgumentException("an integration that is up must be configured, enabled and without reason");
        }
        if (!up && reason == null) {
            throw new IllegalArgumentException("an integration that is down needs a reason");
        }
        return up ? UP : new IntegrationStatus(configured, enabled, false, reason);
    }

    /** Configured, enabled and up. */
    public static IntegrationStatus up() {
        return UP;
    }

    /** Configured and enabled, but down for {@code reason}. */
    public static IntegrationStatus down(Reason reason) {
        return of(true, true, false, Objects.requireNonNull(reason, "reason"));
    }

    /** Switched off by configuration ({@link Reason#DISABLED}). */
    public static IntegrationStatus disabled(boolean configured) {
        return of(configured, false, false, Reason.DISABLED);
    }

    /** Enabled (or not) but missing or invalid settings ({@link Reason#NOT_CONFIGURED}). */
    public static IntegrationStatus notConfigured(boolean enabled) {
        return of(false, enabled, false, enabled ? Reason.NOT_CONFIGURED : Reason.DISABLED);
    }

    public boolean isConfigured() {
        return configured;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** The primary boolean: published as {@code connected}, {@code available} or {@code reachable}. */
    public boolean isUp() {
        return up;
    }

    /** Why it is down; {@code null} exactly when {@link #isUp()}. */
    public Reason reason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof IntegrationStatus)) {
            return false;
        }
        IntegrationStatus that = (IntegrationStatus) o;
        return configured == that.configured && enabled == that.enabled && up == that.up && reason == that.reason;
    }

    @Override
    public int hashCode() {
        return Objects.hash(configured, enabled, up, reason);
    }

    @Override
    public String toString() {
        return "IntegrationStatus[configured=" + configured + ", enabled=" + enabled + ", up=" + up
                + (reason == null ? "" : ", reason=" + reason.wireName()) + "]";
    }
}
