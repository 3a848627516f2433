package io.astroshield.persistence.bench;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.ObjectType;
import io.astroshield.persistence.DataOrigin;
import io.astroshield.persistence.Durability;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.StoreOptions;
import io.astroshield.persistence.alarms.AlarmOccurrenceRow;
import io.astroshield.persistence.alarms.AlarmSeverity;
import io.astroshield.persistence.alarms.AlarmState;
import io.astroshield.persistence.alarms.AuditEntry;
import io.astroshield.persistence.catalog.ImportResult;
import io.astroshield.persistence.screening.ConjunctionObservation;
import io.astroshield.persistence.screening.EncounterKind;
import io.astroshield.persistence.screening.StoredEvent;
import io.astroshield.persistence.screening.StoredUpdate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Wall-clock figures for the local store (issue 3, speed), printed as a Markdown section for
 * docs/benchmarks.md. Not a JMH harness: each figure is one bulk operation timed once (import,
 * 1M inserts) or the median and p95 of many repetitions after a warm-up (queries, small commits).
 * <pre>
 *   ./mvnw -q -B -o -pl persistence -am -Pstore-bench process-test-classes
 * </pre>
 * A warm-up on a scratch store (the catalog, 200,000 events, 50 queries) comes first.
 * Element sets and events are generated (fixed seed): the TLE reader has not landed in this module's
 * dependencies yet, and the figure is about the store, not the parser.
 */
public final class StoreBench {

    private static final int CATALOG = 23_939;
    private static final int EVENTS = 1_000_000;
    private static final int BATCH = 10_000;
    private static final Instant WINDOW_START = Instant.parse("2026-11-22T00:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(7);

    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("astroshield-bench");
        StringBuilder out = new StringBuilder();
        try {
            Random random = new Random(20261122L);
            List<ElementSet> catalog = catalog(random);
            List<ConjunctionObservation> events = events(random);
            warmUp(root.resolve("warm-up"), catalog, events.subList(0, 200_000));
            for (Durability durability : Durability.values()) {
                Path dir = root.resolve(durability.name().toLowerCase(Locale.ROOT));
                run(dir, durability, catalog, events, out);
            }
            smallCommits(root, out);
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.print(out);
    }

    private static void run(Path dir, Durability durability, List<ElementSet> catalog,
                            List<ConjunctionObservation> events, StringBuilder out) throws IOException {
        StoreOptions options = StoreOptions.defaults().withDurability(durability);
        try (Store store = Store.open(dir, options)) {
            Instant now = Instant.parse("2026-11-22T12:00:00Z");
            long t0 = System.nanoTime();
            ImportResult imported = store.write(tx -> tx.elementSets().importAll(catalog, now));
            double importS = seconds(t0);
            long t1 = System.nanoTime();
            ImportResult again = store.write(tx -> tx.elementSets().importAll(catalog, now));
            double reimportS = seconds(t1);

            long t2 = System.nanoTime();
            for (int from = 0; from < events.size(); from += BATCH) {
                List<ConjunctionObservation> batch = events.subList(from, Math.min(events.size(), from + BATCH));
                store.write(tx -> tx.conjunctionEvents().record(batch, null, null, now));
            }
            double insertS = seconds(t2);
            long eventCount = store.read(tx -> tx.conjunctionEvents().count());

            // ten CDM-like updates for 200 events, so trends have more than one point
            Random random = new Random(5);
            List<Long> trended = new ArrayList<>();
            for (int k = 0; k < 200; k++) {
                ConjunctionObservation base = events.get(random.nextInt(events.size()));
                List<ConjunctionObservation> updates = new ArrayList<>();
                for (int u = 0; u < 10; u++) {
                    updates.add(new ConjunctionObservation(base.primaryNorad(), base.secondaryNorad(),
                            base.tca().plusMillis(random.nextInt(2000) - 1000), base.missDistanceM() * (1 + 0.01 * u),
                            base.relativeSpeedMps(), 1, 2, 3, EncounterKind.SHORT, null, null, 1e-5 * u,
                            "PATERA_2005", null, "CDM"));
                }
                long eventId = store.write(tx -> {
                    long id = 0;
                    for (ConjunctionObservation o : updates) {
                        id = tx.conjunctionEvents().record(List.of(o), null, null, now).get(0).eventId();
                    }
                    return id;
                });
                trended.add(eventId);
            }

            double[] top = new double[60];
            int topSize = 0;
            for (int i = -20; i < top.length; i++) {
                Instant from = WINDOW_START.plus(Duration.ofHours(random.nextInt(6 * 24)));
                long q = System.nanoTime();
                List<StoredEvent> rows = store.read(tx -> tx.conjunctionEvents().topByPc(from, from.plus(
                        Duration.ofDays(1)), 100));
                if (i >= 0) {
                    top[i] = millis(q);
                    topSize = rows.size();
                }
            }
            double[] trend = new double[1000];
            int trendSize = 0;
            for (int i = -200; i < trend.length; i++) {
                long id = trended.get(Math.floorMod(i, trended.size()));
                long q = System.nanoTime();
                List<StoredUpdate> rows = store.read(tx -> tx.conjunctionEvents().trend(id));
                if (i >= 0) {
                    trend[i] = millis(q);
                    trendSize = rows.size();
                }
            }
            long fileBytes = Files.size(store.layout().databaseFile());

            out.append(String.format(Locale.ROOT, "%n### Durability %s%n%n", durability));
            out.append("| operation | target | measured |\n|---|---|---|\n");
            out.append(String.format(Locale.ROOT, "| import %,d element sets (one transaction; %,d stored) | <= 3 s | %.2f s |%n",
                    catalog.size(), imported.stored(), importS));
            out.append(String.format(Locale.ROOT, "| re-import of the same %,d (all %,d skipped as duplicates) | - | %.2f s |%n",
                    catalog.size(), again.duplicates(), reimportS));
            out.append(String.format(Locale.ROOT, "| insert %,d conjunction events (%,d per transaction; %,d events after matching) | <= 20 s | %.1f s (%,.0f events/s) |%n",
                    events.size(), BATCH, eventCount, insertS, events.size() / insertS));
            out.append(String.format(Locale.ROOT, "| top-100 by Pc, TCA in a 24 h window, %,d events (median / p95 of %d, %d rows each) | <= 50 ms | %.1f ms / %.1f ms |%n",
                    eventCount, top.length, topSize, percentile(top, 50), percentile(top, 95)));
            out.append(String.format(Locale.ROOT, "| Pc trend of one event (median / p95 of %d, %d updates each) | <= 5 ms | %.2f ms / %.2f ms |%n",
                    trend.length, trendSize, percentile(trend, 50), percentile(trend, 95)));
            out.append(String.format(Locale.ROOT, "| database file after the run | - | %.0f MB |%n", fileBytes / 1e6));
        }
    }

    /** Runs the same code paths on a scratch store first, so neither mode pays the JIT's warm-up. */
    private static void warmUp(Path dir, List<ElementSet> catalog, List<ConjunctionObservation> events) {
        try (Store store = Store.open(dir, StoreOptions.defaults())) {
            Instant now = Instant.parse("2026-11-22T12:00:00Z");
            store.write(tx -> tx.elementSets().importAll(catalog, now));
            for (int from = 0; from < events.size(); from += BATCH) {
                List<ConjunctionObservation> batch = events.subList(from, Math.min(events.size(), from + BATCH));
                store.write(tx -> tx.conjunctionEvents().record(batch, null, null, now));
            }
            for (int i = 0; i < 50; i++) {
                Instant from = WINDOW_START.plus(Duration.ofHours(i));
                store.read(tx -> tx.conjunctionEvents().topByPc(from, from.plus(Duration.ofDays(1)), 100));
            }
        }
    }

    /** Latency of one small transaction (acknowledge an alarm + append its audit record). */
    private static void smallCommits(Path root, StringBuilder out) throws SQLException, IOException {
        out.append("\n### Cost of durability: one small write transaction (alarm acknowledgement + audit record)\n\n");
        out.append("| configuration | median | p95 |\n|---|---|---|\n");
        for (Durability durability : Durability.values()) {
            Path dir = root.resolve("small-" + durability.name().toLowerCase(Locale.ROOT));
            try (Store store = Store.open(dir, StoreOptions.defaults().withDurability(durability))) {
                Instant now = Instant.parse("2026-11-22T12:00:00Z");
                long occurrence = store.write(tx -> tx.alarms().raise(new AlarmOccurrenceRow(null, null, "bench",
                        DataOrigin.LIVE, AlarmState.UNACK_ACTIVE, AlarmSeverity.WARNING, null, false, now, now, null,
                        null, null, null, null, null)));
                double[] ms = new double[500];
                for (int i = -100; i < ms.length; i++) {
                    int version = i + 101;
                    long t = System.nanoTime();
                    store.write(tx -> {
                        AlarmOccurrenceRow o = tx.alarms().occurrence(occurrence).orElseThrow().occurrence();
                        tx.alarms().update(occurrence, version, o);
                        return tx.audit().append(new AuditEntry(now, null, "bench", "operator", "console-1",
                                DataOrigin.LIVE, "ACKNOWLEDGE", occurrence, null, "bench", null));
                    });
                    if (i >= 0) {
                        ms[i] = millis(t);
                    }
                }
                out.append(String.format(Locale.ROOT, "| Store, %s | %.2f ms | %.2f ms |%n", durability,
                        percentile(ms, 50), percentile(ms, 95)));
            }
        }
        // for comparison: H2's default write delay (500 ms), which can lose commits on SIGKILL
        Path dir = root.resolve("h2-default");
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db"), "sa", "")) {
            c.createStatement().execute("CREATE TABLE t (id BIGINT PRIMARY KEY, v INTEGER)");
            c.createStatement().execute("INSERT INTO t VALUES (1, 0)");
            c.createStatement().execute("CREATE TABLE a (id BIGINT AUTO_INCREMENT PRIMARY KEY, s VARCHAR(100))");
            c.setAutoCommit(false);
            double[] ms = new double[500];
            try (PreparedStatement up = c.prepareStatement("UPDATE t SET v = v + 1 WHERE id = 1");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO a (s) VALUES ('ACKNOWLEDGE')")) {
                for (int i = -100; i < ms.length; i++) {
                    long t = System.nanoTime();
                    up.executeUpdate();
                    ins.executeUpdate();
                    c.commit();
                    if (i >= 0) {
                        ms[i] = millis(t);
                    }
                }
            }
            out.append(String.format(Locale.ROOT, "| plain H2, default WRITE_DELAY (500 ms; not crash-safe) | %.2f ms | %.2f ms |%n",
                    percentile(ms, 50), percentile(ms, 95)));
        }
    }

    private static List<ElementSet> catalog(Random r) {
        List<ElementSet> sets = new ArrayList<>(CATALOG);
        ObjectType[] types = ObjectType.values();
        for (int i = 0; i < CATALOG; i++) {
            int norad = 5 + i * 2;
            Instant epoch = Instant.parse("2022-01-22T00:00:00Z").minusMillis((long) (r.nextDouble() * 5 * 86_400_000L));
            sets.add(new ElementSet(norad, "OBJECT " + norad, String.format(Locale.ROOT, "%02d%03dA", i % 60, i % 999),
                    'U', epoch, 0.0006 + r.nextDouble() * 0.0006, r.nextDouble() * 0.2, r.nextDouble() * Math.PI,
                    r.nextDouble() * 2 * Math.PI, r.nextDouble() * 2 * Math.PI, r.nextDouble() * 2 * Math.PI,
                    r.nextGaussian() * 1e-4, r.nextGaussian() * 1e-12, 0, 999, r.nextInt(90_000), 0,
                    types[r.nextInt(types.length)], "full_catalog_2022-01-22.3le:" + (3 * i + 1)));
        }
        return sets;
    }

    /** One million observations in TCA order (as a screening reports them) over 7 days, 70 % with a Pc. */
    private static List<ConjunctionObservation> events(Random r) {
        long[] tcaMillis = new long[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            tcaMillis[i] = (long) (r.nextDouble() * WINDOW.toMillis());
        }
        Arrays.sort(tcaMillis);
        List<ConjunctionObservation> events = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            int primary = 5 + 2 * r.nextInt(CATALOG / 2);
            int secondary = primary + 2 * (1 + r.nextInt(CATALOG / 2));
            boolean hasPc = r.nextInt(10) < 7;
            events.add(new ConjunctionObservation(primary, secondary, WINDOW_START.plusMillis(tcaMillis[i]),
                    r.nextDouble() * 5000, 100 + r.nextDouble() * 15_000, r.nextGaussian() * 200,
                    r.nextGaussian() * 3000, r.nextGaussian() * 500, EncounterKind.SHORT, r.nextDouble() * 3,
                    r.nextDouble() * 3, hasPc ? Math.pow(10, -12 * r.nextDouble()) : null,
                    hasPc ? "PATERA_2005" : null, hasPc ? null : Math.pow(10, -8 * r.nextDouble()),
                    "DEFAULT_SOCRATES"));
        }
        return events;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
