package org.homepulse.itests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The distribution as a user runs it: a fresh copy (so every start is a cold boot
 * with an empty data/ cache), started with {@code bin/karaf server} on free ports.
 */
public final class DistributionProcess implements AutoCloseable {

    private final Path home;
    private final int httpPort;
    private final Process process;

    private DistributionProcess(Path home, int httpPort, Process process) {
        this.home = home;
        this.httpPort = httpPort;
        this.process = process;
    }

    /** Copies the unpacked distribution into {@code workDir} and starts it. */
    public static DistributionProcess coldStart(Path workDir) throws IOException {
        Path source = unpackedDistribution();
        copyTree(source, workDir);
        int http = FreePort.next();
        setProperty(workDir.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", Integer.toString(http));
        setProperty(workDir.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(FreePort.next()));
        setProperty(workDir.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort",
                Integer.toString(FreePort.next()));
        setProperty(workDir.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort",
                Integer.toString(FreePort.next()));
        Path karaf = workDir.resolve("bin/karaf");
        karaf.toFile().setExecutable(true);
        ProcessBuilder builder = new ProcessBuilder(karaf.toString(), "server")
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("console.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return new DistributionProcess(workDir, http, builder.start());
    }

    public int httpPort() {
        return httpPort;
    }

    public Path home() {
        return home;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of Karaf's log, for a failure message. */
    public String logTail(int lines) {
        return tail(home.resolve("data/log/karaf.log"), lines);
    }

    /**
     * Stops Karaf and everything the start script started. The script runs the JVM as
     * its child, so the tree is taken first: once the script is gone its JVM would be
     * an orphan nobody can find.
     */
    @Override
    public void close() throws IOException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().collect(Collectors.toList()));
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy); // SIGTERM: Karaf's shutdown hook stops the framework cleanly
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                p.destroyForcibly();
            }
        }
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("Karaf process " + p.pid() + " survived SIGKILL", e);
            }
        }
    }

    /** The start script's own output (JVM crashes, port clashes), for a failure message. */
    public String consoleTail(int lines) {
        return tail(home.resolve("console.log"), lines);
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file.getFileName() + ": " + e + ")";
        }
    }

    static Path unpackedDistribution() throws IOException {
        Path dir = Path.of(System.getProperty("homepulse.distribution.dir"));
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> Files.exists(p.resolve("bin/karaf"))).findFirst()
                    .orElseThrow(() -> new IOException("no unpacked distribution (bin/karaf) under " + dir));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Sets {@code key = value} in a Karaf .cfg file, replacing an existing line. */
    static void setProperty(Path cfg, String key, String value) throws IOException {
        List<String> lines = Files.exists(cfg) ? Files.readAllLines(cfg, StandardCharsets.UTF_8) : new ArrayList<>();
        List<String> out = new ArrayList<>();
        boolean replaced = false;
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith(key) && trimmed.substring(key.length()).trim().startsWith("=")) {
                out.add(key + " = " + value);
                replaced = true;
            } else {
                out.add(line);
            }
        }
        if (!replaced) {
            out.add(key + " = " + value);
        }
        Files.write(cfg, out, StandardCharsets.UTF_8);
    }

    /** Deletes a directory tree; for cleaning up after a boot. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
