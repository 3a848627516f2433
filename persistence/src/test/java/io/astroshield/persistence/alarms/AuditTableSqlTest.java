package io.astroshield.persistence.alarms;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In addition to the behavioural tests (H2AlarmStoreIT, AuditAppendOnlyIT): no SQL text in the
 * persistence module's classes changes or removes audit records. Every repository keeps its SQL in
 * static String constants, which this test reads from the compiled classes.
 */
class AuditTableSqlTest {

    private static final Pattern CHANGES_AUDIT = Pattern.compile(
            "(UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|TRUNCATE\\s+TABLE|DROP\\s+TABLE)\\s+(\\w+\\.)?\"?AUDIT_RECORD\\b");

    @Test
    void noSqlConstantInThePersistenceModuleUpdatesOrDeletesAuditRecords() throws Exception {
        List<String> statements = sqlConstants();

        assertThat(statements).as("SQL constants found, the audit appends among them")
                .hasSizeGreaterThan(50)
                .anyMatch(s -> s.contains("INSERT INTO AUDIT_RECORD"));
        assertThat(statements).noneMatch(s -> CHANGES_AUDIT.matcher(s).find());
    }

    @Test
    void theEngineAuditRepositoryOnlyInsertsAndSelects() throws Exception {
        List<String> statements = constantsOf(AuditEventRepository.class);

        // append, read after a sequence, read one occurrence's history
        assertThat(statements).hasSize(3);
        assertThat(statements).allMatch(s -> s.startsWith("INSERT INTO AUDIT_RECORD") || s.startsWith("SELECT"));
    }

    @Test
    void theCheckRecognisesAStatementThatWouldChangeTheAudit() {
        assertThat(CHANGES_AUDIT.matcher("UPDATE AUDIT_RECORD SET ACTOR = ?").find()).isTrue();
        assertThat(CHANGES_AUDIT.matcher("DELETE FROM PUBLIC.AUDIT_RECORD WHERE ID = ?").find()).isTrue();
        assertThat(CHANGES_AUDIT.matcher("INSERT INTO AUDIT_RECORD (ID) VALUES (?)").find()).isFalse();
        assertThat(CHANGES_AUDIT.matcher("DELETE FROM AUDIT_RECORD_ARCHIVE").find()).isFalse();
    }

    /** Every static String field of every class compiled into the module, upper case, whitespace collapsed. */
    private static List<String> sqlConstants() throws Exception {
        Path classes = Path.of(H2AlarmStore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace(java.io.File.separatorChar, '.'))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .filter(n -> !n.endsWith("module-info") && !n.endsWith("package-info"))
                    .toList();
        }
        List<String> statements = new ArrayList<>();
        for (String name : names) {
            statements.addAll(constantsOf(Class.forName(name, false, AuditTableSqlTest.class.getClassLoader())));
        }
        return statements;
    }

    private static List<String> constantsOf(Class<?> type) throws IllegalAccessException {
        List<String> result = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                f.setAccessible(true);
                String value = (String) f.get(null);
                if (value != null) {
                    result.add(value.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT));
                }
            }
        }
        return result;
    }
}
