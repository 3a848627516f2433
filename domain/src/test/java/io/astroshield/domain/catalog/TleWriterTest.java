package io.astroshield.domain.catalog;

import io.astroshield.domain.input.ReadResult;
import io.astroshield.domain.time.ReferenceData;
import org.junit.jupiter.api.Test;
import org.orekit.propagation.analytical.tle.TLE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.astroshield.domain.catalog.TleReaderTest.A0000_1;
import static io.astroshield.domain.catalog.TleReaderTest.A0000_2;
import static io.astroshield.domain.catalog.TleReaderTest.ISS_1;
import static io.astroshield.domain.catalog.TleReaderTest.ISS_2;
import static io.astroshield.domain.catalog.TleReaderTest.PADDED_1;
import static io.astroshield.domain.catalog.TleReaderTest.PADDED_2;
import static io.astroshield.domain.catalog.TleReaderTest.Z9999_1;
import static io.astroshield.domain.catalog.TleReaderTest.Z9999_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TleWriterTest {

    @Test
    void readWriteReadGivesEqualElementSets() {
        // given
        String original = String.join("\n", "0 ISS (ZARYA)", ISS_1, ISS_2, "0 A5", A0000_1, A0000_2,
                Z9999_1, Z9999_2, "0 VANGUARD 1", PADDED_1, PADDED_2);
        List<ElementSet> first = TleReader.read("orig", original).records();
        assertThat(first).hasSize(4);

        // when
        List<String> written = new ArrayList<>();
        first.forEach(s -> written.addAll(TleWriter.formatWithTitle(s)));
        ReadResult<ElementSet> again = TleReader.read("orig", String.join("\n", written));

        // then: every field equal (the source line moves where a title is added or dropped)
        assertThat(again.diagnostics()).isEmpty();
        assertThat(again.records()).hasSize(first.size());
        for (int k = 0; k < first.size(); k++) {
            assertThat(again.records().get(k)).usingRecursiveComparison().ignoringFields("source").isEqualTo(first.get(k));
        }
    }

    @Test
    void writtenLinesMatchThePublishedIssLinesExceptTheZeroExponentSign() {
        // the published lines write n-ddot zero as ' 00000-0'; we write ' 00000+0', which moves the checksum by 1
        ElementSet iss = TleReader.read("iss", ISS_1 + "\n" + ISS_2).records().get(0);
        List<String> lines = TleWriter.format(iss);
        assertThat(lines.get(0)).isEqualTo("1 25544U 98067A   08264.51782528 -.00002182  00000+0 -11606-4 0  2926");
        assertThat(lines.get(1)).isEqualTo(ISS_2);
    }

    @Test
    void writtenLinesAreAcceptedByOrekit() {
        ElementSet z = TleReader.read("z", Z9999_1 + "\n" + Z9999_2).records().get(0);
        List<String> lines = TleWriter.format(z);
        assertThat(TLE.isFormatOK(lines.get(0), lines.get(1))).isTrue();
        TLE orekit = new TLE(lines.get(0), lines.get(1), ReferenceData.builtIn().utc());
        assertThat(orekit.getSatelliteNumber()).isEqualTo(339_999);
    }

    @Test
    void alpha5AndBlankPaddedNumbersAreWrittenInFiveColumns() {
        assertThat(CatalogNumber.encode(5)).isEqualTo("00005");
        assertThat(CatalogNumber.encode(99_999)).isEqualTo("99999");
        assertThat(CatalogNumber.encode(100_000)).isEqualTo("A0000");
        assertThat(CatalogNumber.encode(180_001)).isEqualTo("J0001"); // 18 = J, since I is skipped
        assertThat(CatalogNumber.encode(339_999)).isEqualTo("Z9999");
        assertThat(CatalogNumber.decode("J0001")).isEqualTo(180_001);
        assertThat(CatalogNumber.decode("P1234")).isEqualTo(231_234); // P = 23, since I and O are skipped
        assertThat(CatalogNumber.decode("   42")).isEqualTo(42);
        assertThatThrownBy(() -> CatalogNumber.decode("O1234")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CatalogNumber.encode(340_000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void impliedDecimalFieldsRoundToFiveSignificantDigits() {
        assertThat(TleWriter.impliedDecimal(-0.11606e-4, "B*")).isEqualTo("-11606-4");
        assertThat(TleWriter.impliedDecimal(1.0e-4, "B*")).isEqualTo(" 10000-3");
        assertThat(TleWriter.impliedDecimal(0.999996e-3, "B*")).isEqualTo(" 10000-2");
        assertThat(TleWriter.impliedDecimal(1.2345, "B*")).isEqualTo(" 12345+1");
        assertThat(TleWriter.impliedDecimal(0.0, "B*")).isEqualTo(" 00000+0");
    }

    @Test
    void cosparDesignatorsAreWrittenInTleForm() {
        assertThat(TleWriter.tleDesignator("1998-067A")).isEqualTo("98067A");
        assertThat(TleWriter.tleDesignator("2021-099ZZZ")).isEqualTo("21099ZZZ");
        assertThat(TleWriter.tleDesignator(null)).isEmpty();
    }

    @Test
    void epochRoundsToTheNearestHundredMillionthOfADayAndCarriesIntoTheNextDay() {
        ElementSet iss = TleReader.read("iss", ISS_1 + "\n" + ISS_2).records().get(0);
        // 1e-8 day = 864 us: 0.4 us before midnight rounds up into day 001 of the next year
        ElementSet late = new ElementSet(iss.noradId(), null, null, 'U', Instant.parse("2021-12-31T23:59:59.9999996Z"),
                iss.meanMotionRadPerS(), iss.eccentricity(), iss.inclinationRad(), iss.raanRad(), iss.argOfPerigeeRad(),
                iss.meanAnomalyRad(), 0, 0, 0, 1, 1, 0, ObjectType.UNKNOWN, "x");
        assertThat(TleWriter.format(late).get(0).substring(18, 32)).isEqualTo("22001.00000000");
    }
}
