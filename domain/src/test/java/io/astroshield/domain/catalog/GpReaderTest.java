package io.astroshield.domain.catalog;

import io.astroshield.domain.input.ReadResult;
import org.junit.jupiter.api.Test;

import static io.astroshield.domain.catalog.TleReaderTest.ISS_1;
import static io.astroshield.domain.catalog.TleReaderTest.ISS_2;
import static org.assertj.core.api.Assertions.assertThat;

class GpReaderTest {

    // The Wikipedia ISS TLE (see TleReaderTest) written as a CelesTrak GP JSON object by hand:
    // epoch 08264.51782528 = 2008-09-20T12:25:40.104192, B* -11606-4 = -1.1606e-5.
    static final String ISS_OBJECT = """
              {
                "OBJECT_NAME": "ISS (ZARYA)",
                "OBJECT_ID": "1998-067A",
                "EPOCH": "2008-09-20T12:25:40.104192",
                "MEAN_MOTION": 15.72125391,
                "ECCENTRICITY": 0.0006703,
                "INCLINATION": 51.6416,
                "RA_OF_ASC_NODE": 247.4627,
                "ARG_OF_PERICENTER": 130.536,
                "MEAN_ANOMALY": 325.0288,
                "EPHEMERIS_TYPE": 0,
                "CLASSIFICATION_TYPE": "U",
                "NORAD_CAT_ID": 25544,
                "ELEMENT_SET_NO": 292,
                "REV_AT_EPOCH": 56353,
                "BSTAR": -1.1606e-5,
                "MEAN_MOTION_DOT": -2.182e-5,
                "MEAN_MOTION_DDOT": 0
              }""";

    static final String CSV_HEADER = "NORAD_CAT_ID,OBJECT_NAME,OBJECT_ID,EPOCH,MEAN_MOTION,ECCENTRICITY,INCLINATION,"
            + "RA_OF_ASC_NODE,ARG_OF_PERICENTER,MEAN_ANOMALY,EPHEMERIS_TYPE,CLASSIFICATION_TYPE,ELEMENT_SET_NO,"
            + "REV_AT_EPOCH,BSTAR,MEAN_MOTION_DOT,MEAN_MOTION_DDOT,OBJECT_TYPE";
    static final String ISS_ROW = "25544,\"ISS (ZARYA), \"\"ALPHA\"\"\",1998-067A,2008-09-20T12:25:40.104192,15.72125391,"
            + ".0006703,51.6416,247.4627,130.5360,325.0288,0,U,292,56353,-.11606E-4,-.00002182,0,PAYLOAD";

    private static ElementSet issFromTle() {
        return TleReader.read("iss.tle", ISS_1 + "\n" + ISS_2).records().get(0);
    }

    private static void assertSameElements(ElementSet actual, ElementSet expected) {
        assertThat(actual).usingRecursiveComparison()
                .ignoringFields("source", "name", "internationalDesignator", "objectType")
                .withComparatorForType((a, b) -> Math.abs(a - b) <= 1e-15 * Math.max(1e-10, Math.abs(a)) ? 0 : 1, Double.class)
                .isEqualTo(expected);
    }

    @Test
    void jsonObjectEqualsTheTleItWasWrittenFrom() {
        ReadResult<ElementSet> result = GpReader.read("gp.json", "[\n" + ISS_OBJECT + "\n]");
        assertThat(result.diagnostics()).isEmpty();
        ElementSet iss = result.records().get(0);
        assertSameElements(iss, issFromTle());
        assertThat(iss.name()).isEqualTo("ISS (ZARYA)");
        assertThat(iss.internationalDesignator()).isEqualTo("1998-067A");
        assertThat(iss.source()).isEqualTo("gp.json:2");
    }

    @Test
    void jsonNumbersWrittenAsStringsRead() {
        // Space-Track writes every value as a string
        String strings = ISS_OBJECT.replace("15.72125391", "\"15.72125391\"").replace("25544", "\"25544\"")
                .replace("-1.1606e-5", "\"-0.000011606\"");
        ReadResult<ElementSet> result = GpReader.readJson("st.json", "[" + strings + "]");
        assertThat(result.diagnostics()).isEmpty();
        assertSameElements(result.records().get(0), issFromTle());
    }

    @Test
    void singleJsonObjectReads() {
        assertThat(GpReader.readJson("one.json", ISS_OBJECT).records()).hasSize(1);
    }

    @Test
    void badJsonObjectNamesItsIndexAndFieldAndTheOthersAreKept() {
        String bad = ISS_OBJECT.replace("\"ECCENTRICITY\": 0.0006703", "\"ECCENTRICITY\": \"abc\"");
        String text = "[\n" + ISS_OBJECT + ",\n" + bad + ",\n" + ISS_OBJECT.replace("25544", "25545") + "\n]";
        ReadResult<ElementSet> result = GpReader.readJson("gp.json", text);
        assertThat(result.records()).extracting(ElementSet::noradId).containsExactly(25544, 25545);
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("ECCENTRICITY");
            assertThat(d.reason()).contains("element [1]").contains("abc");
            // line 1 '[', object 0 on lines 2-20, object 1 opens on line 21; ECCENTRICITY is its 6th line
            assertThat(d.line()).isEqualTo(26);
        });
    }

    @Test
    void missingJsonFieldIsNamed() {
        String bad = ISS_OBJECT.replace("\"MEAN_MOTION\": 15.72125391,", "");
        ReadResult<ElementSet> result = GpReader.readJson("gp.json", "[" + bad + "]");
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("MEAN_MOTION");
            assertThat(d.reason()).contains("element [0]").contains("missing");
        });
    }

    @Test
    void jsonSyntaxErrorKeepsEarlierObjectsAndNamesTheLine() {
        String text = "[\n" + ISS_OBJECT + ",\n" + ISS_OBJECT.replace("\"BSTAR\": -1.1606e-5,", "\"BSTAR\": -1.1606e-5") + "\n]";
        ReadResult<ElementSet> result = GpReader.readJson("gp.json", text);
        assertThat(result.records()).hasSize(1);
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.reason()).startsWith("not valid JSON").contains("element [1]");
            assertThat(d.line()).isEqualTo(37);
        });
    }

    @Test
    void nestedValuesAndNonObjectsAreRejected() {
        String nested = ISS_OBJECT.replace("\"EPHEMERIS_TYPE\": 0", "\"EPHEMERIS_TYPE\": [0]");
        ReadResult<ElementSet> result = GpReader.readJson("gp.json", "[" + nested + ", 42, " + ISS_OBJECT + "]");
        assertThat(result.records()).hasSize(1);
        assertThat(result.errors()).hasSize(2);
        assertThat(result.errors().get(0).field()).isEqualTo("EPHEMERIS_TYPE");
        assertThat(result.errors().get(1).reason()).contains("element [1] is not an object");
    }

    @Test
    void csvInAnyColumnOrderEqualsTheTle() {
        ReadResult<ElementSet> result = GpReader.read("gp.csv", CSV_HEADER + "\r\n" + ISS_ROW + "\r\n");
        assertThat(result.diagnostics()).isEmpty();
        ElementSet iss = result.records().get(0);
        assertSameElements(iss, issFromTle());
        assertThat(iss.name()).isEqualTo("ISS (ZARYA), \"ALPHA\"");
        assertThat(iss.objectType()).isEqualTo(ObjectType.PAYLOAD);
        assertThat(iss.source()).isEqualTo("gp.csv:2");
    }

    @Test
    void badCsvRowNamesItsLineAndTheOthersAreKept() {
        String bad = ISS_ROW.replace(",51.6416,", ",51.6.416,");
        String text = String.join("\n", CSV_HEADER, ISS_ROW, bad, "", ISS_ROW.replace("25544", "25545"));
        ReadResult<ElementSet> result = GpReader.readCsv("gp.csv", text);
        assertThat(result.records()).extracting(ElementSet::noradId).containsExactly(25544, 25545);
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(3);
            assertThat(d.field()).isEqualTo("INCLINATION");
        });
    }

    @Test
    void csvRowWithTheWrongCellCountIsRejected() {
        ReadResult<ElementSet> result = GpReader.readCsv("gp.csv", CSV_HEADER + "\n" + ISS_ROW + ",extra\n");
        assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.reason()).contains("19 cells"));
    }

    @Test
    void csvUnclosedQuoteIsRejected() {
        ReadResult<ElementSet> result = GpReader.readCsv("gp.csv", CSV_HEADER + "\n" + ISS_ROW.replace("ALPHA\"\"\"", "ALPHA"));
        assertThat(result.errors()).singleElement().satisfies(d -> assertThat(d.reason()).contains("not closed"));
    }

    @Test
    void csvHeaderWithoutRequiredColumnsIsOneError() {
        String header = CSV_HEADER.replace("BSTAR,", "B_STAR,");
        ReadResult<ElementSet> result = GpReader.readCsv("gp.csv", header + "\n" + ISS_ROW + "\n" + ISS_ROW);
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(1);
            assertThat(d.reason()).contains("BSTAR");
        });
    }

    @Test
    void epochOutsideTheSpaceAgeIsRejected() {
        ReadResult<ElementSet> result = GpReader.readJson("gp.json", "[" + ISS_OBJECT.replace("2008-09-20", "1066-10-14") + "]");
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("EPOCH");
            assertThat(d.reason()).contains("1957..2099");
        });
    }

    @Test
    void objectTypeFromCatalogTextWinsOverTheName() {
        ReadResult<ElementSet> result = GpReader.readCsv("gp.csv", CSV_HEADER + "\n"
                + ISS_ROW.replace(",PAYLOAD", ",ROCKET BODY"));
        assertThat(result.records().get(0).objectType()).isEqualTo(ObjectType.ROCKET_BODY);
    }
}
