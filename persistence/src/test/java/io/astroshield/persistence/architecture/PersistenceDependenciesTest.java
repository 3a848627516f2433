package io.astroshield.persistence.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN.md, module map: app -> sync/client -> persistence -> domain, and nothing back. */
class PersistenceDependenciesTest {

    private final JavaClasses persistence = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.astroshield.persistence");

    @Test
    void persistenceDependsOnNoOuterModuleNorOnUiOrNetwork() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.astroshield.app..", "io.astroshield.sync..",
                        "javafx..", "okhttp3..", "io.javalin..", "org.postgresql..")
                .because("the store is used by the app and the sync client, never the other way round")
                .check(persistence);
    }

    @Test
    void repositoriesNeitherPoolNorMigrate() {
        noClasses().that().resideInAnyPackage("io.astroshield.persistence.catalog..",
                        "io.astroshield.persistence.cdm..", "io.astroshield.persistence.screening..",
                        "io.astroshield.persistence.telemetry..", "io.astroshield.persistence.alarms..",
                        "io.astroshield.persistence.workspace..", "io.astroshield.persistence.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("org.flywaydb..", "com.zaxxer..")
                .because("repositories see a Connection; opening, pooling and migrating belong to Store")
                .check(persistence);
    }
}
