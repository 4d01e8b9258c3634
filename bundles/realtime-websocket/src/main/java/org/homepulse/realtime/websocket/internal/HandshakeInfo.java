package org.homepulse.realtime.websocket.internal;

import java.util.List;
import java.util.Map;

/**
 * The few upgrade-request headers this endpoint needs, captured during the
 * handshake and judged later, off Jetty's thread. Immutable. Holds credentials:
 * {@link #toString()} never shows them.
 */
final class HandshakeInfo {

    /** Key under which the capture travels from the handshake to {@code Session.getUserProperties()}. */
    static final String USER_PROPERTY = HandshakeInfo.class.getName();

    static final HandshakeInfo NONE = new HandshakeInfo(null, null, null);

    private final String authorization;
    private final String origin;
    private final String host;

    HandshakeInfo(String authorization, String origin, String host) {
        this.authorization = authorization;
        this.origin = origin;
        this.host = host;
    }

    /** Picks the headers out of a handshake's header map, whose key case is not guaranteed. */
    static HandshakeInfo of(Map<String, List<String>> headers) {
        if (headers == null) {
            return NONE;
        }
        return new HandshakeInfo(first(headers, "Authorization"), first(headers, "Origin"), first(headers, "Host"));
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (name.equalsIgnoreCase(header.getKey()) && header.getValue() != null && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    HandshakeInfo withoutAuthorization() {
        return authorization == null ? this : new HandshakeInfo(null, origin, host);
    }

    /** The raw {@code Authorization} header, or null. A secret. */
    String authorization() {
        return authorization;
    }

    String origin() {
        return origin;
    }

    String host() {
        return host;
    }

    @Override
    public String toString() {
        return "HandshakeInfo[origin=" + origin + ", host=" + host + ", authorization="
                + (authorization == null ? "none" : "(present)") + "]";
    }
}
