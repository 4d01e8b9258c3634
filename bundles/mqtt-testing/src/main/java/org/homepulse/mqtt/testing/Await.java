package org.homepulse.mqtt.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition with a deadline. Tests synchronise on observable state,
 * never on sleeps: the poll interval only bounds how late a true condition is
 * seen, the deadline only bounds how long a broken test hangs.
 */
public final class Await {

    /** A deadline generous enough for slow CI machines; edges normally take milliseconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final long POLL_MILLIS = 10;

    private Await() {
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT}. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, condition, DEFAULT_TIMEOUT);
    }

    public static void until(BooleanSupplier condition, Duration timeout) {
        until("condition", condition, timeout);
    }

    /**
     * Returns as soon as {@code condition} is true.
     *
     * @throws AssertionError naming {@code what} if it is still false at the deadline
     */
    public static void until(String what, BooleanSupplier condition, Duration timeout) {
        until(what, condition, timeout, () -> "");
    }

    /** As {@link #until(String, BooleanSupplier, Duration)}; {@code state} describes what was seen last. */
    public static void until(String what, BooleanSupplier condition, Duration timeout, Supplier<?> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + describe(state));
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    private static String describe(Supplier<?> state) {
        Object s = state.get();
        return s == null || "".equals(s) ? "" : "; last seen: " + s;
    }
}
