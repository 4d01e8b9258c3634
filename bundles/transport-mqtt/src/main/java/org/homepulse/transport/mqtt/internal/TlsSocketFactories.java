package org.homepulse.transport.mqtt.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The socket factory for {@code use_tls}: the JDK's trust store by default, only
 * the CA(s) of {@code tls_ca_file} when set, or trust-anything for
 * {@code tls_insecure} (a test or LAN convenience; logged as a warning).
 */
final class TlsSocketFactories {

    private TlsSocketFactories() {
    }

    /** Reads files: call on the connection thread, never on a configuration thread. */
    static SSLSocketFactory create(MqttSettings settings) throws IOException, GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        TrustManager[] trust;
        if (settings.tlsInsecure) {
            trust = new TrustManager[] {new TrustEverything()};
        } else if (settings.tlsCaFile != null) {
            trust = trustOnly(Path.of(settings.tlsCaFile));
        } else {
            trust = null; // the JDK default trust store
        }
        context.init(null, trust, null);
        return context.getSocketFactory();
    }

    private static TrustManager[] trustOnly(Path caFile) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> cas;
        try (InputStream in = Files.newInputStream(caFile)) {
            cas = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (cas.isEmpty()) {
            throw new GeneralSecurityException("no certificate in tls_ca_file");
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate ca : cas) {
            store.setCertificateEntry("ca-" + i++, ca);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return tmf.getTrustManagers();
    }

    /** Accepts any server certificate: only for {@code tls_insecure=true}. */
    private static final class TrustEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
