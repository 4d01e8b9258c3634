package org.homepulse.itests.mqtt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.homepulse.mqtt.testing.MosquittoBroker;

/**
 * Plays Zigbee2MQTT and Frigate on a real broker with Debian's mosquitto_pub and
 * mosquitto_sub: the same topics, payloads, retain flags and last wills the real
 * services use.
 */
final class MosquittoClients {

    private MosquittoClients() {
    }

    /** Publishes once (QoS 1) and waits until the broker has it. */
    static void publish(MosquittoBroker broker, String topic, String payload, boolean retained) throws Exception {
        List<String> command = new ArrayList<>(List.of("mosquitto_pub", "-h", broker.host(),
                "-p", Integer.toString(broker.port()), "-q", "1", "-t", topic, "-m", payload));
        if (retained) {
            command.add("-r");
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("mosquitto_pub " + topic + " failed: " + new String(p.getInputStream().readAllBytes()));
        }
    }

    /**
     * A connected client with a retained last will, the way Zigbee2MQTT and Frigate
     * register {@code offline}. Killing it (SIGKILL) makes the broker publish the will.
     * It subscribes to its own will topic, which must hold a retained message: the
     * first line it prints proves it is connected, so the will is armed.
     */
    static Process clientWithWill(MosquittoBroker broker, String willTopic, String willPayload) throws Exception {
        Process p = new ProcessBuilder("mosquitto_sub", "-h", broker.host(), "-p", Integer.toString(broker.port()),
                "-k", "5", "-t", willTopic, "--will-topic", willTopic, "--will-payload", willPayload,
                "--will-retain", "--will-qos", "1").redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        try {
            CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new AssertionError("the client with a last will did not connect: " + e, e);
        }
        return p;
    }
}
