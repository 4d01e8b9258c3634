package org.homepulse.itests.bench;

import java.util.Arrays;
import java.util.Locale;

/** Median and tail of a sample of durations, for benchmark reports. */
final class Percentiles {

    private final long[] sortedNanos;

    Percentiles(long[] nanos) {
        sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
    }

    /** The value below which {@code p} percent of the sample lies (nearest rank). */
    double millis(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    String summary() {
        return String.format(Locale.ROOT, "n=%d  p50=%.2f ms  p90=%.2f ms  p99=%.2f ms  max=%.2f ms",
                sortedNanos.length, millis(50), millis(90), millis(99), millis(100));
    }
}
