package io.astroshield.domain.catalog;

import io.astroshield.domain.input.Diagnostic;
import io.astroshield.domain.input.ReadResult;
import io.astroshield.domain.time.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.orekit.propagation.analytical.tle.TLE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TleReaderTest {

    // The ISS example of the "Two-line element set" article (Wikipedia), checksums as published.
    static final String ISS_1 = "1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927";
    static final String ISS_2 = "2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537";
    // Hand-made sets for Alpha-5, blank padding, signs and the century pivot; checksums computed by hand
    // (sum of digits, '-' = 1, modulo 10).
    static final String A0000_1 = "1 A0000U 20001A   21001.00000000  .00001000  00000-0  12345-3 0  9996";
    static final String A0000_2 = "2 A0000  53.0000 120.5000 0001500  90.0000 270.0000 15.05000000 12343";
    static final String Z9999_1 = "1 Z9999S 21099ZZZ 21365.99999999 -.00000001  12345+1 -99999-9 0    12";
    static final String Z9999_2 = "2 Z9999  98.7654 359.9999 9999999   0.0001 180.0000  1.00273791    14";
    static final String PADDED_1 = "1     5U 58002B   57300.12345678  .00000105  00000-0  15609-3 0  9991";
    static final String PADDED_2 = "2     5  34.2401 228.9165 1843365 100.8944 280.3452 10.84849428 26864";

    private static final double RAD_PER_DEG = Math.PI / 180;
    private static final double REV_PER_DAY = 2 * Math.PI / 86_400;

    private final ReferenceData reference = ReferenceData.builtIn();

    private static String text(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void issExampleReadsInSiUnits() {
        // when
        ReadResult<ElementSet> result = TleReader.read("iss.tle", text("ISS (ZARYA)", ISS_1, ISS_2));

        // then: expected values are the published fields converted by hand (deg * pi/180, rev/day * 2pi/86400)
        assertThat(result.diagnostics()).isEmpty();
        ElementSet iss = result.records().get(0);
        assertThat(iss.noradId()).isEqualTo(25544);
        assertThat(iss.name()).isEqualTo("ISS (ZARYA)");
        assertThat(iss.internationalDesignator()).isEqualTo("98067A");
        assertThat(iss.classification()).isEqualTo('U');
        assertThat(iss.inclinationRad()).isCloseTo(51.6416 * RAD_PER_DEG, within(1e-15));
        assertThat(iss.raanRad()).isCloseTo(247.4627 * RAD_PER_DEG, within(1e-15));
        assertThat(iss.eccentricity()).isCloseTo(0.0006703, within(1e-18));
        assertThat(iss.argOfPerigeeRad()).isCloseTo(130.5360 * RAD_PER_DEG, within(1e-15));
        assertThat(iss.meanAnomalyRad()).isCloseTo(325.0288 * RAD_PER_DEG, within(1e-15));
        assertThat(iss.meanMotionRadPerS()).isCloseTo(15.72125391 * REV_PER_DAY, within(1e-18));
        // n-dot field is n-dot/2 in rev/day^2; n-dot in rad/s^2 = 2 * field * 2pi / 86400^2
        assertThat(iss.meanMotionDotRadPerS2()).isCloseTo(2 * -0.00002182 * 2 * Math.PI / (86_400.0 * 86_400.0), within(1e-25));
        assertThat(iss.meanMotionDdotRadPerS3()).isZero();
        assertThat(iss.bStarPerEarthRadius()).isCloseTo(-0.11606e-4, within(1e-20));
        assertThat(iss.ephemerisType()).isZero();
        assertThat(iss.elementSetNumber()).isEqualTo(292);
        assertThat(iss.revolutionNumberAtEpoch()).isEqualTo(56353);
        assertThat(iss.source()).isEqualTo("iss.tle:1");
    }

    @Test
    void epochIsExactToTheNanosecond() {
        // 2008 day 264 is 20 September; 0.51782528 day = 44740.104192 s exactly = 12:25:40.104192
        ElementSet iss = TleReader.read("iss.tle", text(ISS_1, ISS_2)).records().get(0);
        assertThat(iss.epoch()).isEqualTo(Instant.parse("2008-09-20T12:25:40.104192Z"));
    }

    @Test
    void twoDigitYearsPivotAt57() {
        // TLE convention: 57-99 are 1957-1999, 00-56 are 2000-2056
        ElementSet padded = TleReader.read("p", text(PADDED_1, PADDED_2)).records().get(0);
        // 1957 day 300 = 27 October; 0.12345678 day = 10666.665792 s = 02:57:46.665792
        assertThat(padded.epoch()).isEqualTo(Instant.parse("1957-10-27T02:57:46.665792Z"));
        String line1 = "1 43210C 18099AB  56001.00000000 +.00012345 +12345-5 +54321-4 0 12346";
        String line2 = "2 43210 000.0000 000.0000 0000000 000.0000 000.0000 00.00000001    03";
        ElementSet future = TleReader.read("f", text(line1, line2)).records().get(0);
        assertThat(future.epoch()).isEqualTo(Instant.parse("2056-01-01T00:00:00Z"));
    }

    @Test
    void lastFractionOfTheLastDayOfTheYearStaysInThatYear() {
        // 2021 has 365 days; day 365.99999999 = 31 Dec + 86399.999136 s
        ElementSet z = TleReader.read("z", text(Z9999_1, Z9999_2)).records().get(0);
        assertThat(z.epoch()).isEqualTo(Instant.parse("2021-12-31T23:59:59.999136Z"));
    }

    @Test
    void alpha5CatalogNumbersDecode() {
        // A = 10 and Z = 33 (I and O are skipped): A0000 = 100000, Z9999 = 339999
        ReadResult<ElementSet> result = TleReader.read("a5", text(A0000_1, A0000_2, Z9999_1, Z9999_2));
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.records()).extracting(ElementSet::noradId).containsExactly(100_000, 339_999);
        assertThat(result.records().get(1).classification()).isEqualTo('S');
        assertThat(result.records().get(1).internationalDesignator()).isEqualTo("21099ZZZ");
    }

    @Test
    void blankPaddedCatalogNumbersDecode() {
        ReadResult<ElementSet> result = TleReader.read("pad", text(PADDED_1, PADDED_2));
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.records().get(0).noradId()).isEqualTo(5);
        assertThat(result.records().get(0).name()).isNull();
    }

    @Test
    void signedAndExponentFieldsReadAsWritten() {
        // ' 12345+1' = 0.12345e1, '-99999-9' = -0.99999e-9 (the implied-decimal form)
        ElementSet z = TleReader.read("z", text(Z9999_1, Z9999_2)).records().get(0);
        assertThat(z.meanMotionDdotRadPerS3()).isCloseTo(6 * 1.2345 * 2 * Math.PI / Math.pow(86_400.0, 3), within(1e-25));
        assertThat(z.bStarPerEarthRadius()).isCloseTo(-0.99999e-9, within(1e-22));
        assertThat(z.eccentricity()).isCloseTo(0.9999999, within(1e-16));
    }

    static Stream<List<String>> orekitComparable() {
        return Stream.of(List.of(ISS_1, ISS_2), List.of(A0000_1, A0000_2), List.of(Z9999_1, Z9999_2),
                // zero-padded and moved to 1998: Orekit's UTC scale starts in 1961
                List.of(fixChecksum(PADDED_1.replace("    5", "00005").replace("57300", "98300")),
                        fixChecksum(PADDED_2.replace("    5", "00005"))));
    }

    @ParameterizedTest
    @MethodSource("orekitComparable")
    void everyFieldAgreesWithOrekitsOwnTleParser(List<String> lines) {
        // given: Orekit's TLE class as an independent reader of the same lines (SI units too)
        TLE orekit = new TLE(lines.get(0), lines.get(1), reference.utc());

        // when
        ElementSet ours = TleReader.read("x", text(lines.get(0), lines.get(1))).records().get(0);

        // then
        assertThat(ours.noradId()).isEqualTo(orekit.getSatelliteNumber());
        assertThat(ours.classification()).isEqualTo(orekit.getClassification());
        assertThat(reference.toDate(ours.epoch()).durationFrom(orekit.getDate())).isCloseTo(0.0, within(1e-6));
        assertThat(ours.meanMotionRadPerS()).isCloseTo(orekit.getMeanMotion(), within(1e-15));
        assertThat(ours.meanMotionDotRadPerS2()).isCloseTo(orekit.getMeanMotionFirstDerivative(), within(1e-22));
        assertThat(ours.meanMotionDdotRadPerS3()).isCloseTo(orekit.getMeanMotionSecondDerivative(), within(1e-27));
        assertThat(ours.eccentricity()).isCloseTo(orekit.getE(), within(1e-15));
        assertThat(ours.inclinationRad()).isCloseTo(orekit.getI(), within(1e-14));
        assertThat(ours.raanRad()).isCloseTo(orekit.getRaan(), within(1e-14));
        assertThat(ours.argOfPerigeeRad()).isCloseTo(orekit.getPerigeeArgument(), within(1e-14));
        assertThat(ours.meanAnomalyRad()).isCloseTo(orekit.getMeanAnomaly(), within(1e-14));
        assertThat(ours.bStarPerEarthRadius()).isCloseTo(orekit.getBStar(), within(1e-18));
        assertThat(ours.elementSetNumber()).isEqualTo(orekit.getElementNumber());
        assertThat(ours.revolutionNumberAtEpoch()).isEqualTo(orekit.getRevolutionNumberAtEpoch());
        assertThat(ours.ephemerisType()).isEqualTo(orekit.getEphemerisType());
    }

    @Test
    void threeLineTitlesWithAndWithoutZeroPrefix() {
        ReadResult<ElementSet> result = TleReader.read("3le",
                text("0 VANGUARD R/B", PADDED_1, PADDED_2, "ISS (ZARYA)", ISS_1, ISS_2, "0 COSMOS 2251 DEB", A0000_1, A0000_2));
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.records()).extracting(ElementSet::name)
                .containsExactly("VANGUARD R/B", "ISS (ZARYA)", "COSMOS 2251 DEB");
        assertThat(result.records()).extracting(ElementSet::objectType)
                .containsExactly(ObjectType.ROCKET_BODY, ObjectType.UNKNOWN, ObjectType.DEBRIS);
        assertThat(result.records()).extracting(ElementSet::source).containsExactly("3le:1", "3le:4", "3le:7");
    }

    @Test
    void mixedTwoAndThreeLineRecordsRead() {
        ReadResult<ElementSet> result = TleReader.read("mix", text(ISS_1, ISS_2, "0 A", A0000_1, A0000_2, PADDED_1, PADDED_2));
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.records()).extracting(ElementSet::name).containsExactly(null, "A", null);
    }

    @Test
    void crlfTrailingBlanksBlankLinesAndByteOrderMarkAreTolerated() {
        String crlf = "\uFEFF0 ISS (ZARYA)  \r\n" + ISS_1 + "   \r\n" + ISS_2 + "\t\r\n\r\n\r\n" + A0000_1 + "\r\n" + A0000_2;
        ReadResult<ElementSet> result = TleReader.read("crlf", crlf);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.records()).extracting(ElementSet::noradId).containsExactly(25544, 100_000);
        assertThat(result.records().get(0).name()).isEqualTo("ISS (ZARYA)");
    }

    @Test
    void checksumMismatchNamesFileLineExpectedAndFoundAndKeepsTheOthers() {
        String bad2 = ISS_2.substring(0, 68) + "0";
        ReadResult<ElementSet> result = TleReader.read("cat.tle", text("0 A", A0000_1, A0000_2, "0 ISS", ISS_1, bad2,
                PADDED_1, PADDED_2));
        assertThat(result.records()).extracting(ElementSet::noradId).containsExactly(100_000, 5);
        assertThat(result.diagnostics()).hasSize(1);
        Diagnostic d = result.diagnostics().get(0);
        assertThat(d.isError()).isTrue();
        assertThat(d.line()).isEqualTo(6);
        assertThat(d.field()).isEqualTo("checksum");
        assertThat(d.toString()).startsWith("cat.tle:6: ").contains("expected 7").contains("found 0");
    }

    @Test
    void nonDigitChecksumIsAnError() {
        ReadResult<ElementSet> result = TleReader.read("c", text(ISS_1.substring(0, 68) + "X", ISS_2));
        assertThat(result.records()).isEmpty();
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.reason()).contains("'X'").contains("expected 7");
        });
    }

    @Test
    void shortLineIsRejected() {
        ReadResult<ElementSet> result = TleReader.read("s", text(ISS_1, ISS_2.substring(0, 60), A0000_1, A0000_2));
        assertThat(result.records()).extracting(ElementSet::noradId).containsExactly(100_000);
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.reason()).contains("60 columns").contains("69");
        });
    }

    @Test
    void textAfterColumn69IsRejected() {
        ReadResult<ElementSet> result = TleReader.read("l", text(ISS_1 + " extra", ISS_2));
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.reason()).contains("after column 69"));
    }

    @Test
    void mismatchedCatalogNumbersAreRejected() {
        // line 2 of A0000 under line 1 of the ISS: checksums fine, catalog numbers differ
        ReadResult<ElementSet> result = TleReader.read("m", text(ISS_1, A0000_2));
        assertThat(result.records()).isEmpty();
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("catalog number");
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.reason()).contains("100000").contains("25544");
        });
    }

    @Test
    void badExponentFieldIsRejected() {
        // B* '-11606-4' becomes '-11606x4', the checksum fixed so only the exponent is wrong
        String line1 = fixChecksum(ISS_1.substring(0, 59) + "x" + ISS_1.substring(60, 68));
        ReadResult<ElementSet> result = TleReader.read("e", text(line1, ISS_2));
        assertThat(result.records()).isEmpty();
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("B*");
            assertThat(d.reason()).contains("implied-decimal");
        });
    }

    @Test
    void badEpochDayIsRejected() {
        // day 400 does not exist; 2008 has 366 days
        String line1 = fixChecksum(ISS_1.substring(0, 20) + "400" + ISS_1.substring(23, 68));
        ReadResult<ElementSet> result = TleReader.read("d", text(line1, ISS_2));
        assertThat(result.records()).isEmpty();
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("epoch");
            assertThat(d.reason()).contains("400").contains("1..366");
        });
    }

    @Test
    void nonNumericEpochIsRejected() {
        String line1 = fixChecksum(ISS_1.substring(0, 24) + "5x782528" + ISS_1.substring(32, 68));
        ReadResult<ElementSet> result = TleReader.read("d", text(line1, ISS_2));
        assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.field()).isEqualTo("epoch"));
    }

    @Test
    void nonNumericFieldIsRejected() {
        String line2 = fixChecksum(ISS_2.substring(0, 10) + "1A6416" + ISS_2.substring(16, 68));
        ReadResult<ElementSet> result = TleReader.read("n", text(ISS_1, line2));
        assertThat(result.records()).isEmpty();
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("inclination");
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.reason()).contains("columns 9-16");
        });
    }

    @Test
    void nanOrExponentInADecimalFieldIsRejected() {
        String line2 = fixChecksum(ISS_2.substring(0, 8) + "     NaN" + ISS_2.substring(16, 68));
        assertThat(TleReader.read("n", text(ISS_1, line2)).errors()).hasSize(1);
        String line2e = fixChecksum(ISS_2.substring(0, 8) + "  5.1e01" + ISS_2.substring(16, 68));
        assertThat(TleReader.read("n", text(ISS_1, line2e)).errors()).hasSize(1);
    }

    @Test
    void invalidCatalogNumberIsRejected() {
        // 'I' is not an Alpha-5 letter
        String line1 = fixChecksum("1 I0000" + ISS_1.substring(7, 68));
        String line2 = fixChecksum("2 I0000" + ISS_2.substring(7, 68));
        ReadResult<ElementSet> result = TleReader.read("i", text(line1, line2));
        assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.field()).isEqualTo("catalog number"));
    }

    @Test
    void elementSetValidationFailureIsADiagnostic() {
        // inclination 190 deg passes the column rules but not ElementSet's 0..pi check
        String line2 = fixChecksum(ISS_2.substring(0, 8) + "190.0000" + ISS_2.substring(16, 68));
        ReadResult<ElementSet> result = TleReader.read("v", text(ISS_1, line2));
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.reason()).contains("inclinationRad"));
    }

    @Test
    void zeroMeanMotionIsADiagnostic() {
        String line2 = fixChecksum(ISS_2.substring(0, 52) + " 0.00000000" + ISS_2.substring(63, 68));
        ReadResult<ElementSet> result = TleReader.read("v", text(ISS_1, line2));
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.reason()).contains("meanMotion"));
    }

    @Test
    void strayLinesAreReportedAndTheReaderResynchronises() {
        ReadResult<ElementSet> result = TleReader.read("stray", text(ISS_1, "0 DANGLING TITLE", ISS_2, A0000_1, A0000_2,
                "0 LAST TITLE"));
        assertThat(result.records()).extracting(ElementSet::noradId).containsExactly(100_000);
        assertThat(result.errors()).extracting(Diagnostic::line).containsExactly(1, 3, 6);
        assertThat(result.errors().get(0).reason()).contains("not followed by a line 2");
        assertThat(result.errors().get(1).reason()).contains("without a line 1");
        assertThat(result.errors().get(2).reason()).contains("not followed by TLE lines");
    }

    @Test
    void emptyTextGivesNoRecordsAndNoErrors() {
        assertThat(TleReader.read("empty", "").records()).isEmpty();
        assertThat(TleReader.read("empty", "\n\n  \n").diagnostics()).isEmpty();
    }

    @Test
    void readsAFileAndNamesItInSources(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("iss.3le");
        Files.writeString(file, text("0 ISS (ZARYA)", ISS_1, ISS_2), StandardCharsets.US_ASCII);
        ReadResult<ElementSet> result = TleReader.read(file);
        assertThat(result.records()).singleElement().satisfies(s -> assertThat(s.source()).isEqualTo(file + ":1"));
    }

    @Test
    void missingFileIsOneErrorAtLineZero(@TempDir Path dir) {
        Path file = dir.resolve("nope.tle");
        ReadResult<ElementSet> result = TleReader.read(file);
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.line()).isZero();
            assertThat(d.source()).isEqualTo(file.toString());
            assertThat(d.reason()).startsWith("cannot read file");
        });
    }

    /** Replaces column 69 with the checksum, computed here independently of the reader. */
    static String fixChecksum(String first68) {
        int sum = 0;
        for (char c : first68.substring(0, 68).toCharArray()) {
            sum += Character.isDigit(c) ? c - '0' : c == '-' ? 1 : 0;
        }
        return first68.substring(0, 68) + (sum % 10);
    }
}
