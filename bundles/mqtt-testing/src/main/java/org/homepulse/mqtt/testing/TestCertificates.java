package org.homepulse.mqtt.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority and a server certificate for
 * {@code 127.0.0.1}/{@code localhost}, generated with the {@code openssl} command
 * line at test time (nothing secret is checked in, nothing expires in the repo).
 */
public final class TestCertificates {

    private final Path caCertificate;
    private final Path serverCertificate;
    private final Path serverKey;

    private TestCertificates(Path caCertificate, Path serverCertificate, Path serverKey) {
        this.caCertificate = caCertificate;
        this.serverCertificate = serverCertificate;
        this.serverKey = serverKey;
    }

    /** The CA certificate (PEM) a client must trust. */
    public Path caCertificate() {
        return caCertificate;
    }

    /** The server certificate (PEM), signed by {@link #caCertificate()}, valid for 127.0.0.1 and localhost. */
    public Path serverCertificate() {
        return serverCertificate;
    }

    /** The server's unencrypted private key (PEM). */
    public Path serverKey() {
        return serverKey;
    }

    /** Generates a fresh CA named {@code caName} and a server certificate it signed, in {@code dir}. */
    public static TestCertificates generate(Path dir, String caName) throws IOException {
        Files.createDirectories(dir);
        Path caKey = dir.resolve("ca.key");
        Path caCrt = dir.resolve("ca.crt");
        Path key = dir.resolve("server.key");
        Path csr = dir.resolve("server.csr");
        Path crt = dir.resolve("server.crt");
        Path ext = dir.resolve("server.ext");
        Files.writeString(ext, "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                + "basicConstraints=CA:FALSE\n"
                + "keyUsage=digitalSignature,keyEncipherment\n"
                + "extendedKeyUsage=serverAuth\n");
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "2",
                "-keyout", caKey.toString(), "-out", caCrt.toString(), "-subj", "/CN=" + caName,
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-sha256",
                "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/CN=localhost");
        openssl(dir, "x509", "-req", "-sha256", "-days", "2", "-in", csr.toString(),
                "-CA", caCrt.toString(), "-CAkey", caKey.toString(), "-CAcreateserial",
                "-out", crt.toString(), "-extfile", ext.toString());
        return new TestCertificates(caCrt, crt, key);
    }

    private static void openssl(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("openssl " + args[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted running openssl", e);
        }
    }
}
