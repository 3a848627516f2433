package io.astroshield.app.cli;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.TleWriter;
import io.astroshield.domain.catalog.TleReader;
import io.astroshield.domain.demo.SyntheticCatalog;
import io.astroshield.domain.demo.SyntheticCatalog.Plant;
import io.astroshield.domain.demo.SyntheticCatalog.Regime;
import io.astroshield.domain.propagation.OrekitSgp4;
import io.astroshield.domain.time.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScreenWithOemPrimaryTest {

    private static final ReferenceData DATA = ReferenceData.builtIn();
    private static final Instant START = Instant.parse("2026-03-19T00:00:00Z");

    @Test
    void oemPrimaryFindsTheSameEncounterAsItsElementSet(@TempDir Path dir) throws IOException {
        // given: a catalog with a planted encounter, written as 3LE, and the planted object's own
        // trajectory written as an OEM in EME2000 (Orekit's SGP4, a point every 60 s)
        SyntheticCatalog.Population population = new SyntheticCatalog(DATA).generate(21L, 80, START,
                List.of(new Plant(Regime.LEO, 5_000, 1_500, Math.toRadians(140))));
        Path catalog = dir.resolve("catalog.3le");
        List<String> lines = new ArrayList<>();
        for (ElementSet e : population.elementSets()) {
            lines.addAll(TleWriter.formatWithTitle(e));
        }
        Files.write(catalog, lines);
        SyntheticCatalog.PlantedEncounter planted = population.planted().get(0);
        // read back from the 3LE so the OEM and the catalog describe the same (rounded) orbit
        ElementSet primary = TleReader.read(catalog).records().stream()
                .filter(e -> e.noradId() == planted.plantedId()).findFirst().orElseThrow();
        Path oem = dir.resolve("primary.oem");
        Files.writeString(oem, oem(primary, 3 * 3600, 60));

        // when
        CliRunner fromTle = CliRunner.run("screen", "--catalog", catalog.toString(), "--start", "2026-03-19T00:00:00Z",
                "--duration", "3h", "--primaries", Integer.toString(planted.plantedId()));
        CliRunner fromOem = CliRunner.run("screen", "--catalog", catalog.toString(), "--start", "2026-03-19T00:00:00Z",
                "--duration", "3h", "--primary-oem", oem.toString());

        // then: the same encounter with the host, TCA within 10 ms and miss within 5 m (the OEM's
        // degree-7 Hermite interpolation of 60 s points is good to well under a metre in LEO)
        assertThat(fromOem.exitCode()).as(fromOem.err()).isZero();
        String[] a = row(fromTle.out(), planted.plantedId(), planted.hostId());
        String[] b = row(fromOem.out(), planted.plantedId(), planted.hostId());
        assertThat(Duration.between(Instant.parse(a[2]), Instant.parse(b[2])).abs().toMillis()).isLessThanOrEqualTo(10);
        assertThat(Double.parseDouble(b[3]) * 1e3).isCloseTo(Double.parseDouble(a[3]) * 1e3, within(5.0));
    }

    private static String[] row(String csv, int primary, int secondary) {
        return csv.lines().skip(1).map(l -> l.split(",", -1))
                .filter(r -> r[0].equals(Integer.toString(primary)) && r[1].equals(Integer.toString(secondary)))
                .findFirst().orElseThrow(() -> new AssertionError("no " + primary + "/" + secondary + " in\n" + csv));
    }

    /** A CCSDS OEM 2.0 KVN of {@code e} propagated by Orekit's SGP4, in EME2000, km and km/s. */
    private static String oem(ElementSet e, int spanS, int stepS) {
        TLEPropagator p = TLEPropagator.selectExtrapolator(OrekitSgp4.toTle(e, DATA), DATA.teme());
        AbsoluteDate t0 = DATA.toDate(START);
        StringBuilder sb = new StringBuilder();
        sb.append("CCSDS_OEM_VERS = 2.0\nCREATION_DATE = 2026-03-18T12:00:00\nORIGINATOR = ASTROSHIELD-TEST\n\n")
                .append("META_START\nOBJECT_NAME = PLANTED\nOBJECT_ID = ").append(e.noradId()).append('\n')
                .append("CENTER_NAME = EARTH\nREF_FRAME = EME2000\nTIME_SYSTEM = UTC\n")
                .append("START_TIME = 2026-03-19T00:00:00.000\nSTOP_TIME = ")
                .append(DATA.toInstant(t0.shiftedBy(spanS)).toString().replace("Z", ""))
                .append("\nINTERPOLATION = HERMITE\nINTERPOLATION_DEGREE = 7\nMETA_STOP\n\n");
        for (int t = 0; t <= spanS; t += stepS) {
            AbsoluteDate d = t0.shiftedBy(t);
            PVCoordinates pv = p.getPVCoordinates(d, DATA.eme2000());
            sb.append(String.format(Locale.ROOT, "%s %.9f %.9f %.9f %.12f %.12f %.12f%n",
                    DATA.toInstant(d).toString().replace("Z", ""),
                    pv.getPosition().getX() / 1e3, pv.getPosition().getY() / 1e3, pv.getPosition().getZ() / 1e3,
                    pv.getVelocity().getX() / 1e3, pv.getVelocity().getY() / 1e3, pv.getVelocity().getZ() / 1e3));
        }
        return sb.toString();
    }
}
