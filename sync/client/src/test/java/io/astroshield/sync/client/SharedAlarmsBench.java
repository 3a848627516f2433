package io.astroshield.sync.client;

import io.astroshield.domain.alarms.AlarmConfiguration;
import io.astroshield.domain.alarms.AlarmDefinition;
import io.astroshield.domain.alarms.AlarmEngine;
import io.astroshield.domain.alarms.ConjunctionUpdate;
import io.astroshield.domain.alarms.DataOrigin;
import io.astroshield.domain.alarms.UpdateSource;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.StoreOptions;
import io.astroshield.persistence.alarms.H2AlarmStore;
import io.astroshield.persistence.sync.MirrorRow;
import io.astroshield.sync.protocol.AlarmRecord;
import io.astroshield.sync.protocol.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What bringing the alarm engine to the shared alarm records costs per sync ({@link SharedAlarms#apply}, run after
 * every completed sync; docs/benchmarks.md, "Shared alarm state"): a console with 200 open conjunction alarms and
 * 10,000 downloaded records (200 of them its alarms', acknowledged by another console), on its own H2 store. The
 * first pass takes the 200 acknowledgements; the passes after it find everything in force and change nothing,
 * which is what almost every sync does. Run with
 * {@code ./mvnw -q -o -pl sync/client -am -Psync-bench verify -DskipTests
 * -Dsync.bench.main=io.astroshield.sync.client.SharedAlarmsBench}.
 */
public final class SharedAlarmsBench {
    private static final int OPEN = 200;
    private static final int RECORDS = 10_000;
    private static final int PASSES = 21;

    private SharedAlarmsBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("astroshield-shared-alarms-bench");
        try (Store store = Store.open(dir, StoreOptions.defaults())) {
            String device = "bench-console";
            AlarmEngine engine = AlarmEngine.start(AlarmConfiguration.builder(device)
                    .define(AlarmDefinition.conjunction("conjunction")).build(), Clock.systemUTC(),
                    new H2AlarmStore(store, device));
            Instant tca = Instant.now().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.SECONDS);
            List<ConjunctionUpdate> updates = new ArrayList<>();
            for (int i = 0; i < OPEN; i++) {
                updates.add(new ConjunctionUpdate(10_000 + i, 50_000 + i, tca, 150.0, 3e-4, UpdateSource.CDM,
                        DataOrigin.LIVE, "bench-" + i));
            }
            engine.conjunctions().acceptAll(updates);
            Instant acked = Instant.now();
            AlarmRecord.Stamp by = new AlarmRecord.Stamp("anna", "operator", "console-2", acked, acked);
            var json = Json.newMapper();
            store.write(tx -> {
                for (int i = 0; i < RECORDS; i++) {
                    // the first OPEN records are this console's alarms; the rest other pairs' (closed events, others)
                    AlarmRecord r = new AlarmRecord(i + 1, "conjunction", "LIVE:" + (10_000 + i) + "x" + (50_000 + i),
                            10_000 + i, 50_000 + i, tca, acked.minusSeconds(60), acked, 1, by, "SEVERE", "seen",
                            null, null, null, null, null, null, null);
                    try {
                        tx.syncMirror().upsert(new MirrorRow(SharedAlarms.ENTITY, r.id(), json.writeValueAsString(r),
                                r.id(), acked, acked));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return null;
            });
            SharedAlarms shared = new SharedAlarms(store);
            double[] ms = new double[PASSES];
            int firstChanged = 0;
            for (int p = 0; p < PASSES; p++) {
                long t0 = System.nanoTime();
                int changed = shared.apply(engine);
                ms[p] = (System.nanoTime() - t0) / 1e6;
                firstChanged = p == 0 ? changed : firstChanged;
                if (p > 0 && changed != 0) {
                    throw new IllegalStateException("pass " + p + " changed " + changed);
                }
            }
            double[] read = new double[PASSES];
            double[] rows = new double[PASSES];
            for (int p = 0; p < PASSES; p++) {
                long t0 = System.nanoTime();
                store.read(tx -> tx.syncMirror().all(SharedAlarms.ENTITY));
                long t1 = System.nanoTime();
                shared.downloaded();
                rows[p] = (t1 - t0) / 1e6;
                read[p] = (System.nanoTime() - t1) / 1e6;
            }
            Arrays.sort(read);
            Arrays.sort(rows);
            System.out.printf(Locale.ROOT, "of which reading the 10,000 rows: median %.1f ms; rows through the parsed "
                    + "records kept: median %.1f ms%n", rows[PASSES / 2], read[PASSES / 2]);
            double[] later = Arrays.copyOfRange(ms, 1, PASSES);
            Arrays.sort(later);
            System.out.printf(Locale.ROOT, "shared alarms: %d open, %d records; first pass %.1f ms (%d changed); "
                            + "later passes median %.1f ms, max %.1f ms%n", OPEN, RECORDS, ms[0], firstChanged,
                    later[later.length / 2], later[later.length - 1]);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
