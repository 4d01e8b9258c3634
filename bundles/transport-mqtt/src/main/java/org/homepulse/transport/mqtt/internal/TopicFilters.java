package org.homepulse.transport.mqtt.internal;

/** MQTT topic-filter validation and matching (MQTT v5 §4.7). */
final class TopicFilters {

    private TopicFilters() {
    }

    /** @throws IllegalArgumentException if {@code filter} is not a valid subscription filter */
    static void validate(String filter) {
        if (filter == null || filter.isEmpty() || filter.length() > 65535 || filter.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid MQTT topic filter");
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                throw new IllegalArgumentException("'#' must be a whole last level: " + filter);
            }
            if (level.contains("+") && !level.equals("+")) {
                throw new IllegalArgumentException("'+' must be a whole level: " + filter);
            }
        }
    }

    /** Whether a message on {@code topic} matches {@code filter}; wildcards at the start never match {@code $} topics. */
    static boolean matches(String filter, String topic) {
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true; // also matches the parent level: "a/#" matches "a"
            }
            if (i >= t.length) {
                return false;
            }
            if (!f[i].equals("+") && !f[i].equals(t[i])) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
