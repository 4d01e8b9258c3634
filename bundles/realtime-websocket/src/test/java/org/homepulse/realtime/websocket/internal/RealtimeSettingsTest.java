package org.homepulse.realtime.websocket.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;

public class RealtimeSettingsTest {

    private static Map<String, Object> props(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** slf4j-simple writes to System.err; captured to check what a log line reveals. */
    private static String logOf(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void emptyConfigurationGivesTheDocumentedDefaults() {
        RealtimeSettings s = RealtimeSettings.from(Map.of());
        assertEquals("karaf", s.realm);
        assertEquals("", s.accessToken);
        assertFalse(s.bearerEnabled());
        assertEquals(Set.of(), s.allowedOrigins);
        assertEquals(30, s.pingIntervalSeconds);
        assertEquals(10, s.pongTimeoutSeconds);
        assertEquals(60, s.loginCacheSeconds);
        assertEquals(RealtimeSettings.DEFAULTS, s);
    }

    @Test
    public void valuesAreReadFromStringsNumbersAndArrays() {
        RealtimeSettings s = RealtimeSettings.from(props("realm", " homepulse ", "access_token",
                "0123456789abcdef0123", "allowed_origins", "https://a.example, http://b.example:8080/",
                "ping_interval_seconds", 5, "pong_timeout_seconds", "3", "login_cache_seconds", "0"));
        assertEquals("homepulse", s.realm);
        assertTrue(s.bearerEnabled());
        assertEquals(Set.of("https://a.example:443", "http://b.example:8080"), s.allowedOrigins);
        assertEquals(5, s.pingIntervalSeconds);
        assertEquals(3, s.pongTimeoutSeconds);
        assertEquals(0, s.loginCacheSeconds);

        RealtimeSettings fromArray = RealtimeSettings.from(props("allowed_origins",
                new String[] { "https://a.example", "https://c.example" }));
        assertEquals(Set.of("https://a.example:443", "https://c.example:443"), fromArray.allowedOrigins);
        RealtimeSettings fromList = RealtimeSettings.from(props("allowed_origins", List.of("https://a.example")));
        assertEquals(Set.of("https://a.example:443"), fromList.allowedOrigins);
    }

    @Test
    public void invalidValuesKeepTheirDefaultsAndNameTheKey() {
        String log = logOf(() -> {
            RealtimeSettings s = RealtimeSettings.from(props("ping_interval_seconds", "soon",
                    "pong_timeout_seconds", "0", "login_cache_seconds", "-1", "realm", "two words",
                    "allowed_origins", "https://ok.example, not-an-origin"));
            assertEquals(30, s.pingIntervalSeconds);
            assertEquals(10, s.pongTimeoutSeconds);
            assertEquals(60, s.loginCacheSeconds);
            assertEquals("karaf", s.realm);
            assertEquals(Set.of("https://ok.example:443"), s.allowedOrigins);
        });
        assertTrue(log, log.contains("ping_interval_seconds"));
        assertTrue(log, log.contains("pong_timeout_seconds"));
        assertTrue(log, log.contains("login_cache_seconds"));
        assertTrue(log, log.contains("realm"));
        assertTrue(log, log.contains("not-an-origin"));
    }

    @Test
    public void theTokenNeverAppearsInLogsOrToString() {
        String shortSecret = "s3cr";
        String badSecret = "has space-Secret-Value";
        String log = logOf(() -> {
            RealtimeSettings weak = RealtimeSettings.from(props("access_token", shortSecret));
            assertTrue("a short token still works", weak.bearerEnabled());
            assertFalse(weak.toString().contains(shortSecret));
            assertTrue(weak.toString().contains("access_token=(set)"));
            RealtimeSettings bad = RealtimeSettings.from(props("access_token", badSecret));
            assertFalse("an unusable token disables bearer", bad.bearerEnabled());
        });
        assertTrue(log, log.contains("access_token"));
        assertFalse(log, log.contains(shortSecret));
        assertFalse(log, log.contains("Secret-Value"));
    }

    @Test
    public void onlyAuthenticationKeysRequireReauthentication() {
        RealtimeSettings base = RealtimeSettings.DEFAULTS;
        assertFalse(base.authenticationDiffers(RealtimeSettings.from(props("ping_interval_seconds", "9"))));
        assertFalse(base.authenticationDiffers(RealtimeSettings.from(props("login_cache_seconds", "9"))));
        assertTrue(base.authenticationDiffers(RealtimeSettings.from(props("realm", "other"))));
        assertTrue(base.authenticationDiffers(RealtimeSettings.from(props("access_token", "0123456789abcdef"))));
        assertTrue(base.authenticationDiffers(RealtimeSettings.from(props("allowed_origins", "https://x.example"))));
    }
}
