package io.astroshield.domain.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN.md, module map: the domain is the science and the rules, nothing else. */
class DomainIndependenceTest {

    private final JavaClasses domain = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.astroshield.domain");

    @Test
    void domainDoesNotTouchUiStorageNetworkOrLogging() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "org.fxyz3d..",
                        "java.sql..", "javax.sql..", "org.h2..", "org.postgresql..", "org.flywaydb..",
                        "java.net.http..", "okhttp3..", "io.javalin..", "org.eclipse.jetty..",
                        "org.slf4j..", "ch.qos.logback..", "org.apache.logging..", "java.util.logging..")
                .because("the domain must run in any process (CLI, UI, server) and report by value, not by log")
                .check(domain);
    }

    @Test
    void domainDoesNotDependOnOuterModules() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "io.astroshield.app..", "io.astroshield.persistence..", "io.astroshield.sync..")
                .because("dependencies point one way: app -> sync -> persistence -> domain")
                .check(domain);
    }
}
