package io.astroshield.persistence;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.persistence.alarms.StoredAudit;
import io.astroshield.persistence.alarms.StoredOccurrence;
import io.astroshield.persistence.cdm.StoredCdm;
import io.astroshield.persistence.screening.StoredEvent;
import io.astroshield.persistence.screening.StoredRun;
import io.astroshield.persistence.screening.StoredUpdate;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3: migrations run on an empty database and on a database created by each earlier
 * migration set; a kept copy of a version-4 store ({@code legacy/store-v4.sql}, an H2 SCRIPT dump
 * with its Flyway history and checksums) must still open, so an edit to an applied migration fails here.
 */
class MigrationIT {

    private static final String PASSWORD = "legacy-password";

    @TempDir
    Path dataDir;

    /** Creates the files of a store the way an earlier release would have left them. */
    private String legacyStore() throws Exception {
        StoreLayout layout = new StoreLayout(dataDir);
        Files.createDirectories(layout.dbDir());
        Files.writeString(layout.credentialsFile(), PASSWORD + "\n");
        return "jdbc:h2:file:" + layout.dbBase();
    }

    @ParameterizedTest(name = "from schema version {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void aStoreCreatedByAnEarlierMigrationSetIsMigratedWithItsDataKept(int version) throws Exception {
        // given a store at an earlier schema version, with data in every table it had
        String url = legacyStore();
        Flyway.configure().dataSource(url, "astroshield", PASSWORD).locations("classpath:db/migration")
                .target(Integer.toString(version)).loggers("slf4j").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "astroshield", PASSWORD)) {
            c.setAutoCommit(false);
            LegacySample.write(c, version);
            c.commit();
        }
        // when the current code opens it
        try (Store store = Store.open(dataDir, StoreOptions.defaults())) {
            // then it is at the latest schema and the data is all there
            assertThat(store.schemaVersion()).isEqualTo("10");
            assertSampleData(store, version);
        }
    }

    @Test
    void theKeptCopyOfAVersion4StoreOpensAndMigrates() throws Exception {
        // given the kept dump of a version-4 store loaded into a fresh file
        String url = legacyStore();
        Path script = dataDir.resolve("store-v4.sql");
        try (InputStream in = MigrationIT.class.getResourceAsStream("/legacy/store-v4.sql")) {
            assertThat(in).as("kept copy of the version-4 schema").isNotNull();
            Files.write(script, in.readAllBytes());
        }
        try (Connection c = DriverManager.getConnection(url, "astroshield", PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM '" + script + "' CHARSET 'UTF-8'");
        }
        assertThat(Files.readString(script, StandardCharsets.UTF_8)).contains("V4__create_notes_settings_sync.sql");
        // when the current code opens it, then Flyway validates the kept checksums and migrates
        try (Store store = Store.open(dataDir, StoreOptions.defaults())) {
            assertThat(store.schemaVersion()).isEqualTo("10");
            assertSampleData(store, 4);
        }
    }

    @Test
    void anEmptyDataDirectoryGetsTheWholeSchema() {
        try (Store store = Store.open(dataDir, StoreOptions.defaults())) {
            assertThat(store.info().rowCounts()).containsOnlyKeys("space_object", "element_set", "ephemeris",
                    "ephemeris_point", "cdm", "screening_run", "screening_run_primary", "conjunction_event",
                    "conjunction_event_update", "spacecraft", "telemetry_point", "limit_set", "telemetry_sample",
                    "alarm_definition", "alarm_occurrence", "audit_record", "analyst_note", "setting", "saved_layout",
                    "sync_outbox", "sync_cursor", "audit_server_receipt", "alarm_conjunction_track",
                    "alarm_conjunction_trend", "alarm_telemetry_limit_set", "alarm_telemetry_limit",
                    "alarm_conjunction_limit_set", "alarm_conjunction_rule", "alarm_engine_state", "sync_mirror");
        }
    }

    private static void assertSampleData(Store store, int version) {
        store.read(tx -> {
            assertThat(tx.elementSets().history(25544)).containsExactly(LegacySample.ISS);
            assertThat(tx.elementSets().history(5)).containsExactly(LegacySample.OLD_VANGUARD);
            List<StoredCdm> cdms = tx.cdms().forPair(48274, 25544);
            assertThat(cdms).singleElement().satisfies(c -> assertThat(c.cdm()).isEqualTo(LegacySample.CDM));
            if (version >= 2) {
                List<StoredRun> runs = tx.screeningRuns().recent(10);
                assertThat(runs).singleElement().satisfies(r -> assertThat(r.parameters().primaries())
                        .containsExactly(25544));
                List<StoredEvent> events = tx.conjunctionEvents().forPair(25544, 48274, Instant.parse("2022-01-01T00:00:00Z"),
                        Instant.parse("2023-01-01T00:00:00Z"));
                assertThat(events).singleElement().satisfies(e -> {
                    assertThat(e.updateCount()).isEqualTo(2);
                    List<StoredUpdate> trend = tx.conjunctionEvents().trend(e.id());
                    assertThat(trend).extracting(StoredUpdate::observation)
                            .containsExactly(LegacySample.FIRST, LegacySample.SECOND);
                });
            }
            if (version >= 3) {
                List<StoredOccurrence> alarms = tx.alarms().unacknowledged();
                assertThat(alarms).singleElement().satisfies(o -> {
                    List<StoredAudit> story = tx.audit().forOccurrence(o.id());
                    assertThat(story).singleElement().satisfies(a ->
                            assertThat(a.entry().actor()).isEqualTo("Zoë Ångström"));
                });
            }
            if (version >= 4) {
                assertThat(tx.notes().forSubject(io.astroshield.persistence.workspace.NoteSubject.EVENT, "1"))
                        .singleElement().satisfies(n -> assertThat(n.note()).isEqualTo(LegacySample.NOTE));
                assertThat(tx.outbox().all()).singleElement().satisfies(o -> assertThat(o.op()).isEqualTo(LegacySample.OP));
                assertThat(tx.syncCursors().get("catalog")).contains("1234");
            }
            return null;
        });
    }
}
