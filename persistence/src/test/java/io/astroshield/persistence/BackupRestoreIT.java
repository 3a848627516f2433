package io.astroshield.persistence;

import io.astroshield.persistence.jdbc.Jdbc;
import io.astroshield.persistence.screening.ConjunctionObservation;
import io.astroshield.persistence.screening.EncounterKind;
import io.astroshield.persistence.screening.RunOutcome;
import io.astroshield.persistence.screening.RunParameters;
import io.astroshield.persistence.screening.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 3: backup while in use, restore into an empty data directory. */
class BackupRestoreIT {

    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

    @TempDir
    Path work;

    private static long writeRun(Store store, Random random) {
        int n = 1 + random.nextInt(200);
        List<ConjunctionObservation> obs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            obs.add(new ConjunctionObservation(1 + random.nextInt(20), 100 + random.nextInt(5000),
                    T0.plusSeconds(random.nextInt(7 * 86_400)), random.nextDouble() * 5000, 10 + random.nextDouble(),
                    1, 2, 3, EncounterKind.SHORT, 0.5, 0.5, random.nextDouble() * 1e-4, "PATERA_2005", null, "CDM"));
        }
        return store.write(tx -> {
            long runId = tx.screeningRuns().start(T0, new RunParameters(T0, Duration.ofDays(7), 5000, List.of(),
                    DataOrigin.LIVE));
            tx.conjunctionEvents().record(obs, runId, null, T0);
            tx.screeningRuns().finish(runId, new RunOutcome(T0, RunStatus.COMPLETED, null, null, n, null, null, null,
                    null, null));
            return runId;
        });
    }

    @Test
    void aBackupTakenDuringWritesRestoresToAConsistentStore() throws Exception {
        Path live = work.resolve("live");
        Path backup = work.resolve("backups/store-backup.zip");
        Path restored = work.resolve("restored");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong lastCommittedBeforeBackup = new AtomicLong();
        AtomicLong committed = new AtomicLong();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (Store store = Store.open(live, StoreOptions.defaults())) {
            // given a writer committing screening runs continuously
            CountDownLatch twentyRuns = new CountDownLatch(20);
            Future<?> writing = writer.submit(() -> {
                Random random = new Random(3);
                while (!stop.get()) {
                    committed.set(writeRun(store, random));
                    twentyRuns.countDown();
                }
                return null;
            });
            assertThat(twentyRuns.await(60, TimeUnit.SECONDS)).as("writer committed 20 runs").isTrue();
            // when a backup is taken while it writes
            lastCommittedBeforeBackup.set(committed.get());
            store.backup(backup);
            long afterBackup = committed.get();
            stop.set(true);
            writing.get();
            assertThat(afterBackup).as("writes went on during the backup").isGreaterThanOrEqualTo(
                    lastCommittedBeforeBackup.get());
        } finally {
            writer.shutdownNow();
        }

        // then it restores into an empty directory as a consistent store holding what was committed before it
        StoreInfo info = Store.restore(backup, restored, StoreOptions.defaults());
        assertThat(info.schemaVersion()).isEqualTo("10");
        try (Store store = Store.open(restored, StoreOptions.defaults())) {
            store.read(tx -> {
                List<long[]> runs = Jdbc.list(tx.connection(), "runs", """
                        SELECT r.id, r.event_count, (SELECT COUNT(*) FROM conjunction_event_update u WHERE u.run_id = r.id)
                        FROM screening_run r WHERE r.status = 'COMPLETED'
                        """, Jdbc.NO_PARAMETERS, rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
                assertThat(Jdbc.count(tx.connection(), "running",
                        "SELECT COUNT(*) FROM screening_run WHERE status <> 'COMPLETED'", Jdbc.NO_PARAMETERS)).isZero();
                assertThat(runs).allSatisfy(r -> assertThat(r[2]).as("updates of run %d", r[0]).isEqualTo(r[1]));
                assertThat(runs.stream().mapToLong(r -> r[0]).max().orElse(0))
                        .isGreaterThanOrEqualTo(lastCommittedBeforeBackup.get());
                return null;
            });
        }
    }

    @Test
    void anEncryptedBackupRestoresWithItsKeyAndStaysEncrypted() throws Exception {
        StoreOptions keyed = StoreOptions.defaults().withKey(StoreKey.passphrase("night shift".toCharArray()));
        Path live = work.resolve("live");
        Path backup = work.resolve("b.zip");
        try (Store store = Store.open(live, keyed)) {
            store.write(tx -> {
                tx.syncCursors().save("catalog", "99", T0);
                return null;
            });
            store.backup(backup);
        }
        Path restoredWithoutKey = work.resolve("no-key");
        assertThatThrownBy(() -> Store.restore(backup, restoredWithoutKey, StoreOptions.defaults()))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.WRONG_KEY));
        assertThat(restoredWithoutKey.resolve("db")).doesNotExist();

        Path restored = work.resolve("restored");
        assertThat(Store.restore(backup, restored, keyed).encrypted()).isTrue();
        try (Store store = Store.open(restored, keyed)) {
            Optional<String> cursor = store.read(tx -> tx.syncCursors().get("catalog"));
            assertThat(cursor).contains("99");
        }
    }

    @Test
    void restoreRefusesADirectoryThatHoldsFilesAndAFileThatIsNotABackup() throws Exception {
        Path live = work.resolve("live");
        Path backup = work.resolve("b.zip");
        try (Store store = Store.open(live, StoreOptions.defaults())) {
            store.backup(backup);
        }
        Path occupied = work.resolve("occupied");
        Files.createDirectories(occupied);
        Files.writeString(occupied.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> Store.restore(backup, occupied, StoreOptions.defaults()))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(StoreError.RESTORE_TARGET_NOT_EMPTY));
        assertThat(Files.readString(occupied.resolve("notes.txt"))).isEqualTo("mine");

        Path notABackup = work.resolve("catalog.zip");
        Files.writeString(notABackup, "not a zip");
        assertThatThrownBy(() -> Store.restore(notABackup, work.resolve("fresh"), StoreOptions.defaults()))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.BAD_BACKUP));
    }
}
