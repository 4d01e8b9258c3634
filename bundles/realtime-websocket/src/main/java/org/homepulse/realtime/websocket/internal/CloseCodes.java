package org.homepulse.realtime.websocket.internal;

/**
 * The close codes this endpoint uses, with their reason texts. Reasons are fixed
 * words: they never echo what the client sent.
 */
final class CloseCodes {

    /** The hub is stopping (bundle stopped, updated or uninstalled), or the client stopped answering pings. */
    static final int GOING_AWAY = 1001;
    /** An inbound message above the size limit (normally sent by Jetty itself). */
    static final int TOO_BIG = 1009;
    /** Authentication settings changed: reconnect and authenticate again. */
    static final int SERVICE_RESTART = 1012;
    /** The hub is restarting or too busy to authenticate: reconnect later. */
    static final int TRY_AGAIN_LATER = 1013;
    /** No credentials, or wrong ones. Mirrors HTTP 401. */
    static final int UNAUTHORIZED = 4401;
    /** A browser page from an origin that is not allowed. Mirrors HTTP 403. */
    static final int FORBIDDEN_ORIGIN = 4403;

    static final String REASON_UNAUTHORIZED = "unauthorized";
    static final String REASON_FORBIDDEN_ORIGIN = "origin not allowed";
    static final String REASON_SHUTDOWN = "server shutting down";
    static final String REASON_PONG_TIMEOUT = "ping timeout";
    static final String REASON_SEND_FAILED = "send failed";
    static final String REASON_TOO_BIG = "message too big";
    static final String REASON_RECONFIGURED = "configuration changed";
    static final String REASON_BUSY = "try again later";

    private CloseCodes() {
    }
}
