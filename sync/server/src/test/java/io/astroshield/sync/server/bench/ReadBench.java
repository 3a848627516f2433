package io.astroshield.sync.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.sync.protocol.Json;
import io.astroshield.sync.server.ReferenceServer;
import io.astroshield.sync.server.Role;
import org.HdrHistogram.Histogram;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Read benchmark of the reference server (docs/benchmarks.md, "Reference server"): {@code bench.clients} (200)
 * signed-in viewers on loopback, each with its own account, token and connection, read back-to-back for
 * {@code bench.seconds} (60) after {@code bench.warmup} (10) seconds, alternating one page of conjunctions and
 * one page of spacecraft. Latency is from sending the request to having read the whole body.
 *
 * <p>The rate limit is set to {@code bench.rate-limit} (1,000,000 a minute per user): at the default 600 a minute
 * every client would be throttled to 10 requests a second and the benchmark would measure the limiter.
 */
public final class ReadBench {
    private static final String PASSWORD = "bench-password-0123";

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 200);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int warmup = Integer.getInteger("bench.warmup", 10);
        int rateLimit = Integer.getInteger("bench.rate-limit", 1_000_000);
        Path dir = Files.createTempDirectory("astroshield-read-bench");
        Path adminFile = dir.resolve("admin-password.txt");
        Files.writeString(adminFile, "bench-admin-password\n");
        ReferenceServer.Settings settings = ReferenceServer.Settings.defaults(dir.resolve("data"))
                .withHost("127.0.0.1").withPort(0).withAdminPasswordFile(adminFile).withBcryptCost(10)
                .withRateLimitPerMinute(rateLimit)
                .withConsole(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try (ReferenceServer server = ReferenceServer.start(settings)) {
            String base = "http://127.0.0.1:" + server.port();
            ObjectMapper json = Json.newMapper();
            HttpClient setup = HttpClient.newHttpClient();
            String admin = token(setup, json, base, "admin", "bench-admin-password");
            long[] ids = seed(setup, json, base, admin);
            System.out.printf(Locale.ROOT, "seeded %d spacecraft and %d conjunctions%n", ids[0], ids[1]);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                server.users().create("console" + i, PASSWORD.toCharArray(), Role.VIEWER);
                tokens.add(token(setup, json, base, "console" + i, PASSWORD));
            }
            run(base, tokens, warmup);
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            long started = System.nanoTime();
            Result measured = run(base, tokens, seconds);
            double wall = (System.nanoTime() - started) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            Histogram h = measured.latencies();
            System.out.printf(Locale.ROOT, "clients %d, %d s measured after %d s warm-up%n", clients, seconds, warmup);
            System.out.printf(Locale.ROOT, "requests %d (%.0f/s), errors %d%n", h.getTotalCount(),
                    h.getTotalCount() / wall, measured.errors());
            System.out.printf(Locale.ROOT, "latency ms: p50 %.2f, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f%n",
                    ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
                    ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
            // PostgreSQL runs in its own processes and is not counted here
            System.out.printf(Locale.ROOT, "this JVM (server and clients): %.2f cores, %.3f ms CPU per request%n",
                    cpu / wall, 1000 * cpu / h.getTotalCount());
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        System.exit(0);
    }

    /** Latencies in nanoseconds of all clients' requests, and how many failed (not 200, or no answer). */
    private record Result(Histogram latencies, long errors) {
    }

    /** Every client reads back-to-back for {@code seconds}. */
    private static Result run(String base, List<String> tokens, int seconds) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(tokens.size());
        List<Histogram> perClient = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        for (String token : tokens) {
            Histogram h = new Histogram(Duration.ofSeconds(60).toNanos(), 3);
            perClient.add(h);
            Thread t = new Thread(() -> {
                // one client, one connection: like a console
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                HttpRequest conjunctions = HttpRequest.newBuilder(URI.create(base + "/api/v1/conjunctions?limit=20"))
                        .header("Authorization", "Bearer " + token).build();
                HttpRequest spacecraft = HttpRequest.newBuilder(URI.create(base + "/api/v1/spacecraft?limit=20"))
                        .header("Authorization", "Bearer " + token).build();
                try {
                    for (long i = 0; System.nanoTime() < end; i++) {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> r = http.send(i % 2 == 0 ? conjunctions : spacecraft,
                                HttpResponse.BodyHandlers.ofByteArray());
                        h.recordValue(Math.min(System.nanoTime() - t0, h.getHighestTrackableValue()));
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "bench-client");
            t.setDaemon(true);
            t.start();
        }
        done.await();
        Histogram total = new Histogram(Duration.ofSeconds(60).toNanos(), 3);
        perClient.forEach(total::add);
        return new Result(total, errors.get());
    }

    /** 500 spacecraft and 2,000 conjunctions among them, through the API. */
    private static long[] seed(HttpClient http, ObjectMapper json, String base, String token) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add(post(http, json, base + "/api/v1/spacecraft", Map.of("name", "SAT-" + i, "norad_id", 40000 + i,
                    "status", i % 10 == 0 ? "inactive" : "active", "orbit_type", "LEO"), token).get("id").asLong());
        }
        for (int i = 0; i < 2000; i++) {
            post(http, json, base + "/api/v1/conjunctions", Map.of(
                    "primary_object", Map.of("id", ids.get(i % ids.size())),
                    "secondary_object", Map.of("norad_id", 50000 + i, "name", "DEBRIS " + i),
                    "tca", java.time.Instant.parse("2026-12-01T00:00:00Z").plusSeconds(97L * i).toString(),
                    "miss_distance", 0.1 + (i % 50) / 10.0, "collision_probability", 1e-6 * (1 + i % 100),
                    "relative_velocity", 10.5), token);
        }
        return new long[] {ids.size(), 2000};
    }

    private static com.fasterxml.jackson.databind.JsonNode post(HttpClient http, ObjectMapper json, String url,
                                                                Object body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
        }
        return json.readTree(r.body());
    }

    private static String token(HttpClient http, ObjectMapper json, String base, String user, String password)
            throws Exception {
        return post(http, json, base + "/auth/token", Map.of("username", user, "password", password), null)
                .get("access_token").asText();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
