package io.astroshield.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.StoreOptions;
import io.astroshield.sync.protocol.Json;
import io.astroshield.sync.protocol.Snapshot;
import io.astroshield.sync.server.ReferenceServer;
import io.astroshield.sync.server.Role;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A real reference server (embedded PostgreSQL under a fresh directory, loopback, a clock tests can move) that can
 * be stopped and started again on its data; a fault proxy in front of it per client; clients with their own H2
 * stores; and a plain HTTP writer that changes server data the way other consoles and services do.
 */
final class SyncFixture implements AutoCloseable {
    static final String OPERATOR = "otto.operator";
    static final String VIEWER = "vera.viewer";
    static final String PASSWORD = "correct horse battery staple";
    static final String ADMIN_PASSWORD = "admin-password-for-tests";

    final ObjectMapper json = Json.newMapper();
    final MutableClock serverClock = new MutableClock();
    final Path dir;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AutoCloseable> owned = new ArrayList<>();
    private volatile ReferenceServer server;
    private volatile ReferenceServer.Simulation simulation;
    private String adminToken;

    SyncFixture() {
        this(null);
    }

    /** A server that simulates telemetry with {@code simulation} (null: none) until {@link #stopSimulating()}. */
    SyncFixture(ReferenceServer.Simulation simulation) {
        this.simulation = simulation;
        try {
            dir = Files.createTempDirectory("astroshield-sync-client-it");
            Files.writeString(dir.resolve("admin-password.txt"), ADMIN_PASSWORD + "\n");
            Files.writeString(dir.resolve("operator-password.txt"), PASSWORD + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
        server.users().create(OPERATOR, PASSWORD.toCharArray(), Role.OPERATOR);
        server.users().create(VIEWER, PASSWORD.toCharArray(), Role.VIEWER);
    }

    /** Starts the server on its data (again, after {@link #stopServer()}), on a new port. */
    void start() {
        server = ReferenceServer.start(ReferenceServer.Settings.defaults(dir.resolve("server"))
                .withHost("127.0.0.1").withPort(0).withAdminPasswordFile(dir.resolve("admin-password.txt"))
                .withBcryptCost(10).withRateLimitPerMinute(1_000_000)
                .withConsole(new PrintStream(console, true, StandardCharsets.UTF_8)).withClock(serverClock)
                .withSimulation(simulation));
        adminToken = null;
    }

    /** Restarts the server on its data without simulated telemetry, so that its state holds still. */
    void stopSimulating() {
        stopServer();
        simulation = null;
        start();
    }

    /** Moves the server's clock: tokens it issued before may now be expired. */
    synchronized void advanceServerClock(Duration d) {
        serverClock.advance(d);
        adminToken = null;
    }

    void stopServer() {
        server.close();
    }

    ReferenceServer server() {
        return server;
    }

    int port() {
        return server.port();
    }

    /** A proxy in front of the server, following it across restarts. */
    FaultProxy proxy() {
        try {
            FaultProxy p = new FaultProxy(this::port);
            owned.add(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A store of its own under the fixture's directory. */
    Store store(String name) {
        Store s = Store.open(dir.resolve("clients").resolve(name), StoreOptions.defaults());
        owned.add(s);
        return s;
    }

    /** A client of {@code store} signing in as {@code user} through {@code url}; closed with the fixture. */
    SyncClient client(Store store, String url, String user, SyncClient.Options options) {
        SyncClient c = new SyncClient(store, url, new Credentials(user, PASSWORD::toCharArray), options);
        owned.add(c);
        return c;
    }

    /** Test options: short timeouts and backoff, seeded jitter. */
    static SyncClient.Options fastOptions(long seed) {
        return SyncClient.Options.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(400))
                .withCallTimeout(Duration.ofSeconds(3)).withRandom(new Random(seed))
                .withPollInterval(Duration.ofMillis(500));
    }

    // ---- the server side, as another writer --------------------------------------------------

    /** Creates a spacecraft through the REST API as admin; returns its id. */
    long createSpacecraft(String name, int norad) {
        JsonNode r = post("/api/v1/spacecraft", Map.of("name", name, "norad_id", norad, "status", "active",
                "orbit_type", "LEO"));
        return r.get("id").asLong();
    }

    /** Creates a conjunction of {@code primaryId} through the REST API as admin; returns its id. */
    long createConjunction(long primaryId, double missKm) {
        JsonNode r = post("/api/v1/conjunctions", Map.of("primary_object", Map.of("id", primaryId),
                "secondary_object", Map.of("name", "DEBRIS", "norad_id", 99_999), "tca", "2026-12-01T00:00:00Z",
                "miss_distance", missKm, "collision_probability", 1e-5));
        return r.get("id").asLong();
    }

    /** The server's whole synced state now, as a client would receive it in a snapshot. */
    Snapshot snapshot() {
        return get("/sync/v1/snapshot", Snapshot.class);
    }

    /** The server's newest audit records, newest first, as an admin reads them. */
    List<io.astroshield.sync.protocol.AuditEvent> audit() {
        return get("/admin/v1/audit?limit=1000", io.astroshield.sync.protocol.AuditEventList.class).data();
    }

    long head() {
        return snapshot().cursor();
    }

    /** Renames spacecraft {@code id} through the REST API as admin. */
    void renameSpacecraft(long id, String name) {
        send("PUT", "/api/v1/spacecraft/" + id, Map.of("name", name));
    }

    JsonNode post(String path, Object body) {
        return send("POST", path, body);
    }

    private JsonNode send(String method, String path, Object body) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                    .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
            }
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private <T> T get(String path, Class<T> type) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                    .header("Authorization", "Bearer " + adminToken()).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
            }
            return json.readValue(r.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized String adminToken() {
        if (adminToken == null) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port() + "/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                                Map.of("username", "admin", "password", ADMIN_PASSWORD)))).build(),
                        HttpResponse.BodyHandlers.ofString());
                adminToken = json.readTree(r.body()).get("access_token").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return adminToken;
    }

    @Override
    public void close() throws Exception {
        for (int i = owned.size() - 1; i >= 0; i--) {
            owned.get(i).close();
        }
        server.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
