package io.astroshield.app.cli;

import io.astroshield.domain.catalog.TleReader;
import io.astroshield.domain.propagation.OrekitSgp4;
import io.astroshield.domain.time.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.utils.PVCoordinates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PropagateCommandTest {

    // ISS (ZARYA) element set as published by CelesTrak for 2008-09-20 (the example of the
    // Wikipedia "Two-line element set" article), with valid checksums.
    private static final String ISS = """
            ISS (ZARYA)
            1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927
            2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537
            """;

    @Test
    void propagateWritesTemeStatesMatchingOrekitToTheMillimetre(@TempDir Path dir) throws IOException {
        Path tle = dir.resolve("iss.tle");
        Files.writeString(tle, ISS);
        CliRunner r = CliRunner.run("propagate", "--tle", tle.toString(), "--start", "2008-09-20T12:00:00Z",
                "--stop", "2008-09-20T13:00:00Z", "--step-s", "600");
        assertThat(r.exitCode()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).isEqualTo("norad,t_utc,x_km,y_km,z_km,vx_kms,vy_kms,vz_kms,error");
        assertThat(lines).hasSize(8);
        ReferenceData data = ReferenceData.builtIn();
        TLEPropagator orekit = TLEPropagator.selectExtrapolator(
                OrekitSgp4.toTle(TleReader.read("iss", ISS).records().get(0), data), data.teme());
        String[] last = lines[7].split(",", -1);
        assertThat(last[1]).isEqualTo("2008-09-20T13:00:00.000Z");
        PVCoordinates pv = orekit.getPVCoordinates(data.toDate(Instant.parse("2008-09-20T13:00:00Z")), data.teme());
        // printed to the micrometre in km; our SGP4 and Orekit agree to 1 mm (Sgp4 verification tests)
        assertThat(Double.parseDouble(last[2]) * 1e3).isCloseTo(pv.getPosition().getX(), within(1e-3));
        assertThat(Double.parseDouble(last[3]) * 1e3).isCloseTo(pv.getPosition().getY(), within(1e-3));
        assertThat(Double.parseDouble(last[4]) * 1e3).isCloseTo(pv.getPosition().getZ(), within(1e-3));
        assertThat(Double.parseDouble(last[5]) * 1e3).isCloseTo(pv.getVelocity().getX(), within(1e-5));
        assertThat(last[8]).isEmpty();
    }

    @Test
    void propagateStopsAnObjectAtItsSgp4ErrorAndSaysWhy(@TempDir Path dir) throws IOException {
        // Vallado et al. 2006 verification set, satellite 28872: decays about 50 minutes after epoch (error 6).
        Path tle = dir.resolve("decay.tle");
        Files.writeString(tle, """
                1 28872U 05037B   05333.02012661  .25992681  00000-0  24476-3 0  1534
                2 28872  96.4736 157.9986 0303955 244.0492 110.6523 16.46015938 10708
                """);
        CliRunner r = CliRunner.run("propagate", "--tle", tle.toString(), "--start", "2005-11-29T00:28:58Z",
                "--stop", "2005-11-29T02:28:58Z", "--step-s", "300");
        assertThat(r.exitCode()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[lines.length - 1]).contains(",,,,,,,SGP4 error 6");
        assertThat(lines.length).isLessThan(26);
    }
}
