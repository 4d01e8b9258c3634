package org.homepulse.integration.frigate.internal;

import java.util.Locale;
import java.util.Map;

/**
 * PID {@code org.homepulse.frigate}: {@code enabled} (true), {@code topic_prefix}
 * (frigate), {@code availability_grace_seconds} (150; 0 turns the freshness check off).
 */
final class FrigateSettings {

    final boolean enabled;
    /** {@code null} when the configuration is invalid; {@link #problem} then says why. */
    final String topicPrefix;
    /** 0: no freshness check. */
    final long graceMillis;
    final String problem;

    private FrigateSettings(boolean enabled, String topicPrefix, long graceMillis, String problem) {
        this.enabled = enabled;
        this.topicPrefix = topicPrefix;
        this.graceMillis = graceMillis;
        this.problem = problem;
    }

    boolean valid() {
        return problem == null;
    }

    static FrigateSettings parse(Map<String, ?> raw) {
        String enabledValue = text(raw, "enabled", "true").toLowerCase(Locale.ROOT);
        boolean enabled = !enabledValue.equals("false");
        if (!enabledValue.equals("true") && !enabledValue.equals("false")) {
            return invalid(enabled, "enabled must be true or false");
        }
        String prefix = text(raw, "topic_prefix", "frigate");
        if (prefix.contains("+") || prefix.contains("#") || prefix.startsWith("/") || prefix.endsWith("/")
                || prefix.indexOf('\0') >= 0) {
            return invalid(enabled, "topic_prefix must be a plain topic without wildcards or leading/trailing '/'");
        }
        String grace = text(raw, "availability_grace_seconds", "150");
        long seconds;
        try {
            seconds = Long.parseLong(grace);
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 0 || seconds > 86_400) {
            return invalid(enabled, "availability_grace_seconds must be a whole number from 0 to 86400 (got \""
                    + (grace.length() > 40 ? grace.substring(0, 40) + "..." : grace) + "\")");
        }
        return new FrigateSettings(enabled, prefix, seconds * 1000, null);
    }

    private static FrigateSettings invalid(boolean enabled, String problem) {
        return new FrigateSettings(enabled, null, 0, problem);
    }

    private static String text(Map<String, ?> raw, String key, String dflt) {
        Object v = raw.get(key);
        String s = v == null ? "" : v.toString().trim();
        return s.isEmpty() ? dflt : s;
    }
}
