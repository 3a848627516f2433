package io.astroshield.app.cli;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.TleWriter;
import io.astroshield.domain.demo.SyntheticCatalog;
import io.astroshield.domain.demo.SyntheticCatalog.Plant;
import io.astroshield.domain.demo.SyntheticCatalog.Regime;
import io.astroshield.domain.time.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StoreCommandsTest {

    @Test
    void importScreenSaveBackupAndRestoreKeepEverything(@TempDir Path dir) throws IOException {
        // given: a 3LE catalog with one planted encounter and one record with a bad checksum
        SyntheticCatalog.Population population = new SyntheticCatalog(ReferenceData.builtIn()).generate(5L, 40,
                Instant.parse("2026-03-19T00:00:00Z"), List.of(new Plant(Regime.LEO, 1_800, 600, Math.toRadians(120))));
        List<String> lines = new ArrayList<>();
        for (ElementSet e : population.elementSets()) {
            lines.addAll(TleWriter.formatWithTitle(e));
        }
        lines.add("BROKEN");
        lines.add("1 99999U 26001A   26078.00000000  .00000000  00000-0  00000-0 0  9990");
        lines.add("2 99999  51.6000 100.0000 0001000  90.0000 270.0000 15.50000000    10");
        Path catalog = dir.resolve("catalog.3le");
        Files.write(catalog, lines);
        String home = dir.resolve("home").toString();

        // when
        CliRunner imported = CliRunner.run("--data-dir", home, "import", catalog.toString());
        CliRunner again = CliRunner.run("--data-dir", home, "import", catalog.toString());
        CliRunner screened = CliRunner.run("--data-dir", home, "screen", "--catalog", catalog.toString(),
                "--start", "2026-03-19T00:00:00Z", "--duration", "2h", "--save");
        CliRunner backup = CliRunner.run("--data-dir", home, "db", "backup", dir.resolve("backup.zip").toString());
        CliRunner restored = CliRunner.run("--data-dir", dir.resolve("restored").toString(), "db", "restore",
                dir.resolve("backup.zip").toString());
        CliRunner info = CliRunner.run("--data-dir", dir.resolve("restored").toString(), "db", "info");

        // then: 41 good records stored once, the bad one reported with its line, the run and its events kept
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("41 element sets stored, 0 already known");
        assertThat(imported.err()).contains("catalog.3le:" + (lines.size() - 1) + ":");
        assertThat(again.out()).contains("0 element sets stored, 41 already known");
        assertThat(screened.exitCode()).isZero();
        long events = screened.out().lines().count() - 1;
        assertThat(events).isPositive();
        assertThat(backup.exitCode()).isZero();
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(info.out()).containsPattern("element_set +41\\b").containsPattern("screening_run +1\\b")
                .containsPattern("conjunction_event_update +" + events + "\\b");
    }

    @Test
    void restoreIntoADataDirectoryInUseIsRefused(@TempDir Path dir) {
        String home = dir.resolve("home").toString();
        assertThat(CliRunner.run("--data-dir", home, "db", "info").exitCode()).isZero();
        CliRunner backup = CliRunner.run("--data-dir", home, "db", "backup", dir.resolve("b.zip").toString());
        assertThat(backup.exitCode()).isZero();
        CliRunner restore = CliRunner.run("--data-dir", home, "db", "restore", dir.resolve("b.zip").toString());
        assertThat(restore.exitCode()).isEqualTo(2);
        assertThat(restore.err()).isNotBlank();
    }
}
