package io.astroshield.persistence.bench;

import io.astroshield.domain.alarms.Actor;
import io.astroshield.domain.alarms.AlarmConfiguration;
import io.astroshield.domain.alarms.AlarmDefinition;
import io.astroshield.domain.alarms.AlarmEngine;
import io.astroshield.domain.alarms.AlarmKey;
import io.astroshield.domain.alarms.AlarmStore;
import io.astroshield.domain.alarms.ConjunctionUpdate;
import io.astroshield.domain.alarms.DataOrigin;
import io.astroshield.domain.alarms.InMemoryAlarmStore;
import io.astroshield.domain.alarms.ParameterLimits;
import io.astroshield.domain.alarms.Role;
import io.astroshield.domain.alarms.TelemetryLimitSet;
import io.astroshield.domain.alarms.TelemetrySample;
import io.astroshield.domain.alarms.UpdateSource;
import io.astroshield.persistence.Durability;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.StoreOptions;
import io.astroshield.persistence.alarms.H2AlarmStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The cost of one alarm state change on the H2 store (issue 4, item 7, and the "Alarm engine"
 * section of docs/benchmarks.md): each operation below is one engine call that ends in one
 * {@link H2AlarmStore#commit}, i.e. one H2 transaction, timed from the call to its return, so the
 * figure includes the engine's own work (under 1 us, see AlarmBenchmark) and the durable commit.
 * Not JMH: a commit is a file-system operation of about a millisecond, and what matters is its
 * median and tail, printed as a Markdown table.
 * <pre>
 *   ./mvnw -q -B -o -pl persistence -am -Palarm-store-bench process-test-classes
 * </pre>
 * Workload: 100 telemetry parameters, each cycled through trigger (sample beyond the red limit:
 * new occurrence + audit), acknowledgement (occurrence + audit + outbox row) and return to normal
 * (occurrence cleared + audit); and 200 conjunction events two days ahead, each taking CDMs whose Pc
 * cycles 2e-6, 3e-5, 2e-4, 1e-8, 1e-8, 1e-8 (track upsert + trend point, and the occurrence and
 * audit event of the transition each grade change causes: trigger, escalation, severity change,
 * return to normal on the third low Pc, reactivation on the next CDM). The engine's clock moves 1 ms
 * per operation and two minutes between rounds. An in-memory run of the same workload shows what of
 * each figure is the engine's.
 */
public final class AlarmStoreBench {

    private static final String DEVICE = "bench-console";
    private static final Actor OPERATOR = new Actor("olga", Role.OPERATOR, DEVICE);
    private static final int PARAMETERS = 100;
    private static final int EVENTS = 200;
    private static final double[] PC_CYCLE = {2e-6, 3e-5, 2e-4, 1e-8, 1e-8, 1e-8};
    private static final int WARMUP_ROUNDS = 5;
    private static final int ROUNDS = 20;
    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    private AlarmStoreBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("astroshield-alarm-bench");
        StringBuilder out = new StringBuilder();
        try {
            out.append(String.format(Locale.ROOT, "load average before: %s%n", loadAverage()));
            out.append("| store | operation (one commit each) | commits | median | p95 | p99 | commits/s (whole run) |\n");
            out.append("|---|---|---|---|---|---|---|\n");
            run("in memory (engine alone, for comparison)", new InMemoryAlarmStore(), null, out);
            for (Durability durability : List.of(Durability.PROCESS_CRASH, Durability.POWER_LOSS)) {
                Path dir = root.resolve(durability.name());
                try (Store store = Store.open(dir, StoreOptions.defaults().withDurability(durability))) {
                    run("H2, " + durability, new H2AlarmStore(store, DEVICE), store, out);
                }
            }
            out.append(String.format(Locale.ROOT, "load average after: %s%n", loadAverage()));
        } finally {
            deleteRecursively(root);
        }
        System.out.print(out);
    }

    private static void run(String label, AlarmStore store, Store h2, StringBuilder out) {
        Clock clock = new Clock(T0);
        AlarmEngine engine = AlarmEngine.start(configuration(), clock, store);
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        for (String kind : List.of("trigger", "acknowledge", "return to normal (clears)", "conjunction update")) {
            millis.put(kind, new ArrayList<>());
        }
        long commitsBefore = h2 == null ? 0 : outboxRows(h2);
        long measuredNanos = 0;
        int measured = 0;
        int cdm = 0;
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
            boolean measure = round >= 0;
            long roundStart = System.nanoTime();
            for (int p = 0; p < PARAMETERS; p++) {
                String parameter = parameter(p);
                time(measure, millis.get("trigger"), clock, () -> engine.telemetry()
                        .accept(new TelemetrySample(parameter, clock.instant(), 23.0, DataOrigin.LIVE)));
                UUID id = engine.occurrence(new AlarmKey("tm." + parameter, parameter, DataOrigin.LIVE))
                        .orElseThrow().id();
                time(measure, millis.get("acknowledge"), clock, () -> {
                    if (!engine.acknowledge(id, OPERATOR, "seen").isAccepted()) {
                        throw new IllegalStateException("acknowledgement refused");
                    }
                });
                time(measure, millis.get("return to normal (clears)"), clock, () -> engine.telemetry()
                        .accept(new TelemetrySample(parameter, clock.instant(), 30.0, DataOrigin.LIVE)));
            }
            Instant tca = T0.plus(Duration.ofDays(2));
            for (int e = 0; e < EVENTS; e++) {
                double pc = PC_CYCLE[cdm % PC_CYCLE.length];
                String reference = "CDM-" + cdm;
                ConjunctionUpdate update = new ConjunctionUpdate(25544, 30000 + e, tca, 300, pc, UpdateSource.CDM,
                        DataOrigin.LIVE, reference);
                time(measure, millis.get("conjunction update"), clock, () -> engine.conjunctions().accept(update));
            }
            cdm++;
            // two minutes between rounds: a parameter's three activations never fall in one chatter window
            clock.skip(Duration.ofMinutes(2));
            if (measure) {
                measuredNanos += System.nanoTime() - roundStart;
                measured += 3 * PARAMETERS + EVENTS;
            }
        }
        if (h2 != null && outboxRows(h2) - commitsBefore != (long) (WARMUP_ROUNDS + ROUNDS) * PARAMETERS) {
            throw new IllegalStateException("expected one outbox row per acknowledgement");
        }
        double perSecond = measured / (measuredNanos / 1e9);
        for (Map.Entry<String, List<Double>> e : millis.entrySet()) {
            double[] ms = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            out.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.3f ms | %.3f ms | %.3f ms | %s |%n", label,
                    e.getKey(), ms.length, percentile(ms, 50), percentile(ms, 95), percentile(ms, 99),
                    e.getKey().equals("trigger") ? String.format(Locale.ROOT, "%,.0f", perSecond) : ""));
        }
    }

    private static void time(boolean measure, List<Double> into, Clock clock, Runnable operation) {
        clock.advance();
        long t = System.nanoTime();
        operation.run();
        if (measure) {
            into.add((System.nanoTime() - t) / 1e6);
        }
    }

    private static AlarmConfiguration configuration() {
        AlarmConfiguration.Builder b = AlarmConfiguration.builder(DEVICE)
                .define(AlarmDefinition.conjunction("conjunction"));
        Map<String, ParameterLimits> limits = new LinkedHashMap<>();
        for (int p = 0; p < PARAMETERS; p++) {
            b.define(AlarmDefinition.telemetry("tm." + parameter(p), parameter(p), 0.2, Duration.ofHours(1)));
            limits.put(parameter(p), new ParameterLimits(24, 26, 33, 34));
        }
        return b.telemetryLimitSet(new TelemetryLimitSet("NOMINAL", limits)).build();
    }

    private static String parameter(int p) {
        return String.format(Locale.ROOT, "P%03d", p);
    }

    private static long outboxRows(Store store) {
        return store.read(tx -> tx.outbox().all()).size();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** The engine's clock, moved by the benchmark. */
    private static final class Clock implements InstantSource {
        private Instant now;

        Clock(Instant start) {
            this.now = start;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance() {
            now = now.plusMillis(1);
        }

        void skip(Duration d) {
            now = now.plus(d);
        }
    }
}
