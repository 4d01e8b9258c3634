package org.homepulse.realtime.websocket.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The two {@code Authorization} header schemes a script can use on the upgrade. */
final class AuthorizationHeader {

    private AuthorizationHeader() {
    }

    /** {@code Authorization: Basic base64(user:password)} with a user of the realm. */
    static final CredentialSource BASIC = handshake -> {
        String value = parameter(handshake.authorization(), "Basic");
        if (value == null) {
            return null;
        }
        String decoded;
        try {
            // RFC 7617: UTF-8 is what browsers and curl send for non-ASCII user names.
            decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Credential.MALFORMED;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Credential.MALFORMED;
        }
        return new Credential.UserPassword(decoded.substring(0, colon), decoded.substring(colon + 1));
    };

    /** {@code Authorization: Bearer <access_token>}. */
    static final CredentialSource BEARER = handshake -> {
        String value = parameter(handshake.authorization(), "Bearer");
        if (value == null) {
            return null;
        }
        return value.isEmpty() || value.indexOf(' ') >= 0 ? Credential.MALFORMED : new Credential.Token(value);
    };

    /** What follows {@code scheme} (matched case-insensitively) in the header, trimmed; null for another scheme. */
    private static String parameter(String header, String scheme) {
        if (header == null) {
            return null;
        }
        String text = header.trim();
        if (text.length() < scheme.length() || !text.regionMatches(true, 0, scheme, 0, scheme.length())) {
            return null;
        }
        if (text.length() == scheme.length()) {
            return "";
        }
        if (text.charAt(scheme.length()) != ' ') {
            return null; // e.g. "Basicx": another scheme
        }
        return text.substring(scheme.length() + 1).trim();
    }
}
