package io.astroshield.sync.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Given a key store, the server speaks HTTPS only: a client trusting the server's self-signed certificate (made
 * by the JDK's keytool in the test) gets answers; a client trusting only the default CAs and a plain-HTTP client
 * get none.
 */
class TlsIT {
    private static final String PASSWORD = "keystore-password-for-tests";

    private static Path dir;
    private static ServerFixture fx;

    @BeforeAll
    static void startServerWithASelfSignedCertificate() throws Exception {
        dir = Files.createTempDirectory("astroshield-tls-it");
        Path keystore = dir.resolve("server.p12");
        Path passwordFile = dir.resolve("keystore-password.txt");
        Files.writeString(passwordFile, PASSWORD + "\n");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        fx = new ServerFixture(s -> s.withTls(keystore, passwordFile));
    }

    @AfterAll
    static void stopServer() throws IOException {
        fx.close();
        for (Path p : List.of(dir.resolve("server.p12"), dir.resolve("keystore-password.txt"), dir)) {
            Files.deleteIfExists(p);
        }
    }

    @Test
    void aClientTrustingTheServersCertificateSignsInAndReadsOverHttps() throws Exception {
        // given
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(dir.resolve("server.p12")))
                .connectTimeout(Duration.ofSeconds(5)).build();
        // when
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(https("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> token = client.send(HttpRequest.newBuilder(https("/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + ServerFixture.VIEWER
                        + "\",\"password\":\"" + ServerFixture.USER_PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        // then
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"healthy\"");
        assertThat(health.sslSession()).isPresent();
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.body()).contains("access_token");
    }

    @Test
    void aClientTrustingOnlyTheDefaultAuthoritiesRefusesTheCertificate() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(https("/health")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void plainHttpGetsNoAnswerFromTheServer() {
        // Jetty answers a plain request on a TLS port with 400 or by closing; either way no 200 and no JSON
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int status;
        try {
            status = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fx.server.port()
                    + "/health")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (IOException | InterruptedException e) {
            status = -1;
        }
        assertThat(status).isNotEqualTo(200);
    }

    private static URI https(String path) {
        return URI.create("https://127.0.0.1:" + fx.server.port() + path);
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
