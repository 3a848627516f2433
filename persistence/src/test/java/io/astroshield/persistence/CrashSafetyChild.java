package io.astroshield.persistence;

import io.astroshield.persistence.alarms.AlarmOccurrenceRow;
import io.astroshield.persistence.alarms.AlarmSeverity;
import io.astroshield.persistence.alarms.AlarmState;
import io.astroshield.persistence.alarms.AuditEntry;
import io.astroshield.persistence.alarms.StoredOccurrence;
import io.astroshield.persistence.screening.ConjunctionObservation;
import io.astroshield.persistence.screening.EncounterKind;
import io.astroshield.persistence.screening.RecordedUpdate;
import io.astroshield.persistence.screening.RunOutcome;
import io.astroshield.persistence.screening.RunParameters;
import io.astroshield.persistence.screening.RunStatus;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The process {@link CrashSafetyIT} kills. Forever: in one transaction, store a screening run with
 * its events, acknowledge the alarm the previous transaction raised (occurrence update + audit
 * record) and raise a new one; after commit returns, print {@code COMMITTED run=R raised=O acked=A}.
 * Arguments: data directory, random seed, durability.
 */
public final class CrashSafetyChild {

    private CrashSafetyChild() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        Durability durability = Durability.valueOf(args[2]);
        StoreOptions options = StoreOptions.defaults().withAutoServer(false).withDurability(durability);
        try (Store store = Store.open(dataDir, options)) {
            System.out.println("READY");
            System.out.flush();
            Instant epoch = Instant.parse("2026-11-22T00:00:00Z");
            while (true) {
                int n = random.nextInt(10) == 0 ? 1 + random.nextInt(3000) : 1 + random.nextInt(60);
                List<ConjunctionObservation> observations = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    int primary = 1 + random.nextInt(50);
                    int secondary = 100 + random.nextInt(20_000);
                    Instant tca = epoch.plusMillis(random.nextInt(7 * 86_400_000));
                    boolean hasPc = random.nextBoolean();
                    observations.add(new ConjunctionObservation(primary, secondary, tca, random.nextDouble() * 5000,
                            7000 * random.nextDouble(), 100 * random.nextGaussian(), 1000 * random.nextGaussian(),
                            100 * random.nextGaussian(), EncounterKind.SHORT, random.nextDouble(), random.nextDouble(),
                            hasPc ? random.nextDouble() * 1e-3 : null, hasPc ? "PATERA_2005" : null, null, "DEFAULT"));
                }
                Instant now = Instant.now();
                long[] ids = store.write(tx -> {
                    long runId = tx.screeningRuns().start(now, new RunParameters(epoch, Duration.ofDays(7), 5000,
                            List.of(), DataOrigin.OFFLINE));
                    List<RecordedUpdate> recorded = tx.conjunctionEvents().record(observations, runId, null, now);
                    tx.screeningRuns().finish(runId, new RunOutcome(now, RunStatus.COMPLETED, 20_050, (long) n, n,
                            null, null, null, null, null));
                    long acked = 0;
                    List<StoredOccurrence> open = tx.alarms().unacknowledged();
                    if (!open.isEmpty()) {
                        StoredOccurrence o = open.get(0);
                        tx.alarms().update(o.id(), o.version(), o.occurrence().acknowledged("child", now));
                        tx.audit().append(new AuditEntry(now, null, "child", "operator", "crash-test",
                                DataOrigin.OFFLINE, "ACKNOWLEDGE", o.id(), null, o.occurrence().subject(),
                                "run=" + runId));
                        acked = o.id();
                    }
                    long raised = tx.alarms().raise(new AlarmOccurrenceRow(null, recorded.get(0).eventId(),
                            "run " + runId, DataOrigin.OFFLINE, AlarmState.UNACK_ACTIVE, AlarmSeverity.WARNING, null,
                            false, now, now, null, null, null, null, null, null));
                    tx.audit().append(new AuditEntry(now, null, "child", "operator", "crash-test", DataOrigin.OFFLINE,
                            "RAISE", raised, null, "run " + runId, "run=" + runId));
                    return new long[] {runId, raised, acked};
                });
                System.out.println("COMMITTED run=" + ids[0] + " raised=" + ids[1] + " acked=" + ids[2]);
                System.out.flush();
            }
        }
    }
}
