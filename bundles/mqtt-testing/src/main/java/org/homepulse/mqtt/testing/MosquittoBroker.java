package org.homepulse.mqtt.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Mosquitto broker for one test, in the foreground on a free loopback
 * port, logging to stderr (kept in {@link #log()} for failure messages).
 *
 * <pre>
 * try (MosquittoBroker broker = MosquittoBroker.builder().build()) {
 *     broker.start();
 *     ... connect to broker.host():broker.port() ...
 *     broker.kill();     // SIGKILL: connections drop without a goodbye
 *     broker.restart();  // same port, same settings
 * }
 * </pre>
 *
 * <p>Builder options: a password file ({@link Builder#user(String, String)}, which
 * also turns anonymous access off) and TLS ({@link Builder#tls(TestCertificates)}).
 * The executable defaults to {@code /usr/sbin/mosquitto}; the system property
 * {@code mosquitto.executable} overrides it.
 */
public final class MosquittoBroker implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Path workDir;
    private final Path configFile;
    private final int port;
    private final StringBuffer log = new StringBuffer();
    private Process process;

    private MosquittoBroker(Builder b) throws IOException {
        this.workDir = Files.createTempDirectory("mosquitto-test");
        this.port = b.port != 0 ? b.port : freePort();
        this.configFile = workDir.resolve("mosquitto.conf");
        StringBuilder conf = new StringBuilder();
        // Mosquitto started as root drops to user "mosquitto", which cannot read our temp files.
        conf.append("user ").append(System.getProperty("user.name")).append('\n');
        conf.append("persistence false\n");
        conf.append("log_dest stderr\n");
        conf.append("log_type error\nlog_type warning\nlog_type notice\nlog_type information\n");
        conf.append("listener ").append(port).append(' ').append(HOST).append('\n');
        if (b.user != null) {
            Path passwords = workDir.resolve("passwords");
            run("mosquitto_passwd", "-c", "-b", passwords.toString(), b.user, b.password);
            conf.append("allow_anonymous false\n");
            conf.append("password_file ").append(passwords).append('\n');
        } else {
            conf.append("allow_anonymous true\n");
        }
        if (b.tls != null) {
            conf.append("cafile ").append(b.tls.caCertificate()).append('\n');
            conf.append("certfile ").append(b.tls.serverCertificate()).append('\n');
            conf.append("keyfile ").append(b.tls.serverKey()).append('\n');
            conf.append("require_certificate false\n");
        }
        Files.writeString(configFile, conf.toString());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a plain anonymous broker on a free port. */
    public static MosquittoBroker startAnonymous() throws IOException {
        MosquittoBroker broker = builder().build();
        broker.start();
        return broker;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:port} (use {@code ssl://} yourself for a TLS broker). */
    public String uri() {
        return "tcp://" + HOST + ":" + port;
    }

    /** What the broker wrote to stderr so far (for assertion messages). */
    public String log() {
        return log.toString();
    }

    /** The process id, or -1 when not running. */
    public synchronized long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the broker and returns once its port accepts connections. */
    public synchronized void start() throws IOException {
        if (isRunning()) {
            throw new IllegalStateException("already running");
        }
        String executable = System.getProperty("mosquitto.executable", "/usr/sbin/mosquitto");
        process = new ProcessBuilder(executable, "-c", configFile.toString())
                .redirectErrorStream(true).start();
        drain(process.getInputStream());
        waitForPort();
    }

    /** Stops gracefully (SIGTERM): clients see the socket close. */
    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            awaitExit();
        }
    }

    /** SIGKILL: the broker vanishes without a word, as on a crash or power loss. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    /** SIGSTOP: the broker freezes; sockets stay open but nothing answers. */
    public synchronized void pause() {
        signal("-STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public synchronized void resume() {
        signal("-CONT");
    }

    /** Kills (if running) and starts again on the same port with the same settings. */
    public synchronized void restart() throws IOException {
        kill();
        start();
    }

    @Override
    public synchronized void close() {
        kill();
        deleteRecursively(workDir);
    }

    private void signal(String sig) {
        if (!isRunning()) {
            throw new IllegalStateException("not running");
        }
        run("kill", sig, Long.toString(process.pid()));
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void waitForPort() throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited with " + process.exitValue() + ": " + log);
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 200);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() - deadline > 0) {
                    throw new IOException("mosquitto did not open port " + port + " in time: " + log);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }
    }

    private void drain(InputStream in) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    log.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException ignored) {
                // process gone
            }
        }, "mosquitto-test-log-" + port);
        t.setDaemon(true);
        t.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(HOST, 0));
            return s.getLocalPort();
        }
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(command[0] + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command[0], e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>();
            paths.sorted(Comparator.reverseOrder()).forEach(all::add);
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // temp files; best effort
        }
    }

    /** Options for a broker; {@link #build()} writes its config but does not start it. */
    public static final class Builder {
        private int port;
        private String user;
        private String password;
        private TestCertificates tls;

        private Builder() {
        }

        /** A fixed port instead of a free one (e.g. to take over another broker's address). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Requires this user and password; anonymous clients are refused. */
        public Builder user(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /** Serves TLS only, with the server certificate from {@code certificates}. */
        public Builder tls(TestCertificates certificates) {
            this.tls = certificates;
            return this;
        }

        public MosquittoBroker build() throws IOException {
            return new MosquittoBroker(this);
        }
    }
}
