package org.homepulse.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.homepulse.status.IntegrationStatus;
import org.homepulse.status.Reason;
import org.homepulse.status.StatusChangeNotifier;
import org.homepulse.status.StatusProvider;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

/** The foundation, end to end: providers come and go, clients see it over /ws/system. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SystemStatusIT extends HubTestSupport {

    private static final String PROVIDERS = "org.homepulse.test.provider";

    @Inject
    private StatusChangeNotifier notifier;

    @Test
    public void anAuthenticatedClientGetsTheSnapshotFirstInTheDocumentedEnvelope() {
        HubClient client = track(HubClient.connect(port(), USER, PASSWORD));
        JsonNode first = client.await(0, PATIENCE, "first message", m -> true);

        List<String> keys = new ArrayList<>();
        first.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("type", "timestamp", "sequence", "payload"), keys);
        assertEquals("system_status", first.get("type").asText());
        String timestamp = first.get("timestamp").asText();
        assertTrue("UTC: " + timestamp, timestamp.endsWith("Z"));
        Instant.parse(timestamp); // ISO-8601 or it throws
        assertTrue(first.get("sequence").isIntegralNumber());
        assertTrue(first.get("sequence").asLong() > 0);
        assertTrue(first.get("payload").isObject());
    }

    @Test
    public void aProviderBundleInstalledAtRuntimeAppearsChangesAndDisappears() throws Exception {
        HubClient client = connect();
        Bundle providers = installBundle("test-providers");

        int mark = client.messageCount();
        factoryConfig(PROVIDERS, "alpha", "id", "alpha", "mode", "up");
        JsonNode appeared = client.awaitStatus(mark, EDGE, "with alpha", p -> p.has("alpha"));
        assertEquals("{\"configured\":true,\"enabled\":true,\"connected\":true}", appeared.get("payload").get("alpha").toString());

        mark = client.messageCount();
        configAdmin.getFactoryConfiguration(PROVIDERS, "alpha", "?")
                .update(dictionary("id", "alpha", "mode", "down", "reason", "UNREACHABLE"));
        JsonNode changed = client.awaitStatus(mark, EDGE, "alpha down",
                p -> "unreachable".equals(p.path("alpha").path("reason").asText()));
        assertEquals("unreachable", changed.get("payload").get("alpha").get("reason").asText());
        assertTrue(changed.get("sequence").asLong() > appeared.get("sequence").asLong());

        mark = client.messageCount();
        providers.uninstall();
        client.awaitStatus(mark, EDGE, "without alpha", p -> !p.has("alpha"));
    }

    @Test
    public void throwingAndBlockingProvidersShowProviderErrorAndStallNobody() throws Exception {
        HubClient client = connect();
        installBundle("test-providers");
        factoryConfig(PROVIDERS, "good", "id", "good", "mode", "up");
        factoryConfig(PROVIDERS, "thrower", "id", "thrower", "mode", "throw");
        factoryConfig(PROVIDERS, "sleeper", "id", "sleeper", "mode", "up");
        client.awaitStatus(0, PATIENCE, "all three", p -> p.has("good") && p.has("thrower") && p.has("sleeper"));

        configAdmin.getFactoryConfiguration(PROVIDERS, "sleeper", "?").update(dictionary("id", "sleeper", "mode", "block"));
        JsonNode broken = client.awaitStatus(0, PATIENCE, "both broken providers as provider_error",
                p -> "provider_error".equals(p.path("thrower").path("reason").asText())
                        && "provider_error".equals(p.path("sleeper").path("reason").asText()));
        assertFalse("no exception text on the wire", broken.toString().contains("on purpose"));

        int mark = client.messageCount();
        configAdmin.getFactoryConfiguration(PROVIDERS, "good", "?")
                .update(dictionary("id", "good", "mode", "down", "reason", "AUTH_FAILED"));
        client.awaitStatus(mark, EDGE, "good's change while sleeper hangs",
                p -> "auth_failed".equals(p.path("good").path("reason").asText()));
    }

    @Test
    public void anonymousAndWrongPasswordClientsAreClosedWith4401() {
        HubClient anonymous = track(HubClient.connect(port(), null, null));
        assertEquals(4401, anonymous.awaitClose(PATIENCE));
        assertEquals("nothing was sent before closing", 0, anonymous.messageCount());

        HubClient wrong = track(HubClient.connect(port(), USER, "not-the-password"));
        assertEquals(4401, wrong.awaitClose(PATIENCE));
        assertEquals(0, wrong.messageCount());
    }

    @Test
    public void aForeignBrowserOriginIsRefused() {
        HubClient hijacker = track(HubClient.connect(port(), USER, PASSWORD, "Origin", "http://evil.example"));
        assertEquals(4403, hijacker.awaitClose(PATIENCE));
        assertEquals(0, hijacker.messageCount());

        HubClient sameOrigin = track(HubClient.connect(port(), USER, PASSWORD, "Origin", "http://127.0.0.1:" + port()));
        sameOrigin.awaitStatus(0, PATIENCE, "snapshot for a same-origin page", p -> true);
    }

    @Test
    public void pingIsAnsweredAndBadInputGetsAnErrorNotACrash() {
        HubClient client = connect();
        int mark = client.messageCount();
        client.send("{\"type\":\"ping\"}");
        client.await(mark, PATIENCE, "pong", m -> "pong".equals(m.path("type").asText()));

        mark = client.messageCount();
        client.send("this is not json");
        client.await(mark, PATIENCE, "error for garbage", m -> "error".equals(m.path("type").asText()));

        mark = client.messageCount();
        client.send("{\"type\":\"launch_missiles\"}");
        client.await(mark, PATIENCE, "error for an unknown type", m -> "error".equals(m.path("type").asText()));

        mark = client.messageCount();
        client.send("{\"type\":\"ping\"}");
        client.await(mark, PATIENCE, "the connection still works", m -> "pong".equals(m.path("type").asText()));
        assertFalse(client.isClosed());
    }

    @Test
    public void everyClientGetsEveryChange() throws Exception {
        List<HubClient> many = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            many.add(connect());
        }
        installBundle("test-providers");
        factoryConfig(PROVIDERS, "shared", "id", "shared", "mode", "up");
        for (HubClient client : many) {
            client.awaitStatus(0, Duration.ofSeconds(5), "shared on every client", p -> p.has("shared"));
        }
    }

    @Test
    public void aScriptMayUseTheConfiguredBearerToken() throws Exception {
        editShippedConfig("org.homepulse.realtime", "access_token", "it-token-0123456789abcdef");
        try {
            // The new setting is applied asynchronously.
            Await.until("the token accepted", PATIENCE, () -> HubClient.servesSnapshot(port(), Duration.ofSeconds(2),
                    null, null, "Authorization", "Bearer it-token-0123456789abcdef"));
            HubClient wrong = track(HubClient.connect(port(), null, null, "Authorization", "Bearer wrong-token"));
            assertEquals(4401, wrong.awaitClose(PATIENCE));
        } finally {
            editShippedConfig("org.homepulse.realtime", "access_token", "");
            // The change closes every client (1012); wait until it is in force so later tests start clean.
            Await.until("the token no longer accepted", PATIENCE, () -> !HubClient.servesSnapshot(port(),
                    Duration.ofSeconds(2), null, null, "Authorization", "Bearer it-token-0123456789abcdef"));
            HubClient old = track(HubClient.connect(port(), null, null,
                    "Authorization", "Bearer it-token-0123456789abcdef"));
            assertEquals("the old token is refused again", 4401, old.awaitClose(PATIENCE));
        }
    }

    @Test
    public void stoppingTheHubBundlesLeavesNoThreadAndStartingThemServesAgain() throws Exception {
        HubClient before = connect();
        List<Bundle> hub = new ArrayList<>();
        for (Bundle b : bundleContext.getBundles()) {
            if (b.getSymbolicName().equals("org.homepulse.realtime.websocket")
                    || b.getSymbolicName().equals("org.homepulse.status.aggregator")) {
                hub.add(b);
            }
        }
        assertEquals(2, hub.size());
        for (Bundle b : hub) {
            b.stop();
        }
        assertEquals("clients are told the server is going away", 1001, before.awaitClose(PATIENCE));
        Await.until("no hub thread left", PATIENCE,
                () -> Leaks.threads("homepulse-status-", "homepulse-realtime-").isEmpty());
        for (Bundle b : hub) {
            b.start();
        }
        Await.until("/ws/system serves again", PATIENCE,
                () -> HubClient.servesSnapshot(port(), Duration.ofSeconds(2), USER, PASSWORD));

        HubClient after = connect();
        ServiceRegistration<StatusProvider> late = bundleContext.registerService(StatusProvider.class,
                new DirectProvider("after_restart"), null);
        try {
            after.awaitStatus(0, PATIENCE, "changes flow again after the restart", p -> p.has("after_restart"));
        } finally {
            late.unregister();
        }
        assertFalse("SCR sees no dependency circle between the aggregator and the WebSocket",
                java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("karaf.data"), "log",
                        "karaf.log")).contains("Circular reference detected"));
    }

    @Test
    public void aStalledReaderDelaysNobodyElse() throws Exception {
        editShippedConfig("org.homepulse.status", "coalesce_window_ms", "0"); // every change is a message
        List<ServiceRegistration<StatusProvider>> registered = new ArrayList<>();
        try (RawWebSocket stalled = RawWebSocket.upgrade(port(), USER, PASSWORD, 1024)) {
            HubClient healthy = connect();
            // Bulk, so each message is ~5 KB and the flood below ~10 MB: more than the kernel's
            // socket buffers (4 MB at most) can hide from the server.
            String padding = "_".repeat(40);
            for (int i = 0; i < 40; i++) {
                registered.add(bundleContext.registerService(StatusProvider.class,
                        new DirectProvider("bulk" + padding + i), null));
            }
            DirectProvider flood = new DirectProvider("flood");
            registered.add(bundleContext.registerService(StatusProvider.class, flood, null));
            healthy.awaitStatus(0, PATIENCE, "all listed", p -> p.has("flood") && p.size() >= 41);

            // Each change must reach the healthy client while the stalled one reads nothing.
            Reason[] reasons = { Reason.UNREACHABLE, Reason.AUTH_FAILED, Reason.TLS_ERROR, Reason.PROTOCOL_ERROR };
            for (int i = 0; i < 2000; i++) {
                String expected = reasons[i % reasons.length].wireName();
                int mark = healthy.messageCount();
                flood.status = IntegrationStatus.down(reasons[i % reasons.length]);
                notifier.statusChanged("flood");
                healthy.awaitStatus(mark, PATIENCE, "change " + i + " despite the stalled client",
                        p -> expected.equals(p.path("flood").path("reason").asText()));
            }
            assertTrue("the server holds data the stalled client does not read",
                    Leaks.unsentBytes(port(), stalled.localPort()) > 0);
        } finally {
            registered.forEach(ServiceRegistration::unregister);
            editShippedConfig("org.homepulse.status", "coalesce_window_ms", "250");
        }
    }

    @Test
    public void aClientThatStopsAnsweringPingsIsClosed() throws Exception {
        editShippedConfig("org.homepulse.realtime", "ping_interval_seconds", "1", "pong_timeout_seconds", "1");
        try {
            // Until the new setting is in force a deaf client is simply not pinged yet: try again.
            Await.until("a deaf client closed with 1001 for its missing pong", PATIENCE, () -> {
                try (RawWebSocket deaf = RawWebSocket.upgrade(port(), USER, PASSWORD, 65536)) {
                    return deaf.readUntilClosedIgnoringPings(Duration.ofSeconds(5)) == 1001;
                } catch (java.net.SocketTimeoutException notPingedYet) {
                    return false;
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            });
        } finally {
            editShippedConfig("org.homepulse.realtime", "ping_interval_seconds", "30", "pong_timeout_seconds", "10");
        }
    }
}
