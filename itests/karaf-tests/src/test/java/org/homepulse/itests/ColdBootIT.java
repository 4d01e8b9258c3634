package org.homepulse.itests;

import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.Test;

/**
 * Pax Web 8.0.34's whiteboard can lose a WebSocket endpoint on a cold boot (about
 * one boot in three: "No matching target context(s) for Whiteboard element
 * WebSocketModel"), leaving /ws/system at 404 until a restart. HomePulse registers
 * the endpoint through the WebContainer instead; this boots the real distribution
 * from scratch again and again and requires the endpoint on every boot.
 *
 * <p>Each boot also checks that the HomePulse .cfg files in etc/ keep their keys:
 * a .cfg that Karaf writes at boot can be read half-written by fileinstall, which
 * then wipes it (the distribution ships them in etc/ to avoid that).
 */
public class ColdBootIT {

    private static final int BOOTS = Integer.getInteger("homepulse.coldBoots", 10);
    private static final Duration BOOT_DEADLINE = Duration.ofSeconds(120);

    @Test
    public void theWebSocketAnswersOnEveryColdBoot() throws Exception {
        Path root = Path.of(System.getProperty("project.build.directory", "target"), "cold-boots");
        List<String> failures = new ArrayList<>();
        for (int boot = 1; boot <= BOOTS; boot++) {
            Path home = root.resolve("boot-" + boot);
            DistributionProcess.deleteTree(home);
            String failure;
            try (DistributionProcess hub = DistributionProcess.coldStart(home)) {
                failure = awaitSnapshot(hub);
                if (failure == null) {
                    failure = shippedConfigsIntact(hub.home());
                }
                if (failure != null) {
                    failures.add("boot " + boot + " (kept in " + home + "): " + failure + "\nconsole:\n"
                            + hub.consoleTail(20) + "\nkaraf.log:\n" + hub.logTail(40));
                }
            }
            if (failure == null) {
                DistributionProcess.deleteTree(home);
            }
        }
        assertEquals("cold boots without a working /ws/system:\n" + String.join("\n\n", failures), 0, failures.size());
    }

    private static final String[] SHIPPED_PIDS = { "org.homepulse.status", "org.homepulse.realtime",
        "org.homepulse.mqtt", "org.homepulse.zigbee2mqtt", "org.homepulse.frigate" };

    /** Null when every shipped etc/PID.cfg still has the keys it shipped with, else which did not. */
    private static String shippedConfigsIntact(Path home) throws IOException {
        Path pristine = DistributionProcess.unpackedDistribution();
        for (String pid : SHIPPED_PIDS) {
            Path shipped = pristine.resolve("etc/" + pid + ".cfg");
            Path booted = home.resolve("etc/" + pid + ".cfg");
            if (!Files.exists(shipped)) {
                return "the distribution does not ship etc/" + pid + ".cfg";
            }
            java.util.Set<String> shippedKeys = keys(shipped);
            java.util.Set<String> bootedKeys = Files.exists(booted) ? keys(booted) : null;
            if (shippedKeys.isEmpty() || bootedKeys == null || !bootedKeys.containsAll(shippedKeys)) {
                return "etc/" + pid + ".cfg lost keys during boot: " + (bootedKeys != null ? bootedKeys : "gone");
            }
        }
        return null;
    }

    private static java.util.Set<String> keys(Path cfg) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(cfg)) {
            p.load(r);
        }
        return p.stringPropertyNames();
    }

    /** Null when an authenticated client got a system_status, else why not. */
    private static String awaitSnapshot(DistributionProcess hub) {
        long deadline = System.nanoTime() + BOOT_DEADLINE.toNanos();
        String last = "never tried";
        while (System.nanoTime() < deadline) {
            if (!hub.isAlive()) {
                return "the Karaf process exited";
            }
            try (HubClient client = HubClient.connect(hub.httpPort(), "homepulse", "homepulse")) {
                client.awaitStatus(0, Duration.ofSeconds(10), "snapshot", payload -> true);
                return null;
            } catch (AssertionError notYet) {
                // Karaf still starting (connection refused, 404): try again until the deadline.
                last = notYet.getMessage();
            }
            try {
                Thread.sleep(250); // retry interval while Karaf boots, not a synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return "no snapshot within " + BOOT_DEADLINE.getSeconds() + " s; last attempt: " + last;
    }
}
