package io.astroshield.app.cli;

import io.astroshield.domain.frames.CartesianState;
import io.astroshield.domain.cdm.CdmObject;
import io.astroshield.domain.cdm.CdmReferenceFrame;
import io.astroshield.domain.cdm.CdmWriter;
import io.astroshield.domain.cdm.ConjunctionDataMessage;
import io.astroshield.domain.cdm.CovarianceMethod;
import io.astroshield.domain.cdm.Maneuverability;
import io.astroshield.domain.cdm.RtnCovariance;
import io.astroshield.domain.cdm.RtnVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code astroshield cdm validate|repair}, run in-process with captured output. */
class CdmCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = AstroShieldCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** A valid CDM written by our writer from a record built by hand (ISS-like LEO pair, EME2000). */
    static String validKvn() {
        double[] cov = {
            100.0,
            -5.0, 9000.0,
            1.0, 2.0, 50.0,
            0.01, -9.0, 0.001, 0.01,
            -0.01, 0.004, -0.001, -1.5e-5, 1.0e-5,
            0.001, -0.003, 0.01, -3.0e-6, -1.0e-6, 5.0e-5};
        CdmObject o1 = new CdmObject("25544", "SATCAT", "ISS (ZARYA)", "1998-067A", Maneuverability.YES,
                CdmReferenceFrame.EME2000, CovarianceMethod.CALCULATED,
                new CartesianState(1_937_617.2, 6_227_932.3, 1_894_188.3, -5_208.6, -100.65, 5_622.8),
                RtnCovariance.ofLowerTriangle(cov), OptionalDouble.empty());
        CdmObject o2 = new CdmObject("54345", "SATCAT", "DEBRIS", null, Maneuverability.NOT_APPLICABLE,
                CdmReferenceFrame.EME2000, CovarianceMethod.DEFAULT,
                new CartesianState(1_937_667.2, 6_227_932.4, 1_894_288.3, -5_208.5, -200.65, 5_622.8),
                RtnCovariance.ofLowerTriangle(cov), OptionalDouble.empty());
        ConjunctionDataMessage m = new ConjunctionDataMessage("25544_conj_54345", "ASTROSHIELD",
                Instant.parse("2014-01-27T23:59:59Z"), Instant.parse("2014-01-30T23:59:59Z"), 111.8,
                OptionalDouble.of(100.0), new RtnVector(50, 0.1, 100), new RtnVector(0.13, -100, 0),
                OptionalDouble.of(0.06333288), "FOSTER-1992", OptionalDouble.of(10.0), o1, o2, null);
        return new CdmWriter().write(m);
    }

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    /** The KVN with the relative velocity units written as [m] (CARA's AlfanoTestCase defect): 3 repairs. */
    private static String defectiveKvn() {
        return validKvn().replaceAll("(RELATIVE_VELOCITY_[RTN] .*)\\[m/s\\]", "$1[m]");
    }

    @Test
    void validateSaysValidAndExitsZeroForACleanFile() throws IOException {
        Path f = file("clean.cdm", validKvn());

        int exit = run("cdm", "validate", f.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo(f + ": valid" + System.lineSeparator());
    }

    @Test
    void validateListsEachRepairAsFileLineReasonAndExitsZero() throws IOException {
        Path f = file("repairable.cdm", defectiveKvn());

        int exit = run("cdm", "validate", f.toString());

        assertThat(exit).isZero();
        // RELATIVE_VELOCITY_R is line 11 of our writer's layout
        assertThat(out.toString()).contains(f + ":11: warning: RELATIVE_VELOCITY_R: length unit [m] written for a velocity")
                .contains(f + ": valid, 3 repairs");
    }

    @Test
    void validateExitsTwoWhenSomeFileHasErrorsAndStillReportsTheOthers() throws IOException {
        Path good = file("good.cdm", validKvn());
        Path bad = file("bad.cdm", validKvn().replaceFirst("(?m)^TCA +=[^\\n]*\\n", ""));

        int exit = run("cdm", "validate", bad.toString(), good.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString())
                .contains(bad + ": TCA: mandatory keyword missing from the relative metadata")
                .contains(bad + ": rejected, 1 error")
                .contains(good + ": valid");
    }

    @Test
    void validateOfAMissingFileExitsTwo() {
        int exit = run("cdm", "validate", dir.resolve("absent.cdm").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).contains("absent.cdm: cannot read file");
    }

    @Test
    void repairWritesTheRepairedCdmToStdoutAndTheRepairsToStderr() throws IOException {
        Path f = file("repairable.cdm", defectiveKvn());

        int exit = run("cdm", "repair", f.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo(validKvn());
        assertThat(err.toString()).contains(f + ":11: warning: RELATIVE_VELOCITY_R");
    }

    @Test
    void repairWithOutWritesTheFileThatThenValidatesClean() throws IOException {
        Path f = file("repairable.cdm", defectiveKvn());
        Path repaired = dir.resolve("repaired.cdm");

        int exit = run("cdm", "repair", f.toString(), "--out", repaired.toString());
        out.getBuffer().setLength(0);
        int again = run("cdm", "validate", repaired.toString());

        assertThat(exit).isZero();
        assertThat(again).isZero();
        assertThat(out.toString()).isEqualTo(repaired + ": valid" + System.lineSeparator());
    }

    @Test
    void repairOfAFileWithErrorsExitsTwoAndWritesNothing() throws IOException {
        Path f = file("bad.cdm", validKvn().replaceFirst("CR_R( +)= [^\\n]*", "CR_R$1= NaN [m**2]"));
        Path target = dir.resolve("never.cdm");

        int exit = run("cdm", "repair", f.toString(), "--out", target.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(target).doesNotExist();
        assertThat(err.toString()).contains("CR_R: value is NaN (mandatory)").contains("not repaired");
    }

    @Test
    void eachCommandHasHelp() {
        assertThat(run("cdm", "--help")).isZero();
        assertThat(out.toString()).contains("validate").contains("repair");
        assertThat(run("cdm", "validate", "--help")).isZero();
        assertThat(out.toString()).contains("FILE:LINE: reason");
        assertThat(run("cdm", "repair", "--help")).isZero();
        assertThat(out.toString()).contains("--out");
    }

    @Test
    void missingSubcommandOrFileIsABadInvocation() {
        assertThat(run("cdm")).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: astroshield cdm");
        assertThat(run("cdm", "validate")).isEqualTo(2);
        assertThat(run("cdm", "repair")).isEqualTo(2);
    }
}
