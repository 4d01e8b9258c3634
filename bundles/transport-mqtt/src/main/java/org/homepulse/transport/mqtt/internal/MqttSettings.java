package org.homepulse.transport.mqtt.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;

/**
 * The validated configuration of PID {@code org.homepulse.mqtt}. Immutable and
 * compared by value, so a re-saved but unchanged configuration does not reconnect.
 * {@link #toString()} leaves out the password.
 */
final class MqttSettings {

    static final String ENABLED = "enabled";
    static final String HOST = "host";
    static final String PORT = "port";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String USE_TLS = "use_tls";
    static final String TLS_INSECURE = "tls_insecure";
    static final String TLS_CA_FILE = "tls_ca_file";
    static final String CLIENT_ID_PREFIX = "client_id_prefix";
    static final String KEEPALIVE_SECONDS = "keepalive_seconds";
    static final String CONNECT_TIMEOUT_SECONDS = "connect_timeout_seconds";
    static final String RECONNECT_MIN_SECONDS = "reconnect_min_seconds";
    static final String RECONNECT_MAX_SECONDS = "reconnect_max_seconds";

    final String host;
    final int port;
    final String username;
    final String password;
    final boolean useTls;
    final boolean tlsInsecure;
    final String tlsCaFile;
    final String clientIdPrefix;
    final int keepaliveSeconds;
    final int connectTimeoutSeconds;
    final int reconnectMinSeconds;
    final int reconnectMaxSeconds;

    private MqttSettings(ConfigValues v) throws InvalidSettingException {
        host = v.string(HOST, "localhost");
        port = v.integer(PORT, 1883, 1, 65535);
        username = v.string(USERNAME, null);
        password = v.secret(PASSWORD);
        useTls = v.bool(USE_TLS, false);
        tlsInsecure = v.bool(TLS_INSECURE, false);
        tlsCaFile = v.string(TLS_CA_FILE, null);
        clientIdPrefix = v.string(CLIENT_ID_PREFIX, "homepulse");
        keepaliveSeconds = v.integer(KEEPALIVE_SECONDS, 30, 0, 65535);
        connectTimeoutSeconds = v.integer(CONNECT_TIMEOUT_SECONDS, 5, 1, 300);
        reconnectMinSeconds = v.integer(RECONNECT_MIN_SECONDS, 1, 1, 3600);
        reconnectMaxSeconds = v.integer(RECONNECT_MAX_SECONDS, 120, 1, 86400);
        if (reconnectMaxSeconds < reconnectMinSeconds) {
            throw new InvalidSettingException(RECONNECT_MAX_SECONDS, "must not be less than " + RECONNECT_MIN_SECONDS);
        }
        if (!clientIdPrefix.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new InvalidSettingException(CLIENT_ID_PREFIX, "must be 1 to 40 letters, digits, '-' or '_'");
        }
        if (password != null && username == null) {
            throw new InvalidSettingException(USERNAME, "is required when a password is set");
        }
        serverUri(); // validates the host
    }

    /** Whether the integration is switched on; lenient, so a bad value elsewhere still shows the right flag. */
    static boolean enabled(Map<String, ?> raw) {
        try {
            return new ConfigValues(raw).bool(ENABLED, true);
        } catch (InvalidSettingException e) {
            return true;
        }
    }

    /**
     * Parses and validates everything except {@code enabled}.
     *
     * @throws InvalidSettingException naming the first bad key
     */
    static MqttSettings parse(Map<String, ?> raw) throws InvalidSettingException {
        ConfigValues values = new ConfigValues(raw);
        values.bool(ENABLED, true); // a malformed flag is a configuration error too
        return new MqttSettings(values);
    }

    /** {@code tcp://host:port} or {@code ssl://host:port}. */
    String serverUri() throws InvalidSettingException {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        try {
            URI uri = new URI((useTls ? "ssl" : "tcp") + "://" + h + ":" + port);
            if (uri.getHost() == null) {
                throw new InvalidSettingException(HOST, "is not a valid host name or address");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(HOST, "is not a valid host name or address");
        }
    }

    /** {@code host:port}, for log lines. */
    String target() {
        return host + ":" + port;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MqttSettings)) {
            return false;
        }
        MqttSettings s = (MqttSettings) o;
        return port == s.port && useTls == s.useTls && tlsInsecure == s.tlsInsecure
                && keepaliveSeconds == s.keepaliveSeconds && connectTimeoutSeconds == s.connectTimeoutSeconds
                && reconnectMinSeconds == s.reconnectMinSeconds && reconnectMaxSeconds == s.reconnectMaxSeconds
                && host.equals(s.host) && Objects.equals(username, s.username)
                && Objects.equals(password, s.password) && Objects.equals(tlsCaFile, s.tlsCaFile)
                && clientIdPrefix.equals(s.clientIdPrefix);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, username, useTls);
    }

    @Override
    public String toString() {
        return "MqttSettings[" + (useTls ? "ssl://" : "tcp://") + target()
                + (username != null ? ", with credentials" : "")
                + (tlsInsecure ? ", tls_insecure" : "") + "]";
    }
}
