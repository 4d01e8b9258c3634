package org.homepulse.transport.mqtt.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.homepulse.status.Reason;
import org.junit.Test;

/** Pure logic: topic matching, back-off, failure reasons, settings parsing. */
public class UnitTest {

    @Test
    public void topicFilterMatching() {
        assertTrue(TopicFilters.matches("a/#", "a"));
        assertTrue(TopicFilters.matches("a/#", "a/b/c"));
        assertTrue(TopicFilters.matches("a/+/c", "a/b/c"));
        assertFalse(TopicFilters.matches("a/+/c", "a/b/d"));
        assertFalse(TopicFilters.matches("a/+", "a/b/c"));
        assertTrue(TopicFilters.matches("#", "x/y"));
        assertFalse(TopicFilters.matches("#", "$SYS/broker"));
        assertTrue(TopicFilters.matches("$SYS/#", "$SYS/broker"));
        assertTrue(TopicFilters.matches("a/b", "a/b"));
        assertFalse(TopicFilters.matches("a/b", "a/b/c"));
    }

    @Test
    public void backoffDoublesAndCaps() {
        Backoff b = new Backoff(1, 10);
        assertEquals(1000, b.delayMillis(0));
        assertEquals(2000, b.delayMillis(1));
        assertEquals(8000, b.delayMillis(3));
        assertEquals(10000, b.delayMillis(4));
        assertEquals(10000, b.delayMillis(1000));
    }

    @Test
    public void failureReasons() {
        assertEquals(Reason.AUTH_FAILED, FailureClassifier.classify(new MqttException(0x86)));
        assertEquals(Reason.AUTH_FAILED, FailureClassifier.classify(new MqttException(0x87)));
        assertEquals(Reason.AUTH_FAILED, FailureClassifier.classify(new MqttException(0x8C)));
        assertEquals(Reason.TLS_ERROR, FailureClassifier.classify(
                new MqttException(32103, new SSLHandshakeException("PKIX path building failed"))));
        assertEquals(Reason.UNREACHABLE, FailureClassifier.classify(
                new MqttException(32103, new java.net.ConnectException("Connection refused"))));
        assertEquals(Reason.UNREACHABLE, FailureClassifier.classify(new java.net.UnknownHostException("x")));
    }

    @Test
    public void passwordNeverInToStringNorInErrors() throws Exception {
        Map<String, Object> c = new HashMap<>();
        c.put("username", "hub");
        c.put("password", "TopSecret123");
        MqttSettings s = MqttSettings.parse(c);
        assertFalse(s.toString().contains("TopSecret123"));
        c.put("port", "abc");
        try {
            MqttSettings.parse(c);
            fail();
        } catch (InvalidSettingException e) {
            assertEquals("port", e.key());
            assertTrue(e.getMessage(), e.getMessage().startsWith("port "));
            assertFalse(e.getMessage().contains("TopSecret123"));
        }
    }

    @Test
    public void defaults() throws Exception {
        MqttSettings s = MqttSettings.parse(Map.of());
        assertEquals("localhost", s.host);
        assertEquals(1883, s.port);
        assertEquals(30, s.keepaliveSeconds);
        assertEquals(5, s.connectTimeoutSeconds);
        assertEquals(1, s.reconnectMinSeconds);
        assertEquals(120, s.reconnectMaxSeconds);
        assertEquals("tcp://localhost:1883", s.serverUri());
        assertTrue(MqttSettings.enabled(Map.of()));
        assertEquals(MqttSettings.parse(Map.of("port", "1883")), s);
    }

    @Test
    public void ipv6HostIsBracketed() throws Exception {
        assertEquals("tcp://[::1]:1883", MqttSettings.parse(Map.of("host", "::1")).serverUri());
    }
}
