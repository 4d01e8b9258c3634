package org.homepulse.transport.mqtt.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.homepulse.mqtt.testing.MosquittoBroker;
import org.homepulse.mqtt.testing.TestCertificates;
import org.homepulse.status.Reason;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Credentials and TLS against a real Mosquitto with a password file and a throw-away CA. */
public class MqttTransportSecurityTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private MosquittoBroker broker;
    private final TransportFixture fixture = new TransportFixture();

    @After
    public void stopAll() {
        fixture.close();
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    public void rightPasswordConnectsWrongOneIsAuthFailed() throws Exception {
        broker = MosquittoBroker.builder().user("hub", "s3cret-right").build();
        broker.start();
        Map<String, Object> config = TransportFixture.configFor(broker);
        config.put("username", "hub");
        config.put("password", "s3cret-wrong");
        fixture.activate(config);
        fixture.awaitDown(Reason.AUTH_FAILED);

        config.put("password", "s3cret-right");
        fixture.transport.modified(config);
        fixture.awaitUp();
    }

    @Test
    public void missingCredentialsAreAuthFailed() throws Exception {
        broker = MosquittoBroker.builder().user("hub", "pw").build();
        broker.start();
        fixture.activate(TransportFixture.configFor(broker));
        fixture.awaitDown(Reason.AUTH_FAILED);
    }

    @Test
    public void tlsWithTheTestCaConnects() throws Exception {
        TestCertificates certs = TestCertificates.generate(tmp.newFolder("ca").toPath(), "HomePulse Test CA");
        broker = MosquittoBroker.builder().tls(certs).build();
        broker.start();
        Map<String, Object> config = TransportFixture.configFor(broker);
        config.put("use_tls", "true");
        config.put("tls_ca_file", certs.caCertificate().toString());
        fixture.activate(config);
        fixture.awaitUp();
    }

    @Test
    public void tlsWithAnUnknownCaIsTlsError() throws Exception {
        TestCertificates served = TestCertificates.generate(tmp.newFolder("served").toPath(), "Broker CA");
        TestCertificates other = TestCertificates.generate(tmp.newFolder("other").toPath(), "Some Other CA");
        broker = MosquittoBroker.builder().tls(served).build();
        broker.start();
        Map<String, Object> config = TransportFixture.configFor(broker);
        config.put("use_tls", "true");
        config.put("tls_ca_file", other.caCertificate().toString());
        fixture.activate(config);
        fixture.awaitDown(Reason.TLS_ERROR);

        config.put("tls_insecure", "true"); // the documented escape hatch
        fixture.transport.modified(config);
        fixture.awaitUp();
    }

    @Test
    public void jdkTrustStoreDoesNotTrustTheTestCa() throws Exception {
        TestCertificates certs = TestCertificates.generate(tmp.newFolder("ca").toPath(), "Untrusted CA");
        broker = MosquittoBroker.builder().tls(certs).build();
        broker.start();
        Map<String, Object> config = TransportFixture.configFor(broker);
        config.put("use_tls", "true");
        fixture.activate(config);
        fixture.awaitDown(Reason.TLS_ERROR);
    }

    @Test
    public void plainClientAgainstTlsListenerIsNotReportedUp() throws Exception {
        TestCertificates certs = TestCertificates.generate(tmp.newFolder("ca").toPath(), "CA");
        broker = MosquittoBroker.builder().tls(certs).build();
        broker.start();
        fixture.activate(TransportFixture.configFor(broker));
        fixture.awaitDown(Reason.UNREACHABLE);
    }

    @Test
    public void unreadableCaFileIsTlsError() throws Exception {
        broker = MosquittoBroker.startAnonymous();
        Path missing = tmp.getRoot().toPath().resolve("missing.pem");
        Files.deleteIfExists(missing);
        Map<String, Object> config = TransportFixture.configFor(broker);
        config.put("use_tls", "true");
        config.put("tls_ca_file", missing.toString());
        fixture.activate(config);
        fixture.awaitDown(Reason.TLS_ERROR);
    }
}
