package io.astroshield.sync.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.sync.protocol.Json;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One real reference server for a test class: embedded PostgreSQL in a fresh directory, loopback, a free port,
 * a known admin password, plus a viewer and an operator; and a small HTTP client for it.
 */
final class ServerFixture implements AutoCloseable {
    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    static final String VIEWER = "vera.viewer";
    static final String OPERATOR = "otto.operator";
    static final String USER_PASSWORD = "correct horse battery staple";

    /** An HTTP answer: status, the request id and Retry-After headers, the raw body and (when JSON) its tree. */
    record Reply(int status, String requestId, String body, JsonNode json, String retryAfter) {
    }

    final ObjectMapper json = Json.newMapper();
    final ReferenceServer server;
    final Path dataDir;
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ServerFixture() {
        this(100_000);
    }

    /** A server that admits {@code rateLimitPerMinute} requests a minute per user (per address before sign-in). */
    ServerFixture(int rateLimitPerMinute) {
        this(settings -> settings.withRateLimitPerMinute(rateLimitPerMinute));
    }

    /** A server with the test defaults changed by {@code customize} (simulated telemetry, a clock, TLS, ...). */
    ServerFixture(UnaryOperator<ReferenceServer.Settings> customize) {
        try {
            dataDir = Files.createTempDirectory("astroshield-server-it");
            Path adminFile = dataDir.resolve("admin-password.txt");
            Files.writeString(adminFile, ADMIN_PASSWORD + "\n");
            ReferenceServer.Settings settings = ReferenceServer.Settings.defaults(dataDir.resolve("data"))
                    .withHost("127.0.0.1").withPort(0).withAdminPasswordFile(adminFile).withBcryptCost(10)
                    .withRateLimitPerMinute(100_000)
                    .withConsole(new PrintStream(console, true, StandardCharsets.UTF_8));
            server = ReferenceServer.start(customize.apply(settings));
            server.users().create(VIEWER, USER_PASSWORD.toCharArray(), Role.VIEWER);
            server.users().create(OPERATOR, USER_PASSWORD.toCharArray(), Role.OPERATOR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String token(String username, String password) {
        Reply r = post("/auth/token", Map.of("username", username, "password", password), null);
        if (r.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + r.status() + " " + r.body());
        }
        return r.json().get("access_token").asText();
    }

    Reply get(String pathAndQuery, String token) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET(), token);
    }

    Reply get(String path, Map<String, String> query, String token) {
        String q = query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return get(q.isEmpty() ? path : path + "?" + q, token);
    }

    Reply post(String path, Object body, String token) {
        return sendJson("POST", path, body, token);
    }

    Reply put(String path, Object body, String token) {
        return sendJson("PUT", path, body, token);
    }

    /** Sends {@code body} (a JSON string as it is, anything else mapped to JSON). */
    private Reply sendJson(String method, String path, Object body, String token) {
        try {
            String text = body instanceof String s ? s : json.writeValueAsString(body);
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(text)), token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String contentType = r.headers().firstValue("Content-Type").orElse("");
            JsonNode tree = contentType.startsWith("application/json") && !r.body().isEmpty()
                    ? json.readTree(r.body()) : null;
            return new Reply(r.statusCode(), r.headers().firstValue(ApiRoutes.REQUEST_ID).orElse(null), r.body(),
                    tree, r.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server's own PostgreSQL, reached directly (its port is in postmaster.pid), for what HTTP cannot show. */
    DataSource database() {
        try {
            List<String> pid = Files.readAllLines(dataDir.resolve("data/postgres/postmaster.pid"));
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setUrl("jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/postgres");
            pg.setUser("postgres");
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    @Override
    public void close() {
        server.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dataDir, e);
        }
    }
}
