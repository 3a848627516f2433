package io.astroshield.domain.catalog;

import io.astroshield.domain.input.ReadResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OemReaderTest {

    // Hand-written in the layout of the OEM example of CCSDS 502.0-B-3 (header, META_START..META_STOP,
    // ephemeris lines "epoch x y z vx vy vz" in km and km/s, a covariance section), for an Earth orbiter.
    static final String OEM_KVN = """
            CCSDS_OEM_VERS = 2.0
            COMMENT hand-made example, LEO at ~6800 km radius
            CREATION_DATE = 2022-01-21T12:00:00
            ORIGINATOR = ASTROSHIELD TEST
            META_START
            OBJECT_NAME = TESTSAT
            OBJECT_ID = 25544
            CENTER_NAME = EARTH
            REF_FRAME = EME2000
            TIME_SYSTEM = TAI
            START_TIME = 2022-01-22T00:00:37
            STOP_TIME = 2022-01-22T00:02:37
            INTERPOLATION = HERMITE
            INTERPOLATION_DEGREE = 7
            META_STOP
            COMMENT first block: three states one minute apart
            2022-01-22T00:00:37.000 6800.000 0.000 0.000 0.000 7.656 0.000
            2022-01-22T00:01:37.000 6783.133 459.064 0.000 -0.515 7.639 0.000
            2022-01-22T00:02:37.000 6732.678 915.855 0.000 -1.028 7.587 0.000
            COVARIANCE_START
            EPOCH = 2022-01-22T00:00:37
            COV_REF_FRAME = RTN
            1.0e-3
            0.0 1.0e-3
            0.0 0.0 1.0e-3
            0.0 0.0 0.0 1.0e-6
            0.0 0.0 0.0 0.0 1.0e-6
            0.0 0.0 0.0 0.0 0.0 1.0e-6
            COVARIANCE_STOP

            META_START
            OBJECT_NAME = TESTSAT
            OBJECT_ID = 2022-001A
            CENTER_NAME = EARTH
            REF_FRAME = GCRF
            TIME_SYSTEM = UTC
            START_TIME = 2022-01-22T00:03:00
            STOP_TIME = 2022-01-22T00:04:00
            META_STOP
            2022-01-22T00:03:00.000000001 6661.000 1360.000 0.000 -1.530 7.500 0.000 0.001 0.002 0.003
            2022-01-22T00:04:00 6567.000 1795.000 0.000 -2.020 7.380 0.000 0.001 0.002 0.003
            """;

    static final String OEM_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <oem id="CCSDS_OEM_VERS" version="2.0">
              <header><CREATION_DATE>2022-01-21T12:00:00</CREATION_DATE><ORIGINATOR>ASTROSHIELD TEST</ORIGINATOR></header>
              <body>
                <segment>
                  <metadata>
                    <OBJECT_NAME>TESTSAT</OBJECT_NAME>
                    <OBJECT_ID>25544</OBJECT_ID>
                    <CENTER_NAME>EARTH</CENTER_NAME>
                    <REF_FRAME>EME2000</REF_FRAME>
                    <TIME_SYSTEM>TAI</TIME_SYSTEM>
                    <START_TIME>2022-01-22T00:00:37</START_TIME>
                    <STOP_TIME>2022-01-22T00:02:37</STOP_TIME>
                    <INTERPOLATION>HERMITE</INTERPOLATION>
                    <INTERPOLATION_DEGREE>7</INTERPOLATION_DEGREE>
                  </metadata>
                  <data>
                    <COMMENT>first block: three states one minute apart</COMMENT>
                    <stateVector><EPOCH>2022-01-22T00:00:37.000</EPOCH>
                      <X units="km">6800.000</X><Y units="km">0.000</Y><Z units="km">0.000</Z>
                      <X_DOT units="km/s">0.000</X_DOT><Y_DOT units="km/s">7.656</Y_DOT><Z_DOT units="km/s">0.000</Z_DOT>
                    </stateVector>
                    <stateVector><EPOCH>2022-01-22T00:01:37.000</EPOCH>
                      <X>6783.133</X><Y>459.064</Y><Z>0.000</Z><X_DOT>-0.515</X_DOT><Y_DOT>7.639</Y_DOT><Z_DOT>0.000</Z_DOT>
                    </stateVector>
                    <stateVector><EPOCH>2022-01-22T00:02:37.000</EPOCH>
                      <X>6732.678</X><Y>915.855</Y><Z>0.000</Z><X_DOT>-1.028</X_DOT><Y_DOT>7.587</Y_DOT><Z_DOT>0.000</Z_DOT>
                    </stateVector>
                    <covarianceMatrix>
                      <EPOCH>2022-01-22T00:00:37</EPOCH><COV_REF_FRAME>RTN</COV_REF_FRAME><CX_X>1.0e-3</CX_X>
                    </covarianceMatrix>
                  </data>
                </segment>
              </body>
            </oem>
            """;

    @Test
    void kvnBlocksBecomeEphemeridesInMetresAndUtc() {
        ReadResult<Ephemeris> result = OemReader.read("sat.oem", OEM_KVN);

        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.records()).hasSize(2);
        Ephemeris first = result.records().get(0);
        assertThat(first.objectName()).isEqualTo("TESTSAT");
        assertThat(first.noradId()).isEqualTo(25544);
        assertThat(first.centerName()).isEqualTo("EARTH");
        assertThat(first.frameName()).isEqualTo("EME2000");
        assertThat(first.interpolationDegree()).isEqualTo(7);
        assertThat(first.source()).isEqualTo("sat.oem:5");
        assertThat(first.points()).hasSize(3);
        // TAI - UTC = 37 s in 2022 (IERS Bulletin C): 00:00:37 TAI is 00:00:00 UTC
        assertThat(first.points().get(0).time()).isEqualTo(Instant.parse("2022-01-22T00:00:00Z"));
        // km -> m and km/s -> m/s by hand
        assertThat(first.points().get(1).xM()).isCloseTo(6_783_133.0, within(1e-6));
        assertThat(first.points().get(1).yM()).isCloseTo(459_064.0, within(1e-6));
        assertThat(first.points().get(1).vxMps()).isCloseTo(-515.0, within(1e-9));
        assertThat(first.points().get(1).vyMps()).isCloseTo(7639.0, within(1e-9));

        Ephemeris second = result.records().get(1);
        assertThat(second.noradId()).isEqualTo(-1);
        assertThat(second.frameName()).isEqualTo("GCRF");
        assertThat(second.interpolationDegree()).isEqualTo(OemReader.DEFAULT_INTERPOLATION_DEGREE);
        assertThat(second.points().get(0).time()).isEqualTo(Instant.parse("2022-01-22T00:03:00.000000001Z"));
        assertThat(second.source()).isEqualTo("sat.oem:31");
    }

    @Test
    void xmlReadsTheSameAsKvn() {
        Ephemeris kvn = OemReader.read("sat.oem", OEM_KVN).records().get(0);
        ReadResult<Ephemeris> xml = OemReader.read("sat.xml", OEM_XML);
        assertThat(xml.diagnostics()).isEmpty();
        assertThat(xml.records()).singleElement().usingRecursiveComparison().ignoringFields("source").isEqualTo(kvn);
    }

    @Test
    void badEphemerisLineRejectsItsBlockOnlyAndNamesTheLine() {
        String text = OEM_KVN.replace("6783.133 459.064", "6783.133 45q.064");
        ReadResult<Ephemeris> result = OemReader.read("sat.oem", text);
        assertThat(result.records()).extracting(Ephemeris::frameName).containsExactly("GCRF");
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(18);
            assertThat(d.field()).isEqualTo("Y");
            assertThat(d.reason()).contains("45q.064");
        });
    }

    @Test
    void ephemerisLineWithTheWrongValueCountIsRejected() {
        String text = OEM_KVN.replace("6783.133 459.064 0.000 -0.515 7.639 0.000", "6783.133 459.064 0.000 -0.515 7.639");
        ReadResult<Ephemeris> result = OemReader.read("sat.oem", text);
        assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.reason()).contains("6 values"));
    }

    @Test
    void timesThatDoNotIncreaseAreRejected() {
        String text = OEM_KVN.replace("2022-01-22T00:02:37.000 6732", "2022-01-22T00:01:37.000 6732");
        ReadResult<Ephemeris> result = OemReader.read("sat.oem", text);
        assertThat(result.records()).hasSize(1);
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(19);
            assertThat(d.reason()).contains("not after");
        });
    }

    @Test
    void missingMandatoryMetadataIsNamed() {
        ReadResult<Ephemeris> result = OemReader.read("sat.oem", OEM_KVN.replace("REF_FRAME = GCRF\n", ""));
        assertThat(result.records()).hasSize(1);
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("REF_FRAME");
            assertThat(d.line()).isEqualTo(31);
        });
    }

    @Test
    void blockWithOnePointIsRejected() {
        String text = OEM_KVN.replace("2022-01-22T00:04:00 6567.000 1795.000 0.000 -2.020 7.380 0.000 0.001 0.002 0.003\n", "");
        ReadResult<Ephemeris> result = OemReader.read("sat.oem", text);
        assertThat(result.records()).hasSize(1);
        assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.reason()).contains("at least 2"));
    }

    @Test
    void unsupportedTimeSystemIsRejected() {
        ReadResult<Ephemeris> result = OemReader.read("sat.oem", OEM_KVN.replace("TIME_SYSTEM = TAI", "TIME_SYSTEM = SCLK"));
        assertThat(result.records()).hasSize(1);
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("TIME_SYSTEM");
            assertThat(d.line()).isEqualTo(10);
        });
    }

    @Test
    void pointOutsideStartAndStopIsAWarning() {
        ReadResult<Ephemeris> result = OemReader.read("sat.oem", OEM_KVN.replace("STOP_TIME = 2022-01-22T00:02:37",
                "STOP_TIME = 2022-01-22T00:01:37"));
        assertThat(result.records()).hasSize(2);
        assertThat(result.warnings()).singleElement().satisfies(d -> assertThat(d.line()).isEqualTo(19));
    }

    @Test
    void xmlWrongUnitIsRejected() {
        ReadResult<Ephemeris> result = OemReader.read("sat.xml", OEM_XML.replace("<X units=\"km\">", "<X units=\"m\">"));
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("X");
            assertThat(d.reason()).contains("[m]").contains("[km]");
        });
    }

    @Test
    void xmlStateVectorWithoutAComponentIsRejected() {
        ReadResult<Ephemeris> result = OemReader.read("sat.xml", OEM_XML.replace("<Z>915.855</Z>", "")
                .replace("<Z>0.000</Z><X_DOT>-1.028", "<X_DOT>-1.028"));
        assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.reason()).contains("without Z"));
    }

    @Test
    void malformedXmlIsOneErrorWithItsLine() {
        // the last stateVector loses its end tag, so </data> does not match
        int cut = OEM_XML.lastIndexOf("</stateVector>");
        String broken = OEM_XML.substring(0, cut) + OEM_XML.substring(cut + "</stateVector>".length());
        ReadResult<Ephemeris> result = OemReader.read("sat.xml", broken);
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.reason()).startsWith("not well-formed XML");
            assertThat(d.line()).isGreaterThan(20);
        });
    }

    @Test
    void textThatIsNoOemIsOneError() {
        ReadResult<Ephemeris> result = OemReader.read("x", "hello\nworld\n");
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.reason()).contains("CCSDS_OEM_VERS"));
    }
}
