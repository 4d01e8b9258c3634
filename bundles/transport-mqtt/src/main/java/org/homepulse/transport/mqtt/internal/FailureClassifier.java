package org.homepulse.transport.mqtt.internal;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.homepulse.status.Reason;

/** Maps why a connection attempt failed to the closed {@link Reason} vocabulary. */
final class FailureClassifier {

    // MQTT v5 CONNACK reason codes that mean "your credentials or identity were refused".
    private static final int BAD_USER_NAME_OR_PASSWORD = 0x86;
    private static final int NOT_AUTHORIZED = 0x87;
    private static final int BANNED = 0x8A;
    private static final int BAD_AUTHENTICATION_METHOD = 0x8C;
    // v3-style codes Paho maps for older brokers.
    private static final int V3_BAD_CREDENTIALS = 4;
    private static final int V3_NOT_AUTHORIZED = 5;
    // CONNACK codes meaning the broker does not understand us.
    private static final int MALFORMED_PACKET = 0x81;
    private static final int PROTOCOL_ERROR = 0x82;
    private static final int UNSUPPORTED_PROTOCOL_VERSION = 0x84;

    private FailureClassifier() {
    }

    static Reason classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SSLException || t instanceof CertificateException
                    || t instanceof GeneralSecurityException) {
                return Reason.TLS_ERROR;
            }
        }
        if (failure instanceof MqttException) {
            switch (((MqttException) failure).getReasonCode()) {
                case BAD_USER_NAME_OR_PASSWORD:
                case NOT_AUTHORIZED:
                case BANNED:
                case BAD_AUTHENTICATION_METHOD:
                case V3_BAD_CREDENTIALS:
                case V3_NOT_AUTHORIZED:
                    return Reason.AUTH_FAILED;
                case MALFORMED_PACKET:
                case PROTOCOL_ERROR:
                case UNSUPPORTED_PROTOCOL_VERSION:
                    return Reason.PROTOCOL_ERROR;
                default:
                    break;
            }
        }
        return Reason.UNREACHABLE;
    }

    /** A short, secret-free description for the log: exception types and messages, no payloads. */
    static String describe(Throwable failure) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = failure; t != null && sb.length() < 300; t = t.getCause() == t ? null : t.getCause()) {
            if (sb.length() > 0) {
                sb.append(" <- ");
            }
            sb.append(t.getClass().getSimpleName());
            if (t instanceof MqttException) {
                sb.append('(').append(((MqttException) t).getReasonCode()).append(')');
            }
            if (t.getMessage() != null) {
                sb.append(": ").append(t.getMessage());
            }
        }
        return sb.toString();
    }
}
