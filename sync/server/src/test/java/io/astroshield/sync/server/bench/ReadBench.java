package io.astroshield.sync.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.sync.protocol.Json;
import io.astroshield.sync.server.ReferenceServer;
import io.astroshield.sync.server.Role;
import org.HdrHistogram.Histogram;

import java.io.ByteArrayOutputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Read benchmark of the reference server (docs/benchmarks.md, "Reference server"): {@code bench.clients} (200)
 * signed-in viewers on loopback, each with its own account, token and connection, read back-to-back for
 * {@code bench.seconds} (60) after {@code bench.warmup} (10) seconds, alternating one page of conjunctions and
 * one page of spacecraft, each on one keep-alive socket of its own. Latency is from sending the request to having
 * read the whole body; an answer counts as an error unless it is 200 with the body of the same read at the start.
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
            Map<String, byte[]> expected = expectedBodies(json, server.port(), tokens.get(0));
            run(server.port(), tokens, expected, warmup);
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            long started = System.nanoTime();
            Result measured = run(server.port(), tokens, expected, seconds);
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
    private static Result run(int port, List<String> tokens, Map<String, byte[]> expected, int seconds)
            throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        CountDownLatch done = new CountDownLatch(tokens.size());
        List<Histogram> perClient = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        List<String> paths = List.copyOf(expected.keySet());
        for (String token : tokens) {
            Histogram h = new Histogram(Duration.ofSeconds(60).toNanos(), 3);
            perClient.add(h);
            Thread t = new Thread(() -> {
                // one client, one keep-alive connection: like a console
                HttpConnection http = null;
                try {
                    http = new HttpConnection(port);
                    byte[][] requests = new byte[paths.size()][];
                    for (int i = 0; i < requests.length; i++) {
                        requests[i] = HttpConnection.get(port, paths.get(i), token);
                    }
                    for (long i = 0; System.nanoTime() < end; i++) {
                        int which = (int) (i % requests.length);
                        long t0 = System.nanoTime();
                        boolean ok = http.exchange(requests[which], expected.get(paths.get(which)));
                        h.recordValue(Math.min(System.nanoTime() - t0, h.getHighestTrackableValue()));
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                        if (!http.open()) {
                            http.close();
                            http = new HttpConnection(port);
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                } finally {
                    if (http != null) {
                        http.close();
                    }
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

    /**
     * The bodies the benchmark expects, by path: read once over a fresh connection and checked to be full pages
     * (20 items of the seeded totals); every answer in the run must equal its body byte for byte.
     */
    private static Map<String, byte[]> expectedBodies(ObjectMapper json, int port, String token) throws IOException {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        Map<String, Integer> totals = Map.of(CONJUNCTIONS, 2000, SPACECRAFT, 500);
        try (HttpConnection http = new HttpConnection(port)) {
            for (String path : List.of(CONJUNCTIONS, SPACECRAFT)) {
                byte[] body = http.fetch(HttpConnection.get(port, path, token));
                var tree = json.readTree(body);
                if (tree.get("data").size() != 20 || tree.get("meta").get("total").asInt() != totals.get(path)) {
                    throw new IllegalStateException(path + " is not a full page of the seeded data");
                }
                bodies.put(path, body);
            }
        }
        return bodies;
    }

    /**
     * A blocking HTTP/1.1 client on one keep-alive socket: the JDK's {@code HttpClient} costs several threads and
     * hand-overs per request, which on two cores took CPU from the server under test. It reads every answer whole
     * (by {@code Content-Length} or chunks) before the next request.
     */
    private static final class HttpConnection implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] line = new byte[8192];
        private byte[] body = new byte[64 * 1024];
        /** Bytes of {@link #body} the last answer filled. */
        private int length;
        private boolean open = true;

        HttpConnection(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }

        static byte[] get(int port, String path, String token) {
            return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
                    + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        /** Sends the request and reads the whole answer; true when it is 200 with exactly the expected body. */
        boolean exchange(byte[] request, byte[] expected) throws IOException {
            int status = send(request);
            return status == 200 && length == expected.length
                    && Arrays.equals(body, 0, length, expected, 0, expected.length);
        }

        /** The body of a 200 answer. */
        byte[] fetch(byte[] request) throws IOException {
            int status = send(request);
            if (status != 200) {
                throw new IllegalStateException("status " + status + ": " + new String(body, 0, length,
                        StandardCharsets.UTF_8));
            }
            return Arrays.copyOf(body, length);
        }

        boolean open() {
            return open;
        }

        private int send(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            String statusLine = readLine();
            if (statusLine == null || !statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("no HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long contentLength = -1;
            boolean chunked = false;
            for (String header = readLine(); header != null && !header.isEmpty(); header = readLine()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    contentLength = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    open = !value.equalsIgnoreCase("close");
                }
            }
            length = 0;
            if (chunked) {
                for (int size = chunkSize(); size > 0; size = chunkSize()) {
                    readBody(size);
                    readLine();
                }
                readLine();
            } else if (contentLength >= 0) {
                readBody((int) contentLength);
            } else {
                throw new IOException("an answer with neither a length nor chunks");
            }
            return status;
        }

        private int chunkSize() throws IOException {
            String size = readLine();
            if (size == null) {
                throw new IOException("the connection closed inside a chunked body");
            }
            int semicolon = size.indexOf(';');
            return Integer.parseInt(semicolon < 0 ? size.trim() : size.substring(0, semicolon).trim(), 16);
        }

        private void readBody(int n) throws IOException {
            if (length + n > body.length) {
                body = Arrays.copyOf(body, Math.max(2 * body.length, length + n));
            }
            int read = in.readNBytes(body, length, n);
            if (read < n) {
                throw new IOException("the connection closed inside a body");
            }
            length += n;
        }

        /** One CRLF-terminated line in ASCII without its CRLF; null at the end of the stream. */
        private String readLine() throws IOException {
            int n = 0;
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    return n == 0 ? null : new String(line, 0, n, StandardCharsets.US_ASCII);
                }
                if (n == line.length) {
                    throw new IOException("a header line longer than " + line.length + " bytes");
                }
                line[n++] = (byte) b;
            }
            if (n > 0 && line[n - 1] == '\r') {
                n--;
            }
            return new String(line, 0, n, StandardCharsets.US_ASCII);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing after a failed exchange; nothing left to do with the socket
            }
        }
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
