package org.homepulse.itests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a stopped component may leave behind, seen from inside the Karaf JVM:
 * threads by name, and TCP connections (and their unsent bytes) from this
 * machine's socket table.
 */
public final class Leaks {

    private Leaks() {
    }

    /** Names of live threads that start with any of the prefixes. */
    public static List<String> threads(String... prefixes) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> {
                    for (String prefix : prefixes) {
                        if (name.startsWith(prefix)) {
                            return true;
                        }
                    }
                    return false;
                }).sorted().collect(Collectors.toList());
    }

    /**
     * Bytes the kernel still holds unsent on the TCP connection from local port
     * {@code from} to remote port {@code to} (the tx_queue column), or -1 if there is
     * no such connection: how far a peer that stopped reading is behind.
     */
    public static long unsentBytes(int from, int to) {
        String local = String.format(Locale.ROOT, ":%04X", from);
        String remote = String.format(Locale.ROOT, ":%04X", to);
        for (String table : new String[] { "/proc/net/tcp", "/proc/net/tcp6" }) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 4 && f[1].endsWith(local) && f[2].endsWith(remote)) {
                        return Long.parseLong(f[4].substring(0, f[4].indexOf(':')), 16);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table (no IPv6): nothing there
            }
        }
        return -1;
    }

    /** How many established TCP connections on this machine have {@code port} as their remote port. */
    public static long establishedConnectionsTo(int port) {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        long count = 0;
        for (String table : new String[] { "/proc/net/tcp", "/proc/net/tcp6" }) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    // sl local_address rem_address st ...; state 01 = ESTABLISHED
                    if (f.length > 3 && f[2].endsWith(":" + hexPort) && "01".equals(f[3])) {
                        count++;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table (no IPv6): nothing to count there
            }
        }
        return count;
    }
}
