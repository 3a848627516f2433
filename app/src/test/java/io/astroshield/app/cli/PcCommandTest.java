package io.astroshield.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code astroshield pc --method}, run in-process. */
class PcCommandTest {

    @TempDir
    Path dir;

    @Test
    void caraPcCircleMethodIsSelectableAndLabelsItsRow() throws IOException {
        // given a clean CDM (CdmCommandTest's ISS-like pair) and a 10 m hard body
        Path cdm = dir.resolve("event.cdm");
        Files.writeString(cdm, CdmCommandTest.validKvn(), StandardCharsets.UTF_8);

        // when
        CliRunner cara = CliRunner.run("pc", "--cdm", cdm.toString(), "--hbr-m", "10", "--method", "CARA_PC_CIRCLE_64");
        CliRunner patera = CliRunner.run("pc", "--cdm", cdm.toString(), "--hbr-m", "10");

        // then the row names the method, and with HBR well below sigma CARA's quadrature and
        // Patera agree far inside the 7 printed digits (measured: identical output)
        assertThat(cara.exitCode()).as(cara.err()).isZero();
        String[] row = cara.out().lines().skip(1).findFirst().orElseThrow().split(",");
        String[] reference = patera.out().lines().skip(1).findFirst().orElseThrow().split(",");
        assertThat(row[2]).isEqualTo("CARA_PC_CIRCLE_64");
        assertThat(reference[2]).isEqualTo("PATERA_2005");
        double pc = Double.parseDouble(row[1]);
        assertThat(pc).isPositive().isCloseTo(Double.parseDouble(reference[1]), within(1e-6 * pc));
    }
}
