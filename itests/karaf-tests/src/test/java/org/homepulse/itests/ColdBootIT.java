package org.homepulse.itests;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

/**
 * Pax Web 8.0.34's whiteboard can lose a WebSocket endpoint on a cold boot (about
 * one boot in three: "No matching target context(s) for Whiteboard element
 * WebSocketModel"), leaving /ws/system at 404 until a restart. HomePulse registers
 * the endpoint through the WebContainer instead; this boots the real distribution
 * from scratch again and again and requires the endpoint on every boot.
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
