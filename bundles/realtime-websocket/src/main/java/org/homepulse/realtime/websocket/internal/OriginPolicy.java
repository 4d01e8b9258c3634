package org.homepulse.realtime.websocket.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-site WebSocket hijacking guard. A browser always sends {@code Origin} on
 * an upgrade and attaches the hub's cookies or cached Basic credentials whatever
 * page opened the socket, so the Origin must be the hub itself (same host and
 * port as the {@code Host} header) or one the administrator listed. Scripts send
 * no Origin; they are allowed because they must still authenticate.
 */
final class OriginPolicy {

    private final Set<String> allowed;

    /** @param allowed origins in {@link #normalise(String)} form */
    OriginPolicy(Set<String> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    boolean allows(String origin, String host) {
        if (origin == null || origin.isBlank()) {
            return true;
        }
        String normalised = normalise(origin);
        if (normalised == null) {
            return false; // "null" (sandboxed or file pages) and anything unparsable
        }
        return allowed.contains(normalised) || sameOrigin(normalised, host);
    }

    /** Same origin: the origin's host and port equal the Host header's (ports defaulted from the origin's scheme). */
    private static boolean sameOrigin(String normalisedOrigin, String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        URI origin = URI.create(normalisedOrigin);
        String scheme = origin.getScheme();
        String hostAndPort = hostAndPort(scheme, "//" + host.trim());
        return hostAndPort != null && hostAndPort.equals(origin.getHost() + ":" + origin.getPort());
    }

    /**
     * An origin in comparable form, {@code scheme://host:port} in lower case with the
     * port always explicit, or {@code null} if it is not an http(s) origin.
     */
    static String normalise(String origin) {
        if (origin == null) {
            return null;
        }
        String text = origin.trim();
        if (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1); // tolerated in configuration
        }
        int schemeEnd = text.indexOf("://");
        if (schemeEnd <= 0) {
            return null;
        }
        String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        String hostAndPort = hostAndPort(scheme, text.substring(schemeEnd + 1));
        return hostAndPort == null ? null : scheme + "://" + hostAndPort;
    }

    /** {@code host:port} of {@code //authority}, or null if it has a path, user info or is not a host. */
    private static String hostAndPort(String scheme, String authority) {
        try {
            URI uri = new URI(scheme + ":" + authority);
            if (uri.getHost() == null || uri.getRawUserInfo() != null || !uri.getRawPath().isEmpty()
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            int port = uri.getPort();
            if (port == -1) {
                port = scheme.equals("https") ? 443 : 80;
            }
            return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
