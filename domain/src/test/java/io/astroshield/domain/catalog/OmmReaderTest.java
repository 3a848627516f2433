package io.astroshield.domain.catalog;

import io.astroshield.domain.input.Diagnostic;
import io.astroshield.domain.input.ReadResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OmmReaderTest {

    // The OMM example of CCSDS 502.0-B-2/-3 (GOES 9, NOAA/USA), reproduced by hand in KVN.
    static final String GOES9_KVN = """
            CCSDS_OMM_VERS = 2.0
            CREATION_DATE = 2007-065T16:00:00
            ORIGINATOR = NOAA/USA
            OBJECT_NAME = GOES 9
            OBJECT_ID = 1995-025A
            CENTER_NAME = EARTH
            REF_FRAME = TEME
            TIME_SYSTEM = UTC
            MEAN_ELEMENT_THEORY = SGP/SGP4
            EPOCH = 2007-064T10:34:41.4264
            MEAN_MOTION = 1.00273272 [rev/day]
            ECCENTRICITY = 0.0005013
            INCLINATION = 3.0539 [deg]
            RA_OF_ASC_NODE = 81.7939 [deg]
            ARG_OF_PERICENTER = 249.2363 [deg]
            MEAN_ANOMALY = 150.1602 [deg]
            GM = 398600.8 [km**3/s**2]
            EPHEMERIS_TYPE = 0
            CLASSIFICATION_TYPE = U
            NORAD_CAT_ID = 23581
            ELEMENT_SET_NO = 0925
            REV_AT_EPOCH = 4316
            BSTAR = 0.0001 [1/ER]
            MEAN_MOTION_DOT = -0.00000113 [rev/day**2]
            MEAN_MOTION_DDOT = 0.0 [rev/day**3]
            """;

    // The TLE the standard gives as the source of that OMM (checksums verified by hand).
    static final String GOES9_TLE = """
            GOES 9
            1 23581U 95025A   07064.44075725 -.00000113  00000-0  10000-3 0  9250
            2 23581   3.0539  81.7939 0005013 249.2363 150.1602  1.00273272 43169
            """;

    // The same OMM in the CCSDS NDM/XML layout (502.0-B-3 annex), written by hand.
    static final String GOES9_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <omm xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:noNamespaceSchemaLocation="https://sanaregistry.org/r/ndmxml_unqualified/ndmxml-3.0.0-master-3.0.xsd"
                 id="CCSDS_OMM_VERS" version="3.0">
              <header>
                <CREATION_DATE>2007-065T16:00:00</CREATION_DATE>
                <ORIGINATOR>NOAA/USA</ORIGINATOR>
              </header>
              <body>
                <segment>
                  <metadata>
                    <OBJECT_NAME>GOES 9</OBJECT_NAME>
                    <OBJECT_ID>1995-025A</OBJECT_ID>
                    <CENTER_NAME>EARTH</CENTER_NAME>
                    <REF_FRAME>TEME</REF_FRAME>
                    <TIME_SYSTEM>UTC</TIME_SYSTEM>
                    <MEAN_ELEMENT_THEORY>SGP4</MEAN_ELEMENT_THEORY>
                  </metadata>
                  <data>
                    <COMMENT>mean elements of the standard's example</COMMENT>
                    <meanElements>
                      <EPOCH>2007-064T10:34:41.4264</EPOCH>
                      <MEAN_MOTION units="rev/day">1.00273272</MEAN_MOTION>
                      <ECCENTRICITY>0.0005013</ECCENTRICITY>
                      <INCLINATION units="deg">3.0539</INCLINATION>
                      <RA_OF_ASC_NODE units="deg">81.7939</RA_OF_ASC_NODE>
                      <ARG_OF_PERICENTER units="deg">249.2363</ARG_OF_PERICENTER>
                      <MEAN_ANOMALY units="deg">150.1602</MEAN_ANOMALY>
                      <GM units="km**3/s**2">398600.8</GM>
                    </meanElements>
                    <tleParameters>
                      <EPHEMERIS_TYPE>0</EPHEMERIS_TYPE>
                      <CLASSIFICATION_TYPE>U</CLASSIFICATION_TYPE>
                      <NORAD_CAT_ID>23581</NORAD_CAT_ID>
                      <ELEMENT_SET_NO>0925</ELEMENT_SET_NO>
                      <REV_AT_EPOCH>4316</REV_AT_EPOCH>
                      <BSTAR units="1/ER">0.0001</BSTAR>
                      <MEAN_MOTION_DOT units="rev/day**2">-0.00000113</MEAN_MOTION_DOT>
                      <MEAN_MOTION_DDOT units="rev/day**3">0.0</MEAN_MOTION_DDOT>
                    </tleParameters>
                  </data>
                </segment>
              </body>
            </omm>
            """;

    private static ElementSet only(ReadResult<ElementSet> result) {
        assertThat(result.errors()).isEmpty();
        assertThat(result.records()).hasSize(1);
        return result.records().get(0);
    }

    @Test
    void standardKvnExampleEqualsTheTleItWasMadeFrom() {
        // given: Orekit-independent reference is our TLE reader on the TLE the standard derives the OMM from
        ElementSet fromTle = only(TleReader.read("goes9.tle", GOES9_TLE));

        // when
        ElementSet fromOmm = only(OmmReader.read("goes9.omm", GOES9_KVN));

        // then: same numbers; the OMM writes the COSPAR designator where the TLE writes 95025A
        assertThat(fromOmm).usingRecursiveComparison().ignoringFields("source", "internationalDesignator")
                .withComparatorForType((a, b) -> Math.abs(a - b) <= 1e-15 * Math.max(1, Math.abs(a)) ? 0 : 1, Double.class)
                .isEqualTo(fromTle);
        assertThat(fromOmm.internationalDesignator()).isEqualTo("1995-025A");
        assertThat(fromOmm.source()).isEqualTo("goes9.omm:1");
    }

    @Test
    void standardExampleValuesInSiUnits() {
        ElementSet goes = only(OmmReader.read("goes9.omm", GOES9_KVN));
        // 2007 day 64 = 5 March (31 + 28 + 5)
        assertThat(goes.epoch()).isEqualTo(Instant.parse("2007-03-05T10:34:41.426400Z"));
        assertThat(goes.noradId()).isEqualTo(23581);
        assertThat(goes.name()).isEqualTo("GOES 9");
        assertThat(goes.meanMotionRadPerS()).isCloseTo(1.00273272 * 2 * Math.PI / 86_400, within(1e-18));
        assertThat(goes.inclinationRad()).isCloseTo(3.0539 * Math.PI / 180, within(1e-16));
        assertThat(goes.bStarPerEarthRadius()).isCloseTo(1e-4, within(1e-19));
        // MEAN_MOTION_DOT is the TLE field n-dot/2: n-dot = 2 * -1.13e-6 rev/day^2 * 2pi / 86400^2
        assertThat(goes.meanMotionDotRadPerS2()).isCloseTo(2 * -1.13e-6 * 2 * Math.PI / (86_400.0 * 86_400.0), within(1e-27));
        assertThat(goes.elementSetNumber()).isEqualTo(925);
        assertThat(goes.revolutionNumberAtEpoch()).isEqualTo(4316);
    }

    @Test
    void xmlReadsTheSameAsKvn() {
        ElementSet kvn = only(OmmReader.read("goes9.omm", GOES9_KVN));
        ElementSet xml = only(OmmReader.read("goes9.xml", GOES9_XML));
        assertThat(xml).usingRecursiveComparison().ignoringFields("source").isEqualTo(kvn);
        // StAX reports where a start tag ends: the <omm> tag spans lines 2-4
        assertThat(xml.source()).isEqualTo("goes9.xml:4");
    }

    @Test
    void concatenatedKvnMessagesKeepTheGoodOnesAroundABadOne() {
        // given: three OMMs, the second with a non-numeric inclination
        String bad = GOES9_KVN.replace("INCLINATION = 3.0539 [deg]", "INCLINATION = 3.05x39 [deg]")
                .replace("NORAD_CAT_ID = 23581", "NORAD_CAT_ID = 23582");
        String third = GOES9_KVN.replace("NORAD_CAT_ID = 23581", "NORAD_CAT_ID = 23583");
        String text = GOES9_KVN + "\n" + bad + third;

        // when
        ReadResult<ElementSet> result = OmmReader.read("three.omm", text);

        // then: the first message has 25 lines, a blank line 26, so the bad message's line 13 is line 39
        assertThat(result.records()).extracting(ElementSet::noradId).containsExactly(23581, 23583);
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(39);
            assertThat(d.field()).isEqualTo("INCLINATION");
            assertThat(d.reason()).contains("3.05x39");
        });
        assertThat(result.records().get(1).source()).isEqualTo("three.omm:52");
    }

    @Test
    void ndmXmlWithSeveralOmmsKeepsTheGoodOnes() {
        String omm = GOES9_XML.substring(GOES9_XML.indexOf("<omm"));
        String bad = omm.replace("<MEAN_ELEMENT_THEORY>SGP4</MEAN_ELEMENT_THEORY>",
                "<MEAN_ELEMENT_THEORY>DSST</MEAN_ELEMENT_THEORY>");
        String second = omm.replace("<NORAD_CAT_ID>23581</NORAD_CAT_ID>", "<NORAD_CAT_ID>A0001</NORAD_CAT_ID>");
        String ndm = "<?xml version=\"1.0\"?>\n<ndm>\n" + omm + bad + second + "</ndm>\n";

        ReadResult<ElementSet> result = OmmReader.read("gp.xml", ndm);

        assertThat(result.records()).extracting(ElementSet::noradId).containsExactly(23581, 100_001);
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("MEAN_ELEMENT_THEORY");
            assertThat(d.reason()).contains("DSST").contains("SGP4");
            assertThat(d.line()).isGreaterThan(50);
        });
    }

    @Test
    void nonSgp4TheoryIsRejected() {
        ReadResult<ElementSet> result = OmmReader.read("b", GOES9_KVN.replace("SGP/SGP4", "BROUWER"));
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(9);
            assertThat(d.field()).isEqualTo("MEAN_ELEMENT_THEORY");
        });
    }

    @Test
    void sgp4XpWithBtermAndAgomIsKeptWithEphemerisType4AndAWarning() {
        String xp = GOES9_KVN.replace("SGP/SGP4", "SGP4-XP")
                .replace("EPHEMERIS_TYPE = 0\n", "")
                .replace("BSTAR = 0.0001 [1/ER]", "BTERM = 0.0123 [m**2/kg]")
                .replace("MEAN_MOTION_DDOT = 0.0 [rev/day**3]", "AGOM = 0.011 [m**2/kg]");
        ReadResult<ElementSet> result = OmmReader.read("xp", xp);
        assertThat(result.errors()).isEmpty();
        assertThat(result.records()).singleElement().satisfies(s -> {
            assertThat(s.ephemerisType()).isEqualTo(4);
            assertThat(s.bStarPerEarthRadius()).isZero();
        });
        assertThat(result.warnings()).singleElement().satisfies(d -> assertThat(d.field()).isEqualTo("BTERM"));
    }

    @Test
    void wrongUnitIsRejected() {
        ReadResult<ElementSet> result = OmmReader.read("u", GOES9_KVN.replace("3.0539 [deg]", "3.0539 [rad]"));
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("INCLINATION");
            assertThat(d.reason()).contains("[rad]").contains("[deg]");
        });
    }

    @Test
    void missingMandatoryKeywordNamesItAndTheMessageStart() {
        ReadResult<ElementSet> result = OmmReader.read("m", GOES9_KVN.replace("NORAD_CAT_ID = 23581\n", ""));
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("NORAD_CAT_ID");
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.reason()).contains("missing");
        });
    }

    @Test
    void duplicateKeywordIsRejected() {
        ReadResult<ElementSet> result = OmmReader.read("d", GOES9_KVN + "ECCENTRICITY = 0.1\n");
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(26);
            assertThat(d.reason()).contains("twice").contains("line 12");
        });
    }

    @Test
    void unknownKeywordIsAWarningAndTheRecordIsKept() {
        ReadResult<ElementSet> result = OmmReader.read("w", GOES9_KVN + "FAVOURITE_COLOUR = blue\n");
        assertThat(result.records()).hasSize(1);
        assertThat(result.warnings()).singleElement().satisfies(d -> assertThat(d.line()).isEqualTo(26));
    }

    @Test
    void epochInTaiIsConvertedToUtc() {
        // TAI - UTC = 37 s since 2017-01-01 (IERS Bulletin C), so 00:00:37 TAI is 00:00:00 UTC
        String tai = GOES9_KVN.replace("TIME_SYSTEM = UTC", "TIME_SYSTEM = TAI")
                .replace("EPOCH = 2007-064T10:34:41.4264", "EPOCH = 2022-01-22T00:00:37.000001");
        assertThat(only(OmmReader.read("tai", tai)).epoch()).isEqualTo(Instant.parse("2022-01-22T00:00:00.000001Z"));
    }

    @Test
    void unsupportedTimeSystemIsRejected() {
        ReadResult<ElementSet> result = OmmReader.read("t", GOES9_KVN.replace("TIME_SYSTEM = UTC", "TIME_SYSTEM = MET"));
        assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.reason()).contains("MET"));
    }

    @Test
    void elementsOutsideTemeAreRejected() {
        ReadResult<ElementSet> result = OmmReader.read("f", GOES9_KVN.replace("REF_FRAME = TEME", "REF_FRAME = EME2000"));
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("REF_FRAME");
            assertThat(d.line()).isEqualTo(7);
        });
    }

    @Test
    void hyperbolicEccentricityFailsElementSetValidation() {
        ReadResult<ElementSet> result = OmmReader.read("e", GOES9_KVN.replace("ECCENTRICITY = 0.0005013", "ECCENTRICITY = 1.2"));
        assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.reason()).contains("eccentricity"));
    }

    @Test
    void badEpochIsRejected() {
        ReadResult<ElementSet> result = OmmReader.read("e", GOES9_KVN.replace("2007-064T10:34:41.4264", "2007-02-30T10:34:41"));
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("EPOCH");
            assertThat(d.line()).isEqualTo(10);
        });
    }

    @Test
    void keywordsBeforeTheVersionLineAreRejected() {
        ReadResult<ElementSet> result = OmmReader.read("v", "OBJECT_NAME = X\n" + GOES9_KVN);
        assertThat(result.records()).hasSize(1);
        assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.reason()).contains("CCSDS_OMM_VERS"));
    }

    @Test
    void malformedXmlKeepsEarlierMessagesAndNamesTheLine() {
        String omm = GOES9_XML.substring(GOES9_XML.indexOf("<omm"));
        String broken = omm.replace("<ECCENTRICITY>0.0005013</ECCENTRICITY>", "<ECCENTRICITY>0.0005013</ECCENTRIC>");
        ReadResult<ElementSet> result = OmmReader.read("broken.xml", "<ndm>\n" + omm + broken + "</ndm>");
        assertThat(result.records()).hasSize(1);
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.reason()).startsWith("not well-formed XML");
            assertThat(d.line()).isGreaterThan(40);
        });
    }

    @Test
    void xmlExternalEntitiesAreNotResolved() {
        // a DOCTYPE pulling a local file into OBJECT_NAME must not be expanded
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE omm [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + GOES9_XML.substring(GOES9_XML.indexOf("<omm")).replace("<OBJECT_NAME>GOES 9", "<OBJECT_NAME>&x;");
        ReadResult<ElementSet> result = OmmReader.read("xxe.xml", xxe);
        assertThat(result.records()).noneMatch(s -> s.name() != null && s.name().contains("root"));
        assertThat(result.errors()).isNotEmpty();
        assertThat(result.errors()).map(Diagnostic::reason).noneMatch(r -> r.contains(Inputs.INTERNAL_ERROR));
    }

    @Test
    void longDigitRunIsRejectedWithoutQuadraticBacktracking() {
        // found by ReadersFuzzTest: a 200,000-digit value ending in a letter made the number pattern backtrack for minutes
        String huge = GOES9_KVN.replace("MEAN_MOTION = 1.00273272", "MEAN_MOTION = " + "7".repeat(200_000) + "x");
        ReadResult<ElementSet> result = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(5), () -> OmmReader.read("huge", huge));
        assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.field()).isEqualTo("MEAN_MOTION"));
    }

    @Test
    void xmlWithoutOmmIsOneError() {
        ReadResult<ElementSet> result = OmmReader.read("x.xml", "<opm/>");
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).hasSize(1);
    }
}
