package org.homepulse.integration.zigbee2mqtt.internal;

import java.util.Locale;
import java.util.Map;

/**
 * PID {@code org.homepulse.zigbee2mqtt}: {@code enabled} (true), {@code base_topic}
 * (zigbee2mqtt), {@code alive_grace_seconds} (75). Values may be strings (.cfg files)
 * or numbers/booleans (other tools).
 */
final class Zigbee2MqttSettings {

    final boolean enabled;
    /** {@code null} when the configuration is invalid; {@link #problem} then says why. */
    final String baseTopic;
    final long graceMillis;
    final String problem;

    private Zigbee2MqttSettings(boolean enabled, String baseTopic, long graceMillis, String problem) {
        this.enabled = enabled;
        this.baseTopic = baseTopic;
        this.graceMillis = graceMillis;
        this.problem = problem;
    }

    boolean valid() {
        return problem == null;
    }

    static Zigbee2MqttSettings parse(Map<String, ?> raw) {
        String enabledValue = text(raw, "enabled", "true").toLowerCase(Locale.ROOT);
        boolean enabled = !enabledValue.equals("false");
        if (!enabledValue.equals("true") && !enabledValue.equals("false")) {
            return invalid(enabled, "enabled must be true or false");
        }
        String base = text(raw, "base_topic", "zigbee2mqtt");
        if (base.contains("+") || base.contains("#") || base.startsWith("/") || base.endsWith("/")
                || base.indexOf('\0') >= 0) {
            return invalid(enabled, "base_topic must be a plain topic without wildcards or leading/trailing '/'");
        }
        String grace = text(raw, "alive_grace_seconds", "75");
        long seconds;
        try {
            seconds = Long.parseLong(grace);
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 1 || seconds > 86_400) {
            return invalid(enabled, "alive_grace_seconds must be a whole number from 1 to 86400 (got \""
                    + (grace.length() > 40 ? grace.substring(0, 40) + "..." : grace) + "\")");
        }
        return new Zigbee2MqttSettings(enabled, base, seconds * 1000, null);
    }

    private static Zigbee2MqttSettings invalid(boolean enabled, String problem) {
        return new Zigbee2MqttSettings(enabled, null, 0, problem);
    }

    private static String text(Map<String, ?> raw, String key, String dflt) {
        Object v = raw.get(key);
        String s = v == null ? "" : v.toString().trim();
        return s.isEmpty() ? dflt : s;
    }
}
