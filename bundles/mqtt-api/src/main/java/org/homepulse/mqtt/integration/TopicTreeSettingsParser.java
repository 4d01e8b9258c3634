package org.homepulse.mqtt.integration;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads {@link TopicTreeSettings} from a configuration dictionary: {@code enabled}
 * ({@code true}/{@code false}, default true), a topic root under a key of your
 * choosing, and optionally a grace window in whole seconds. Values may be strings
 * (.cfg files) or numbers/booleans (other tools); blank means the default.
 *
 * <p>Immutable; keep one in a constant:
 * <pre>
 * static final TopicTreeSettingsParser SETTINGS = TopicTreeSettingsParser
 *         .topicRoot("base_topic", "zigbee2mqtt")
 *         .withGraceSeconds("alive_grace_seconds", 75, 1, 86_400);
 * </pre>
 * The first problem found, in the order enabled, root, grace, is reported; it
 * names the key and the allowed values, and quotes at most 40 characters of a bad
 * number (a root is never quoted).
 */
public final class TopicTreeSettingsParser {

    private static final int QUOTED_CHARS = 40;

    private final String rootKey;
    private final String defaultRoot;
    private final String graceKey; // null: no grace window
    private final long defaultGraceSeconds;
    private final long minGraceSeconds;
    private final long maxGraceSeconds;

    private TopicTreeSettingsParser(String rootKey, String defaultRoot, String graceKey, long defaultGraceSeconds,
            long minGraceSeconds, long maxGraceSeconds) {
        this.rootKey = rootKey;
        this.defaultRoot = defaultRoot;
        this.graceKey = graceKey;
        this.defaultGraceSeconds = defaultGraceSeconds;
        this.minGraceSeconds = minGraceSeconds;
        this.maxGraceSeconds = maxGraceSeconds;
    }

    /**
     * Settings whose topic root is read from {@code key}, {@code defaultRoot} when
     * absent. A root must be a plain topic: no wildcards, no leading or trailing
     * {@code /}, no NUL.
     */
    public static TopicTreeSettingsParser topicRoot(String key, String defaultRoot) {
        return new TopicTreeSettingsParser(Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(defaultRoot, "defaultRoot"), null, 0, 0, 0);
    }

    /**
     * The same, plus a grace window read from {@code key} in whole seconds from
     * {@code min} to {@code max} inclusive ({@code 0 <= min <= defaultSeconds <= max}).
     */
    public TopicTreeSettingsParser withGraceSeconds(String key, long defaultSeconds, long min, long max) {
        if (min < 0 || min > defaultSeconds || defaultSeconds > max) {
            throw new IllegalArgumentException("need 0 <= min <= default <= max for " + key);
        }
        return new TopicTreeSettingsParser(rootKey, defaultRoot, Objects.requireNonNull(key, "key"), defaultSeconds,
                min, max);
    }

    /** Never throws: a bad value gives settings with a {@link TopicTreeSettings#problem()}. */
    public TopicTreeSettings parse(Map<String, ?> raw) {
        String enabledValue = text(raw, "enabled", "true").toLowerCase(Locale.ROOT);
        boolean enabled = !enabledValue.equals("false");
        if (!enabledValue.equals("true") && !enabledValue.equals("false")) {
            return invalid(enabled, "enabled must be true or false");
        }
        String root = text(raw, rootKey, defaultRoot);
        if (root.contains("+") || root.contains("#") || root.startsWith("/") || root.endsWith("/")
                || root.indexOf('\0') >= 0) {
            return invalid(enabled, rootKey + " must be a plain topic without wildcards or leading/trailing '/'");
        }
        if (graceKey == null) {
            return new TopicTreeSettings(enabled, root, 0, null);
        }
        String grace = text(raw, graceKey, Long.toString(defaultGraceSeconds));
        Long seconds = wholeNumber(grace);
        if (seconds == null || seconds < minGraceSeconds || seconds > maxGraceSeconds) {
            return invalid(enabled, graceKey + " must be a whole number from " + minGraceSeconds + " to "
                    + maxGraceSeconds + " (got \"" + (grace.length() > QUOTED_CHARS
                            ? grace.substring(0, QUOTED_CHARS) + "..." : grace) + "\")");
        }
        return new TopicTreeSettings(enabled, root, seconds * 1000, null);
    }

    private static TopicTreeSettings invalid(boolean enabled, String problem) {
        return new TopicTreeSettings(enabled, null, 0, problem);
    }

    private static Long wholeNumber(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Map<String, ?> raw, String key, String dflt) {
        Object v = raw.get(key);
        String s = v == null ? "" : v.toString().trim();
        return s.isEmpty() ? dflt : s;
    }
}
