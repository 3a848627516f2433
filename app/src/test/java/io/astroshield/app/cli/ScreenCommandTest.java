package io.astroshield.app.cli;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.TleWriter;
import io.astroshield.domain.demo.SyntheticCatalog;
import io.astroshield.domain.demo.SyntheticCatalog.Plant;
import io.astroshield.domain.demo.SyntheticCatalog.Regime;
import io.astroshield.domain.time.ReferenceData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScreenCommandTest {

    private static final Instant START = Instant.parse("2026-03-19T00:00:00Z");

    @TempDir
    static Path dir;
    static Path catalog;
    static SyntheticCatalog.Population population;

    @BeforeAll
    static void writeCatalogWithOneBadRecord() throws IOException {
        population = new SyntheticCatalog(ReferenceData.builtIn()).generate(7L, 120, START, List.of(
                new Plant(Regime.LEO, 3_000, 700, Math.toRadians(120)),
                new Plant(Regime.SSO, 9_000, 2_000, Math.toRadians(80))));
        List<String> lines = new ArrayList<>();
        for (ElementSet e : population.elementSets()) {
            lines.addAll(TleWriter.formatWithTitle(e));
        }
        // A record whose line 2 checksum is wrong (last digit changed) is skipped and reported.
        List<String> bad = new ArrayList<>(TleWriter.formatWithTitle(population.elementSets().get(0).withName("BAD")));
        String l2 = bad.get(2);
        bad.set(2, l2.substring(0, 68) + (char) ('0' + (l2.charAt(68) - '0' + 1) % 10));
        lines.addAll(bad);
        catalog = dir.resolve("synthetic.3le");
        Files.write(catalog, lines);
    }

    @Test
    void screenWritesDesignColumnsSortedByTcaAndReportsSkippedRecordWithFileAndLine() {
        // when
        CliRunner r = CliRunner.run("screen", "--catalog", catalog.toString(), "--start", "2026-03-19T00:00:00",
                "--duration", "4h", "--threshold-km", "5");

        // then
        assertThat(r.exitCode()).isZero();
        String[] rows = r.out().split("\n");
        assertThat(rows[0]).isEqualTo("primary,secondary,tca_utc,miss_km,rel_speed_kms,radial_km,in_track_km,"
                + "cross_track_km,pc,pc_method,pc_max,covariance_source,encounter,primary_epoch_age_d,secondary_epoch_age_d");
        List<String[]> events = Arrays.stream(rows).skip(1).map(l -> l.split(",", -1)).toList();
        assertThat(events).isNotEmpty();
        for (int k = 0; k < events.size(); k++) {
            String[] e = events.get(k);
            assertThat(e).hasSize(15);
            assertThat(Integer.parseInt(e[0])).isLessThan(Integer.parseInt(e[1]));
            assertThat(e[2]).matches("2026-03-19T\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(Double.parseDouble(e[3])).isLessThanOrEqualTo(5.0);
            // the RTN components are the miss vector's: their norm is the miss distance (to the printed mm)
            double norm = Math.sqrt(Math.pow(Double.parseDouble(e[5]), 2) + Math.pow(Double.parseDouble(e[6]), 2)
                    + Math.pow(Double.parseDouble(e[7]), 2));
            assertThat(norm).isCloseTo(Double.parseDouble(e[3]), within(3e-6));
            if (k > 0) {
                assertThat(e[2].compareTo(events.get(k - 1)[2])).isGreaterThanOrEqualTo(0);
            }
        }
        // the planted 700 m encounter at 00:50 is there (the 3LE text rounds the elements, so
        // time and miss move a little: within 1 s and 50 m)
        SyntheticCatalog.PlantedEncounter planted = population.planted().get(0);
        assertThat(events).anyMatch(e -> Math.abs(java.time.Duration.between(planted.time(), Instant.parse(e[2]))
                        .toMillis()) < 1_000
                && (e[0] + "," + e[1]).equals(Math.min(planted.hostId(), planted.plantedId()) + ","
                + Math.max(planted.hostId(), planted.plantedId()))
                && Math.abs(Double.parseDouble(e[3]) - 0.7) < 0.05);
        assertThat(r.err()).contains("synthetic.3le:" + (population.elementSets().size() * 3 + 3) + ":");
    }

    @Test
    void screenWithPrimariesKeepsThePrimaryFirst() {
        SyntheticCatalog.PlantedEncounter planted = population.planted().get(1);
        CliRunner r = CliRunner.run("screen", "--catalog", catalog.toString(), "--start", "2026-03-19T00:00:00Z",
                "--duration", "PT4H", "--primaries", Integer.toString(planted.plantedId()), "--format", "json");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\"primary\" : " + planted.plantedId())
                .contains("\"secondary\" : " + planted.hostId())
                .doesNotContain("\"primary\" : " + planted.hostId());
    }

    @Test
    void unreadableCatalogExitsTwoWithReason() {
        CliRunner r = CliRunner.run("screen", "--catalog", dir.resolve("missing.tle").toString(), "--duration", "1h");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("missing.tle");
    }

    @Test
    void badDurationExitsTwoNamingTheValue() {
        CliRunner r = CliRunner.run("screen", "--catalog", catalog.toString(), "--duration", "soon");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("soon");
    }
}
