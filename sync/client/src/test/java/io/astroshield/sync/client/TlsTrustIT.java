package io.astroshield.sync.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.sync.MirrorRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * HTTPS with certificates the client is told to trust: a TLS front (the JDK's HTTPS server, with a self-signed
 * certificate made by keytool) forwards to the real reference server, as a TLS-terminating proxy would.
 */
class TlsTrustIT {
    private static final char[] STORE_PASSWORD = "changeit-tls-test".toCharArray();
    private static SyncFixture fx;
    private static HttpsServer front;
    private static Path keyStore;
    private static Path pem;

    @BeforeAll
    static void start() throws Exception {
        fx = new SyncFixture();
        keyStore = fx.dir.resolve("server-tls.p12");
        pem = fx.dir.resolve("server-cert.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", new String(STORE_PASSWORD));
        run(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(), "-storepass",
                new String(STORE_PASSWORD), "-file", pem.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            ks.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, STORE_PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        front = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        front.setHttpsConfigurator(new HttpsConfigurator(tls));
        front.createContext("/", TlsTrustIT::forward);
        front.start();
    }

    @AfterAll
    static void stop() throws Exception {
        front.stop(0);
        fx.close();
    }

    @Test
    void aClientTrustingTheServersPemCertificateSyncsOverHttps() {
        // given
        Store store = fx.store("tls-pem");
        SyncClient client = fx.client(store, url(), SyncFixture.OPERATOR,
                SyncFixture.fastOptions(41).withTrust(TrustedCertificates.load(pem, null)));
        long id = fx.createSpacecraft("TLS-1", 30_001);
        // when
        client.syncOnce();
        // then
        Optional<MirrorRow> downloaded = store.read(tx -> tx.syncMirror().find("spacecraft", id));
        assertThat(downloaded).isPresent();
    }

    @Test
    void aClientTrustingTheKeyStoreSyncsOverHttps() {
        // given
        Store store = fx.store("tls-p12");
        SyncClient client = fx.client(store, url(), SyncFixture.OPERATOR,
                SyncFixture.fastOptions(42).withTrust(TrustedCertificates.load(keyStore, STORE_PASSWORD)));
        long id = fx.createSpacecraft("TLS-2", 30_002);
        // when
        client.syncOnce();
        // then
        Optional<MirrorRow> downloaded = store.read(tx -> tx.syncMirror().find("spacecraft", id));
        assertThat(downloaded).isPresent();
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateRefusesTheServerAndSendsNothing() {
        // given: the JDK's default authorities only
        Store store = fx.store("tls-untrusted");
        SyncClient client = fx.client(store, url(), SyncFixture.OPERATOR, SyncFixture.fastOptions(43));
        store.write(tx -> client.localOps().addNote(tx, 1, "tls: never leaves"));
        // when / then
        assertThatThrownBy(client::syncOnce).isInstanceOfSatisfying(SyncException.class, e -> {
            assertThat(e.kind()).isEqualTo(SyncException.Kind.TRANSIENT);
            assertThat(e.requestSent()).isFalse();
        });
        assertThat(SyncClientIT.outbox(store)).singleElement()
                .satisfies(op -> assertThat(op.attempts()).isZero());
    }

    private static String url() {
        return "https://127.0.0.1:" + front.getAddress().getPort();
    }

    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static void forward(HttpExchange ex) throws java.io.IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fx.port()
                    + ex.getRequestURI()));
            for (Map.Entry<String, List<String>> h : ex.getRequestHeaders().entrySet()) {
                if (!NOT_FORWARDED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    h.getValue().forEach(v -> r.header(h.getKey(), v));
                }
            }
            r.method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<byte[]> answer = HTTP.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
            answer.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":") && !NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    ex.getResponseHeaders().put(name, values);
                }
            });
            ex.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
