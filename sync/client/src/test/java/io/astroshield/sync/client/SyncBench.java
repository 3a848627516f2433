package io.astroshield.sync.client;

import io.astroshield.persistence.Store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The sync client's two speed figures from the issue (docs/benchmarks.md, "Sync client"), on the real server and
 * embedded PostgreSQL on loopback: a fresh client pulls 100,000 changes (target 10 s) and a client uploads 10,000
 * queued ops (target 5 s). Run with {@code ./mvnw -q -o -pl sync/client -am -Psync-bench verify -DskipTests}.
 */
public final class SyncBench {
    private static final int CHANGES = 100_000;
    private static final int OPS = 10_000;

    private SyncBench() {
    }

    public static void main(String[] args) throws Exception {
        try (SyncFixture fx = new SyncFixture()) {
            long conjunction = fx.createConjunction(fx.createSpacecraft("BENCH-PRIMARY", 90_000), 1.0);
            seedChanges(fx, CHANGES);
            String url = "http://127.0.0.1:" + fx.port();

            // the server's side of that: the same pages read over HTTP and parsed, nothing stored
            long t0 = System.nanoTime();
            long rawChanges = readAllPages(fx, url);
            report("pages read, not stored", rawChanges, Duration.ofNanos(System.nanoTime() - t0));

            // a fresh client pulls the whole log, page by page (1000 a page, the server's maximum)
            Store fresh = fx.store("bench-pull");
            SyncClient puller = fx.client(fresh, url, SyncFixture.OPERATOR, SyncFixture.fastOptions(1)
                    .withCallTimeout(Duration.ofSeconds(60)).withLiveStream(false));
            SyncClient.Result pulled = puller.syncOnce();
            report("pull", pulled.downloaded(), pulled.downloadTook());

            // a client with 10,000 queued notes uploads them (1000 per request, the server's maximum)
            Store queued = fx.store("bench-upload");
            SyncClient uploader = fx.client(queued, url, SyncFixture.OPERATOR, SyncFixture.fastOptions(2)
                    .withCallTimeout(Duration.ofSeconds(120)).withLiveStream(false));
            uploader.syncOnce();
            queued.write(tx -> {
                for (int i = 0; i < OPS; i++) {
                    uploader.localOps().addNote(tx, conjunction, "bench note " + i);
                }
                return null;
            });
            SyncClient.Result uploaded = uploader.syncOnce();
            if (uploaded.applied() != OPS) {
                throw new IllegalStateException("expected " + OPS + " applied ops, got " + uploaded);
            }
            report("upload", uploaded.applied(), uploaded.uploadTook());
            report("pull-back of the uploads", uploaded.downloaded(), uploaded.downloadTook());
        }
    }

    private static long readAllPages(SyncFixture fx, String url) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String token = fx.json.readTree(http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/auth/token"))
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + SyncFixture.OPERATOR + "\",\"password\":\"" + SyncFixture.PASSWORD + "\"}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
        long cursor = 0;
        long n = 0;
        while (true) {
            String body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url
                            + "/sync/v1/changes?limit=1000&cursor=" + cursor)).header("Authorization", "Bearer " + token)
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            io.astroshield.sync.protocol.ChangesPage page = fx.json.readValue(body, io.astroshield.sync.protocol.ChangesPage.class);
            n += page.changes().size();
            cursor = page.nextCursor();
            if (!page.hasMore()) {
                return n;
            }
        }
    }

    private static void report(String what, long n, Duration took) {
        double s = took.toNanos() / 1e9;
        System.out.printf(Locale.ROOT, "%-26s %,8d in %6.2f s  (%,.0f per s)%n", what, n, s, n / s);
    }

    /**
     * Writes {@code n} spacecraft and their change-log entries straight into the server's PostgreSQL (found through
     * its postmaster.pid), as {@code n} REST calls would have but in seconds; payloads in the published shape.
     */
    private static void seedChanges(SyncFixture fx, int n) throws Exception {
        Path pid = fx.dir.resolve("server").resolve("postgres").resolve("postmaster.pid");
        List<String> lines = Files.readAllLines(pid);
        String port = lines.get(3).strip();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO spacecraft (name, norad_id, status, orbit_type, last_updated, semi_major_axis_km, "
                    + "eccentricity, inclination_deg, raan_deg, arg_of_perigee_deg, mean_anomaly_deg, mass_kg) "
                    + "SELECT 'BENCH-' || g, 100000 + g, 'active', 'LEO', now(), 6778.0 + g % 500, 0.0005, "
                    + "51.6, g % 360, (g * 7) % 360, (g * 13) % 360, 420000.0 FROM generate_series(1, " + n + ") g");
            s.execute("INSERT INTO change_log (entity, entity_id, op, payload, changed_at) "
                    + "SELECT 'spacecraft', id, 'UPSERT', jsonb_build_object('id', id, 'name', name, 'norad_id', norad_id, "
                    + "'status', status, 'orbit_type', orbit_type, "
                    + "'last_updated', to_char(last_updated AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), "
                    + "'orbital_parameters', jsonb_build_object('semi_major_axis', semi_major_axis_km, "
                    + "'eccentricity', eccentricity, 'inclination', inclination_deg, 'raan', raan_deg, "
                    + "'argument_of_perigee', arg_of_perigee_deg, 'mean_anomaly', mean_anomaly_deg), "
                    + "'physical_parameters', jsonb_build_object('mass', mass_kg)), last_updated "
                    + "FROM spacecraft WHERE name LIKE 'BENCH-%' AND norad_id > 100000 ORDER BY id");
        }
    }
}
