package io.astroshield.sync.client;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Locale;

/**
 * The certificates the client trusts for HTTPS, instead of the JDK's default authorities: a PEM file with one or
 * more certificates (e.g. the server's own self-signed one), or a PKCS#12/JKS key store file.
 */
public final class TrustedCertificates {
    private final SSLSocketFactory socketFactory;
    private final X509TrustManager trustManager;

    private TrustedCertificates(SSLSocketFactory socketFactory, X509TrustManager trustManager) {
        this.socketFactory = socketFactory;
        this.trustManager = trustManager;
    }

    /**
     * Loads {@code file}: a key store when it ends in {@code .p12}, {@code .pfx} or {@code .jks} (opened with
     * {@code storePassword}, which may be null for a store without integrity password), else PEM certificates.
     */
    public static TrustedCertificates load(Path file, char[] storePassword) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            KeyStore trusted;
            if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks")) {
                trusted = KeyStore.getInstance(name.endsWith(".jks") ? "JKS" : "PKCS12");
                try (InputStream in = Files.newInputStream(file)) {
                    trusted.load(in, storePassword);
                }
            } else {
                trusted = KeyStore.getInstance(KeyStore.getDefaultType());
                trusted.load(null, null);
                Collection<? extends Certificate> certificates;
                try (InputStream in = Files.newInputStream(file)) {
                    certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
                }
                int i = 0;
                for (Certificate c : certificates) {
                    trusted.setCertificateEntry("trusted-" + i++, c);
                }
            }
            if (trusted.size() == 0) {
                throw new IllegalArgumentException(file + " holds no certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            X509TrustManager tm = null;
            for (TrustManager m : tmf.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    tm = x;
                }
            }
            if (tm == null) {
                throw new IllegalStateException("the JDK offers no X.509 trust manager");
            }
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {tm}, null);
            return new TrustedCertificates(tls.getSocketFactory(), tm);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read trusted certificates from " + file + ": " + e.getMessage(), e);
        }
    }

    SSLSocketFactory socketFactory() {
        return socketFactory;
    }

    X509TrustManager trustManager() {
        return trustManager;
    }
}
