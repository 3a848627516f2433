package io.astroshield.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class StoreOpenIT {

    @TempDir
    Path dataDir;

    @Test
    void openingAnEmptyDataDirectoryCreatesTheStoreAtTheLatestSchema() {
        try (Store store = Store.open(dataDir, StoreOptions.defaults())) {
            StoreInfo info = store.info();
            assertThat(info.schemaVersion()).isEqualTo("10");
            assertThat(info.rowCounts()).containsKeys("space_object", "element_set", "conjunction_event",
                    "conjunction_event_update", "audit_record", "sync_outbox", "sync_cursor");
            assertThat(info.rowCounts().values()).allMatch(n -> n == 0L);
            assertThat(store.ownsFile()).isTrue();
        }
        assertThat(dataDir.resolve("db/astroshield.mv.db")).isRegularFile();
    }

    @Test
    void everyCommitIsWrittenThroughBecauseWriteDelayIsZero() {
        try (Store store = Store.open(dataDir, StoreOptions.defaults())) {
            java.util.List<String> writeDelay = store.read(tx -> io.astroshield.persistence.jdbc.Jdbc.list(
                    tx.connection(), "Reading WRITE_DELAY",
                    "SELECT SETTING_NAME || '=' || SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                            + " WHERE SETTING_NAME LIKE '%WRITE_DELAY%'",
                    io.astroshield.persistence.jdbc.Jdbc.NO_PARAMETERS, rs -> rs.getString(1)));
            assertThat(writeDelay).containsOnly("WRITE_DELAY=0");
        }
    }

    @Test
    void credentialsAndHolderFilesAreReadableByTheOwnerOnly() throws Exception {
        try (Store store = Store.open(dataDir, StoreOptions.defaults())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.layout().credentialsFile())))
                    .isEqualTo("rw-------");
            assertThat(store.layout().holderFile()).isRegularFile();
        }
        assertThat(dataDir.resolve("db/astroshield.holder")).doesNotExist();
    }

    @Test
    void reopeningAStoreKeepsItsSchemaAndData() {
        try (Store store = Store.open(dataDir, StoreOptions.defaults())) {
            store.write(tx -> {
                tx.syncCursors().save("catalog", "42", java.time.Instant.parse("2026-11-22T00:00:00Z"));
                return null;
            });
        }
        try (Store store = Store.open(dataDir, StoreOptions.defaults())) {
            java.util.Optional<String> cursor = store.read(tx -> tx.syncCursors().get("catalog"));
            assertThat(cursor).contains("42");
            assertThat(store.schemaVersion()).isEqualTo("10");
        }
    }
}
