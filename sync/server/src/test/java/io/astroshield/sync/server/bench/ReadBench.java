package io.astroshield.sync.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.sync.protocol.Json;
import io.astroshield.sync.server.ReferenceServer;
import io.astroshield.sync.server.Role;
import org.HdrHistogram.Histogram;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Read benchmark of the reference server (docs/benchmarks.md, "Reference server"): {@code bench.clients} (200)
 * signed-in viewers on loopback, each with its own account, token and connection, read back-to-back for
 * {@code bench.seconds} (60) after {@code bench.warmup} (10) seconds, alternating one page of conjunctions and
 * one page of spacecraft, each on one keep-alive connection of its own, driven by {@code bench.loops} (2) event-loop
 * threads ({@link ReadLoad}). Latency is from sending the request to having read the whole body; an answer counts
 * as an error unless it is 200 with the body of the same read at the start.
 *
 * <p>The rate limit is set to {@code bench.rate-limit} (1,000,000 a minute per user): at the default 600 a minute
 * every client would be throttled to 10 requests a second and the benchmark would measure the limiter.
 */
public final class ReadBench {
    private static final String PASSWORD = "bench-password-0123";
    private static final String CONJUNCTIONS = "/api/v1/conjunctions?limit=20";
    private static final String SPACECRAFT = "/api/v1/spacecraft?limit=20";

    public static void main(String[] args) throws Exception {
        int clients = Integer.getInteger("bench.clients", 200);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int warmup = Integer.getInteger("bench.warmup", 10);
        int rateLimit = Integer.getInteger("bench.rate-limit", 1_000_000);
        int loops = Integer.getInteger("bench.loops", 2);
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
            List<ReadLoad.Read> reads = reads(setup, json, base, tokens.get(0));
            ReadLoad.run(server.port(), tokens, reads, warmup, loops);
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            long started = System.nanoTime();
            ReadLoad.Result measured = ReadLoad.run(server.port(), tokens, reads, seconds, loops);
            double wall = (System.nanoTime() - started) / 1e9;
            double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            Histogram h = measured.latencies();
            System.out.printf(Locale.ROOT, "clients %d on %d event loops, %d s measured after %d s warm-up%n", clients,
                    loops, seconds, warmup);
            System.out.printf(Locale.ROOT, "requests %d (%.0f/s), errors %d%n", h.getTotalCount(),
                    h.getTotalCount() / wall, measured.errors());
            System.out.printf(Locale.ROOT, "latency ms: p50 %.2f, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f%n",
                    ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
                    ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
            // PostgreSQL runs in its own processes and is not counted here
            System.out.printf(Locale.ROOT, "this JVM (server and clients): %.2f cores, %.3f ms CPU per request%n",
                    cpu / wall, 1000 * cpu / h.getTotalCount());
        }
        // the server's request log (logback-bench.xml): its size says it was written; hundreds of MB, so not kept
        String log = System.getProperty("bench.log");
        if (log != null && Files.exists(Path.of(log))) {
            System.out.printf(Locale.ROOT, "server log written: %.0f MB (deleted)%n",
                    Files.size(Path.of(log)) / 1e6);
            Files.delete(Path.of(log));
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        System.exit(0);
    }

    /**
     * The two reads the clients alternate, each with the body of that read at the start, checked to be a full page
     * of the seeded data: every answer in the run must equal it byte for byte.
     */
    private static List<ReadLoad.Read> reads(HttpClient http, ObjectMapper json, String base, String token)
            throws Exception {
        List<ReadLoad.Read> reads = new ArrayList<>();
        for (Map.Entry<String, Integer> read : List.of(Map.entry(CONJUNCTIONS, 2000), Map.entry(SPACECRAFT, 500))) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + read.getKey()))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            var tree = json.readTree(r.body());
            if (r.statusCode() != 200 || tree.get("data").size() != 20
                    || tree.get("meta").get("total").asInt() != read.getValue()) {
                throw new IllegalStateException(read.getKey() + " is not a full page of the seeded data");
            }
            reads.add(new ReadLoad.Read(read.getKey(), r.body()));
        }
        return reads;
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
