package org.homepulse.transport.mqtt.internal;

import java.util.Locale;
import java.util.Map;

/**
 * Reads typed values from a ConfigAdmin dictionary. Values arrive as strings
 * from {@code .cfg} files and as numbers or booleans from other tools, so both
 * are accepted; anything else is an {@link InvalidSettingException} naming the key.
 */
final class ConfigValues {

    private final Map<String, ?> raw;

    ConfigValues(Map<String, ?> raw) {
        this.raw = raw;
    }

    boolean bool(String key, boolean dflt) throws InvalidSettingException {
        String v = trimmed(key);
        if (v == null) {
            return dflt;
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new InvalidSettingException(key, "must be true or false (got \"" + shorten(v) + "\")");
        }
    }

    int integer(String key, int dflt, int min, int max) throws InvalidSettingException {
        String v = trimmed(key);
        if (v == null) {
            return dflt;
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            n = Long.MIN_VALUE;
        }
        if (n < min || n > max) {
            throw new InvalidSettingException(key,
                    "must be a whole number from " + min + " to " + max + " (got \"" + shorten(v) + "\")");
        }
        return (int) n;
    }

    /** A string, {@code dflt} when absent or blank. */
    String string(String key, String dflt) {
        String v = trimmed(key);
        return v == null ? dflt : v;
    }

    /** A secret: never echoed back in an error. Not trimmed (spaces may be part of it); empty means none. */
    String secret(String key) {
        Object v = raw.get(key);
        if (v == null) {
            return null;
        }
        String s = v.toString();
        return s.isEmpty() ? null : s;
    }

    private String trimmed(String key) {
        Object v = raw.get(key);
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }

    private static String shorten(String v) {
        return v.length() <= 40 ? v : v.substring(0, 40) + "...";
    }
}
