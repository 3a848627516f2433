package io.astroshield.persistence;

import io.astroshield.persistence.alarms.AuditEntry;
import io.astroshield.persistence.alarms.AuditRepository;
import io.astroshield.persistence.alarms.StoredAudit;
import io.astroshield.persistence.jdbc.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 3: the audit is append-only, in code and in the database. */
class AuditAppendOnlyIT {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void theAuditRepositoryHasNoUpdateOrDeleteStatement() throws Exception {
        List<String> statements = new ArrayList<>();
        for (Field f : AuditRepository.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                f.setAccessible(true);
                statements.add(((String) f.get(null)).toUpperCase(Locale.ROOT));
            }
        }
        assertThat(statements).hasSizeGreaterThanOrEqualTo(3);
        assertThat(statements).noneMatch(s -> s.contains("UPDATE ") || s.contains("DELETE ") || s.contains("MERGE ")
                || s.contains("TRUNCATE "));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnAuditRecord() {
        try (Store store = Store.open(dataDir, StoreOptions.defaults())) {
            long id = store.write(tx -> tx.audit().append(new AuditEntry(T0, null, "ana", "operator", "console-1",
                    DataOrigin.LIVE, "ACKNOWLEDGE", 7L, null, "25544 vs 48274", "ack")));
            assertThatThrownBy(() -> store.write(tx -> Jdbc.update(tx.connection(), "tamper",
                    "UPDATE audit_record SET actor = 'mallory' WHERE id = ?", ps -> ps.setLong(1, id))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> store.write(tx -> Jdbc.update(tx.connection(), "tamper",
                    "DELETE FROM audit_record WHERE id = ?", ps -> ps.setLong(1, id))))
                    .isInstanceOf(StoreException.class).hasMessageContaining("append-only");
            store.write(tx -> {
                tx.audit().recordServerReceipt(id, T0.plusSeconds(2), 1234L);
                return null;
            });
            List<StoredAudit> story = store.read(tx -> tx.audit().forOccurrence(7L));
            assertThat(story).singleElement().satisfies(a -> {
                assertThat(a.entry().actor()).isEqualTo("ana");
                assertThat(a.serverReceiptTime()).isEqualTo(T0.plusSeconds(2));
            });
        }
    }
}
