package org.homepulse.itests.mqtt;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.homepulse.itests.Await;
import org.homepulse.itests.HubClient;
import org.homepulse.itests.Leaks;
import org.homepulse.itests.HubTestSupport;
import org.homepulse.mqtt.testing.MosquittoBroker;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The MQTT family in the real distribution against a real Mosquitto: the features
 * installed at runtime, the broker killed and restarted, Zigbee2MQTT and Frigate
 * played with their real topics, all observed on /ws/system.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MqttIntegrationsIT extends HubTestSupport {

    private static final String MQTT = "org.homepulse.mqtt";
    private static final String Z2M = "org.homepulse.zigbee2mqtt";
    private static final String FRIGATE = "org.homepulse.frigate";

    private MosquittoBroker broker;
    private MosquittoBroker secondBroker;
    private Process willClient;

    @Override
    protected Option[] extraOptions() {
        return new Option[] { mavenBundle("org.homepulse", "mqtt-testing", version()) };
    }

    @After
    public void stopPeers() throws Exception {
        if (willClient != null) {
            willClient.destroyForcibly();
        }
        for (String feature : new String[] { "homepulse-frigate", "homepulse-zigbee2mqtt", "homepulse-mqtt" }) {
            if (features.isInstalled(features.getFeature(feature))) {
                features.uninstallFeature(feature);
            }
        }
        if (broker != null) {
            broker.close();
        }
        if (secondBroker != null) {
            secondBroker.close();
        }
    }

    /** A fresh broker, an authenticated client, and the transport connected to that broker. */
    private HubClient clientWithMqttConnected() throws Exception {
        broker = MosquittoBroker.startAnonymous();
        HubClient client = connect();
        features.installFeature("homepulse-mqtt");
        pointMqttAt(broker);
        client.awaitStatus(0, PATIENCE, "mqtt connected", p -> is(p, "mqtt", "connected", true));
        return client;
    }

    /** The transport pointed at {@code target}, with a short back-off so restarts are quick. */
    private void pointMqttAt(MosquittoBroker target, String... extra) throws Exception {
        String[] base = { "enabled", "true", "host", target.host(), "port", Integer.toString(target.port()),
                "reconnect_min_seconds", "1", "reconnect_max_seconds", "2", "username", "", "password", "" };
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        editShippedConfig(MQTT, all);
    }

    /**
     * Publishes live traffic again and again until the hub shows the condition: the
     * first publish may reach the broker before the integration's subscription does,
     * and a live message nobody subscribed to is gone.
     */
    private JsonNode publishUntil(HubClient client, int from, String what, Predicate<JsonNode> condition,
            String... topicsAndPayloads) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            for (int i = 0; i + 1 < topicsAndPayloads.length; i += 2) {
                MosquittoClients.publish(broker, topicsAndPayloads[i], topicsAndPayloads[i + 1], false);
            }
            try {
                return client.awaitStatus(from, Duration.ofMillis(500), what, condition);
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
        }
    }

    private static boolean is(JsonNode payload, String id, String field, boolean value) {
        JsonNode entry = payload.path(id);
        return entry.has(field) && entry.get(field).asBoolean() == value;
    }

    private static String reason(JsonNode payload, String id) {
        return payload.path(id).path("reason").asText("");
    }

    @Test
    public void theIntegrationsAreInstalledAndRemovedAtRuntime() throws Exception {
        HubClient client = clientWithMqttConnected();
        features.installFeature("homepulse-zigbee2mqtt");
        client.awaitStatus(0, PATIENCE, "zigbee2mqtt listed", p -> p.has("zigbee2mqtt"));
        features.installFeature("homepulse-frigate");
        client.awaitStatus(0, PATIENCE, "frigate listed", p -> p.has("frigate"));

        int mark = client.messageCount();
        features.uninstallFeature("homepulse-mqtt");
        JsonNode withoutMqtt = client.awaitStatus(mark, PATIENCE, "mqtt gone, the others waiting for it",
                p -> !p.has("mqtt") && "mqtt_unavailable".equals(reason(p, "zigbee2mqtt"))
                        && "mqtt_unavailable".equals(reason(p, "frigate")));
        assertFalse(withoutMqtt.get("payload").get("zigbee2mqtt").get("connected").asBoolean());

        features.installFeature("homepulse-mqtt"); // recovers by itself when MQTT returns
        client.awaitStatus(mark, PATIENCE, "mqtt back", p -> is(p, "mqtt", "connected", true)
                && !"mqtt_unavailable".equals(reason(p, "zigbee2mqtt")));

        assertTrue("the edited etc/org.homepulse.mqtt.cfg survives a reinstall",
                Files.readString(Path.of(System.getProperty("karaf.etc"), "org.homepulse.mqtt.cfg"))
                        .contains(Integer.toString(broker.port())));

        mark = client.messageCount();
        features.uninstallFeature("homepulse-zigbee2mqtt");
        features.uninstallFeature("homepulse-frigate");
        client.awaitStatus(mark, PATIENCE, "both integrations gone", p -> !p.has("zigbee2mqtt") && !p.has("frigate"));

        assertTrue("the checks below see a live transport", Leaks.establishedConnectionsTo(broker.port()) > 0
                && !Leaks.threads("homepulse-mqtt-").isEmpty());
        features.uninstallFeature("homepulse-mqtt");
        Await.until("no MQTT thread or connection left after uninstall", PATIENCE,
                () -> Leaks.threads("homepulse-mqtt-", "MQTT ").isEmpty()
                        && Leaks.establishedConnectionsTo(broker.port()) == 0);
    }

    @Test
    public void aKilledBrokerTurnsTheWholeFamilyFalseAtOnceAndARestartHeals() throws Exception {
        HubClient client = clientWithMqttConnected();
        features.installFeature("homepulse-zigbee2mqtt");
        features.installFeature("homepulse-frigate");
        MosquittoClients.publish(broker, "zigbee2mqtt/bridge/state", "{\"state\":\"online\"}", true);
        MosquittoClients.publish(broker, "frigate/available", "online", true);
        publishUntil(client, 0, "all three up", p -> is(p, "mqtt", "connected", true)
                && is(p, "zigbee2mqtt", "connected", true) && is(p, "frigate", "available", true),
                "zigbee2mqtt/bridge/logging", "{\"level\":\"info\",\"message\":\"live\"}",
                "frigate/stats", "{\"service\":{\"uptime\":5}}");

        int mark = client.messageCount();
        broker.kill();
        JsonNode down = client.awaitStatus(mark, EDGE, "all three down within 1 s",
                p -> is(p, "mqtt", "connected", false) && is(p, "zigbee2mqtt", "connected", false)
                        && is(p, "frigate", "available", false));
        assertEquals("mqtt_unavailable", reason(down.get("payload"), "zigbee2mqtt"));
        assertEquals("mqtt_unavailable", reason(down.get("payload"), "frigate"));

        broker.restart();
        client.awaitStatus(mark, Duration.ofSeconds(15), "mqtt reconnected within the back-off",
                p -> is(p, "mqtt", "connected", true));
        publishUntil(client, mark, "integrations back", p -> is(p, "zigbee2mqtt", "connected", true)
                && is(p, "frigate", "available", true),
                "zigbee2mqtt/bridge/logging", "{\"level\":\"info\",\"message\":\"back\"}",
                "frigate/stats", "{\"service\":{\"uptime\":6}}");
    }

    @Test
    public void zigbee2mqttIsAliveOnlyOnLiveTrafficAndFallsOnItsWillOrSilence() throws Exception {
        HubClient client = clientWithMqttConnected();
        // The bridge said "online" (retained) before HomePulse listened: a replay, not proof of life.
        MosquittoClients.publish(broker, "zigbee2mqtt/bridge/state", "online", true);
        features.installFeature("homepulse-zigbee2mqtt");
        editShippedConfig(Z2M, "enabled", "true", "base_topic", "zigbee2mqtt", "alive_grace_seconds", "3");
        client.awaitStatus(0, PATIENCE, "zigbee2mqtt not alive on a retained replay",
                p -> "no_recent_traffic".equals(reason(p, "zigbee2mqtt")));

        int mark = client.messageCount();
        publishUntil(client, mark, "alive on live traffic", p -> is(p, "zigbee2mqtt", "connected", true),
                "zigbee2mqtt/bridge/logging", "{\"level\":\"info\",\"message\":\"x\"}");

        willClient = MosquittoClients.clientWithWill(broker, "zigbee2mqtt/bridge/state", "offline");
        MosquittoClients.publish(broker, "zigbee2mqtt/bridge/state", "{\"state\":\"online\"}", false);
        mark = client.messageCount();
        MosquittoClients.publish(broker, "zigbee2mqtt/bridge/logging", "{\"level\":\"info\",\"message\":\"y\"}", false);
        new ProcessBuilder("kill", "-9", Long.toString(willClient.pid())).start().waitFor(10, TimeUnit.SECONDS);
        client.awaitStatus(mark, EDGE, "bridge_offline at once from the last will",
                p -> "bridge_offline".equals(reason(p, "zigbee2mqtt")));

        mark = client.messageCount();
        MosquittoClients.publish(broker, "zigbee2mqtt/bridge/state", "{\"state\":\"online\"}", false);
        client.awaitStatus(mark, EDGE, "alive again on a live JSON online", p -> is(p, "zigbee2mqtt", "connected", true));
        mark = client.messageCount();
        client.awaitStatus(mark, PATIENCE, "silence beyond the grace flips it at a tick",
                p -> "no_recent_traffic".equals(reason(p, "zigbee2mqtt")));
    }

    @Test
    public void frigateFollowsAvailableAndStaleStats() throws Exception {
        HubClient client = clientWithMqttConnected();
        features.installFeature("homepulse-frigate");
        editShippedConfig(FRIGATE, "enabled", "true", "topic_prefix", "frigate", "availability_grace_seconds", "3");

        int mark = client.messageCount();
        MosquittoClients.publish(broker, "frigate/available", "online", true);
        publishUntil(client, mark, "available", p -> is(p, "frigate", "available", true),
                "frigate/stats", "{\"service\":{\"uptime\":1}}");

        mark = client.messageCount();
        MosquittoClients.publish(broker, "frigate/available", "offline", true);
        client.awaitStatus(mark, EDGE, "offline", p -> "bridge_offline".equals(reason(p, "frigate")));

        mark = client.messageCount();
        MosquittoClients.publish(broker, "frigate/available", "stopped", true);
        client.awaitStatus(mark, EDGE, "stopped (0.18+ clean stop)", p -> "stopped".equals(reason(p, "frigate")));

        // A 0.17-style clean stop: "online" stays retained, the stats just stop coming.
        MosquittoClients.publish(broker, "frigate/available", "online", true);
        MosquittoClients.publish(broker, "frigate/stats", "{\"service\":{\"uptime\":2}}", false);
        client.awaitStatus(mark, PATIENCE, "available again", p -> is(p, "frigate", "available", true));
        mark = client.messageCount();
        client.awaitStatus(mark, PATIENCE, "unavailable once the stats are stale",
                p -> "no_recent_traffic".equals(reason(p, "frigate")));

        mark = client.messageCount();
        MosquittoClients.publish(broker, "frigate/events", "{not json", false);
        MosquittoClients.publish(broker, "frigate/stats", "{\"service\":{\"uptime\":3}}", false);
        client.awaitStatus(mark, PATIENCE, "garbage on frigate/events breaks nothing",
                p -> is(p, "frigate", "available", true));
    }

    @Test
    public void reconfigurationMovesToASecondBrokerAndDisablingIsPushedAtOnce() throws Exception {
        HubClient client = clientWithMqttConnected();
        secondBroker = MosquittoBroker.startAnonymous();

        // The first broker goes away first, so any "connected" from here on can only be the second.
        int mark = client.messageCount();
        broker.kill();
        client.awaitStatus(mark, PATIENCE, "first broker gone", p -> is(p, "mqtt", "connected", false));
        mark = client.messageCount();
        pointMqttAt(secondBroker);
        client.awaitStatus(mark, PATIENCE, "connected to the second broker without a restart",
                p -> is(p, "mqtt", "connected", true));

        mark = client.messageCount();
        pointMqttAt(secondBroker, "enabled", "false");
        JsonNode disabled = client.awaitStatus(mark, EDGE, "disabled within 1 s", p -> is(p, "mqtt", "enabled", false));
        assertEquals("disabled", reason(disabled.get("payload"), "mqtt"));

        mark = client.messageCount();
        pointMqttAt(secondBroker, "port", "70000");
        client.awaitStatus(mark, PATIENCE, "invalid port: not configured",
                p -> is(p, "mqtt", "configured", false) && "not_configured".equals(reason(p, "mqtt")));
    }

    @Test
    public void aWrongPasswordIsAuthFailedAndNeverShown() throws Exception {
        broker = MosquittoBroker.builder().user("hub", "right-password").build();
        broker.start();
        HubClient client = connect();
        features.installFeature("homepulse-mqtt");
        pointMqttAt(broker, "username", "hub", "password", "s3cret-wrong-password");
        JsonNode failed = client.awaitStatus(0, PATIENCE, "auth_failed", p -> "auth_failed".equals(reason(p, "mqtt")));
        assertFalse(failed.toString().contains("s3cret"));
        assertFalse("the password never reaches the log",
                Files.readString(Path.of(System.getProperty("karaf.data"), "log", "karaf.log")).contains("s3cret"));

        pointMqttAt(broker, "username", "hub", "password", "right-password");
        client.awaitStatus(0, PATIENCE, "connected with the right password", p -> is(p, "mqtt", "connected", true));
    }
}
