package org.homepulse.status;

/**
 * The name of an integration's primary boolean on the wire: what "up" means for
 * it. A broker is {@code connected}, an NVR is {@code available}, a web API is
 * {@code reachable}.
 */
public enum PrimaryField {
    CONNECTED("connected"),
    AVAILABLE("available"),
    REACHABLE("reachable");

    private final String key;

    PrimaryField(String key) {
        this.key = key;
    }

    /** The JSON key, e.g. {@code "connected"}. */
    public String key() {
        return key;
    }
}
