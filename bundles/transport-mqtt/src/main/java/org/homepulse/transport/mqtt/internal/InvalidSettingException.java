package org.homepulse.transport.mqtt.internal;

/** One configuration key has a value we cannot use; the message names the key and never a secret. */
final class InvalidSettingException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String key;

    InvalidSettingException(String key, String problem) {
        super(key + " " + problem);
        this.key = key;
    }

    String key() {
        return key;
    }
}
