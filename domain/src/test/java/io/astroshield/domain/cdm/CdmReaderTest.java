package io.astroshield.domain.cdm;

import io.astroshield.domain.input.Diagnostic;
import io.astroshield.domain.input.ReadResult;
import io.astroshield.domain.time.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.astroshield.domain.cdm.CdmFixtures.KVN;
import static io.astroshield.domain.cdm.CdmFixtures.XML;
import static io.astroshield.domain.cdm.CdmFixtures.replaceLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Reading CDMs: the CCSDS example in KVN and XML, each repair pattern, each rejection. */
class CdmReaderTest {

    private final CdmReader reader = new CdmReader(ReferenceData.builtIn());

    private ConjunctionDataMessage readClean(String text) {
        ReadResult<ConjunctionDataMessage> result = reader.read("test.cdm", text);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.records()).hasSize(1);
        return result.records().get(0);
    }

    private ConjunctionDataMessage readWithWarnings(String text) {
        ReadResult<ConjunctionDataMessage> result = reader.read("test.cdm", text);
        assertThat(result.errors()).isEmpty();
        assertThat(result.records()).hasSize(1);
        return result.records().get(0);
    }

    private List<Diagnostic> errorsOf(String text) {
        ReadResult<ConjunctionDataMessage> result = reader.read("test.cdm", text);
        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).isNotEmpty();
        return result.errors();
    }

    // ------------------------------------------------------------------ valid messages

    @Test
    void annexExampleKvnIsReadInSiUnitsWithoutDiagnostics() {
        ConjunctionDataMessage cdm = readClean(KVN);

        // values from the fixture (CCSDS 508.0-B-1 annex C), converted km -> m by hand
        assertThat(cdm.messageId()).isEqualTo("201113719185");
        assertThat(cdm.originator()).isEqualTo("JSPOC");
        assertThat(cdm.creationDate()).isEqualTo(Instant.parse("2010-03-12T22:31:12Z"));
        assertThat(cdm.tca()).isEqualTo(Instant.parse("2010-03-13T22:37:52.618Z"));
        assertThat(cdm.missDistanceM()).isEqualTo(715.0);
        assertThat(cdm.relativeSpeedMps()).hasValue(14762.0);
        assertThat(cdm.relativePositionM()).isEqualTo(new RtnVector(27.4, -70.2, 711.8));
        assertThat(cdm.relativeVelocityMps()).isEqualTo(new RtnVector(-7.2, -14692.0, -1437.2));
        assertThat(cdm.collisionProbability()).hasValue(4.835e-5);
        assertThat(cdm.collisionProbabilityMethod()).isEqualTo("FOSTER-1992");
        assertThat(cdm.hardBodyRadiusM()).hasValue(20.0);
        assertThat(cdm.rawText()).isEqualTo(KVN);

        CdmObject o1 = cdm.object1();
        assertThat(o1.designator()).isEqualTo("12345");
        assertThat(o1.catalogNumber()).hasValue(12345);
        assertThat(o1.name()).isEqualTo("SATELLITE A");
        assertThat(o1.internationalDesignator()).isEqualTo("1997-030E");
        assertThat(o1.maneuverable()).isEqualTo(Maneuverability.YES);
        assertThat(o1.refFrame()).isEqualTo(CdmReferenceFrame.EME2000);
        assertThat(o1.covarianceMethod()).isEqualTo(CovarianceMethod.CALCULATED);
        // 1 micrometre / 1 nm/s: km -> m multiplies decimal fixtures by 1000 in binary
        assertThat(o1.state().xM()).isCloseTo(2_570_097.065, within(1e-6));
        assertThat(o1.state().zM()).isCloseTo(6_281_497.978, within(1e-6));
        assertThat(o1.state().vxMps()).isCloseTo(4_418.769571, within(1e-9));
        assertThat(o1.state().vzMps()).isCloseTo(-3_526.774282, within(1e-9));
        assertThat(o1.covariance().get(0, 0)).isEqualTo(41.42);
        assertThat(o1.covariance().get(0, 1)).isEqualTo(-8.579);
        assertThat(o1.covariance().get(3, 1)).isEqualTo(-5.476);
        assertThat(o1.covariance().get(5, 5)).isEqualTo(5.529e-5);
        assertThat(o1.hardBodyRadiusM()).isEmpty();

        CdmObject o2 = cdm.object2();
        assertThat(o2.catalogNumber()).hasValue(30337);
        assertThat(o2.name()).isEqualTo("FENGYUN 1C DEB");
        assertThat(o2.maneuverable()).isEqualTo(Maneuverability.NO);
        assertThat(o2.covariance().get(1, 1)).isEqualTo(2.492e6);
        assertThat(cdm.combinedHardBodyRadiusM()).hasValue(20.0);
    }

    @Test
    void xmlExampleGivesTheSameRecordAsKvn() {
        ConjunctionDataMessage fromXml = readClean(XML);
        ConjunctionDataMessage fromKvn = readClean(KVN);

        assertThat(fromXml.withRawText(null)).isEqualTo(fromKvn.withRawText(null));
    }

    @Test
    void readsAFileByPathAndNamesItInDiagnostics(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("event.cdm");
        Files.writeString(file, replaceLine(KVN, "OBS_USED", "OBS_USED = NaN"), StandardCharsets.UTF_8);

        ReadResult<ConjunctionDataMessage> result = reader.read(file);

        assertThat(result.records()).hasSize(1);
        assertThat(result.warnings()).singleElement()
                .satisfies(d -> assertThat(d.source()).isEqualTo(file.toString()));
    }

    @Test
    void missingFileIsOneErrorAtLineZero(@TempDir Path dir) {
        ReadResult<ConjunctionDataMessage> result = reader.read(dir.resolve("absent.cdm"));

        assertThat(result.records()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(d -> {
            assertThat(d.line()).isZero();
            assertThat(d.reason()).startsWith("cannot read file");
        });
    }

    @Test
    void hardBodyRadiusCommentInAnObjectSectionIsThatObjectsRadius() {
        String text = replaceLine(KVN, "COMMENT HBR", null);
        text = replaceLine(text, "OBS_USED", 1, "OBS_USED = 59\nCOMMENT HBR = 3.5 [m]");
        text = replaceLine(text, "REF_FRAME", 2, "REF_FRAME = EME2000\nCOMMENT HBR: 1.5");

        ConjunctionDataMessage cdm = readClean(text);

        assertThat(cdm.hardBodyRadiusM()).isEmpty();
        assertThat(cdm.object1().hardBodyRadiusM()).hasValue(3.5);
        assertThat(cdm.object2().hardBodyRadiusM()).hasValue(1.5);
        assertThat(cdm.combinedHardBodyRadiusM()).hasValue(5.0);
    }

    // ------------------------------------------------------------------ repairs

    @Test
    void relativeVelocityWrittenInMetresIsReadAsMetresPerSecondWhenItMatchesRelativeSpeed() {
        // the defect of CARA's AlfanoTestCase samples: RELATIVE_VELOCITY_x = ... [m]
        String text = KVN;
        for (String c : List.of("R", "T", "N")) {
            text = text.replaceFirst("(RELATIVE_VELOCITY_" + c + " .*)\\[m/s\\]", "$1[m]");
        }

        ReadResult<ConjunctionDataMessage> result = reader.read("test.cdm", text);

        assertThat(result.errors()).isEmpty();
        assertThat(result.records().get(0).relativeVelocityMps()).isEqualTo(new RtnVector(-7.2, -14692.0, -1437.2));
        assertThat(result.warnings()).hasSize(3);
        assertThat(result.warnings().get(0)).satisfies(d -> {
            assertThat(d.line()).isEqualTo(CdmFixtures.LINE_RELATIVE_VELOCITY_R);
            assertThat(d.field()).isEqualTo("RELATIVE_VELOCITY_R");
            assertThat(d.reason()).contains("[m]").contains("[m/s]").contains("RELATIVE_SPEED");
        });
    }

    @Test
    void stateVelocityWrittenInMetresIsReadAsKilometresPerSecondWhenOnlyThatIsAnOrbitalSpeed() {
        // 4.4 km/s-sized numbers with [m]: as m/s the speed (7.5 m/s) is no orbit at r = 7148 km, as km/s it is
        String text = KVN.replaceFirst("(X_DOT .*)\\[km/s\\]", "$1[m]")
                .replaceFirst("(Y_DOT .*)\\[km/s\\]", "$1[m]")
                .replaceFirst("(Z_DOT .*)\\[km/s\\]", "$1[m]");

        ReadResult<ConjunctionDataMessage> result = reader.read("test.cdm", text);

        assertThat(result.errors()).isEmpty();
        assertThat(result.records().get(0).object1().state().vxMps()).isCloseTo(4_418.769571, within(1e-9));
        assertThat(result.warnings()).hasSize(3).first().satisfies(d -> {
            assertThat(d.line()).isEqualTo(CdmFixtures.LINE_OBJECT1_X_DOT);
            assertThat(d.field()).isEqualTo("X_DOT");
            assertThat(d.reason()).contains("read as [km/s]");
        });
    }

    @Test
    void stateVelocityInMetresPerSecondWrittenAsMetresIsReadAsMetresPerSecond() {
        String text = replaceLine(KVN, "X_DOT", "X_DOT = 4418.769571 [m]");
        text = replaceLine(text, "Y_DOT", "Y_DOT = 4833.547743 [m]");
        text = replaceLine(text, "Z_DOT", "Z_DOT = -3526.774282 [m]");

        ConjunctionDataMessage cdm = readWithWarnings(text);

        assertThat(cdm.object1().state().vyMps()).isEqualTo(4833.547743);
    }

    @Test
    void velocityWhoseMagnitudeFitsNoUnitIsAnErrorNamingTheField() {
        // 4418769.571 m/s and 4.4e9 m/s are both far above escape speed
        String text = replaceLine(KVN, "X_DOT", "X_DOT = 4418769.571 [m]");

        List<Diagnostic> errors = errorsOf(text);

        assertThat(errors).anySatisfy(d -> {
            assertThat(d.field()).isEqualTo("X_DOT");
            assertThat(d.reason()).contains("neither m/s nor km/s");
        });
    }

    @Test
    void truncatedUnitsAreCompletedFromTheKeyword() {
        // SingleCovTestCase1-* write "RESIDUALS_ACCEPTED = 100 [" ; the others are the brief's examples
        String text = replaceLine(KVN, "RESIDUALS_ACCEPTED", "RESIDUALS_ACCEPTED = 97.8 [");
        text = replaceLine(text, "CRDOT_RDOT", "CRDOT_RDOT = 5.744E-03 [m**2/s");
        text = replaceLine(text, "CR_R", "CR_R = 4.142E+01 [m**");

        ReadResult<ConjunctionDataMessage> result = reader.read("test.cdm", text);

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).extracting(Diagnostic::field)
                .containsExactly("RESIDUALS_ACCEPTED", "CR_R", "CRDOT_RDOT");
        assertThat(result.warnings()).extracting(Diagnostic::reason).containsExactly(
                "truncated unit [ completed to [%]",
                "truncated unit [m** completed to [m**2]",
                "truncated unit [m**2/s completed to [m**2/s**2]");
        assertThat(result.records().get(0).object1().covariance().get(3, 3)).isEqualTo(5.744e-3);
    }

    @Test
    void truncatedUnitContentInsideClosedBracketsIsCompleted() {
        String text = replaceLine(KVN, "CNDOT_NDOT", 2, "CNDOT_NDOT = 5.178E-05 [m**2/s]");

        ReadResult<ConjunctionDataMessage> result = reader.read("test.cdm", text);

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("truncated unit [m**2/s] completed to [m**2/s**2]"));
    }

    @Test
    void nanInAnOptionalFieldIsDroppedWithAWarning() {
        // CARA's AlfanoTestCase samples carry NaN in every OD parameter
        String text = replaceLine(KVN, "RECOMMENDED_OD_SPAN", "RECOMMENDED_OD_SPAN = NaN [d]");
        text = replaceLine(text, "OBS_USED", "OBS_USED = NaN");

        RepairedCdm repaired = reader.repair("test.cdm", text);

        assertThat(repaired.result().errors()).isEmpty();
        assertThat(repaired.result().warnings()).extracting(Diagnostic::line, Diagnostic::field, Diagnostic::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(27, "RECOMMENDED_OD_SPAN", "value is NaN; optional field dropped"),
                        org.assertj.core.groups.Tuple.tuple(29, "OBS_USED", "value is NaN; optional field dropped"));
        assertThat(repaired.repairedText()).doesNotContain("NaN").doesNotContain("OBS_USED");
    }

    @Test
    void nanInAMandatoryFieldIsAnError() {
        List<Diagnostic> errors = errorsOf(replaceLine(KVN, "CT_T", 2, "CT_T = NaN [m**2]"));

        assertThat(errors).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("CT_T");
            assertThat(d.reason()).isEqualTo("value is NaN (mandatory)");
        });
    }

    @Test
    void freeTextGravityModelIsRewrittenInTheFormOrekitReads() {
        // OmitronTestCase_Test07 writes "EGM_96: 24D 24O"; other producers write "JGM-3 70x70"
        ConjunctionDataMessage a = readWithWarnings(replaceLine(KVN, "GRAVITY_MODEL", "GRAVITY_MODEL = EGM_96: 24D 24O"));
        RepairedCdm b = reader.repair("test.cdm", replaceLine(KVN, "GRAVITY_MODEL", "GRAVITY_MODEL = JGM-3 70x70"));
        RepairedCdm c = reader.repair("test.cdm", replaceLine(KVN, "GRAVITY_MODEL", "GRAVITY_MODEL = EGM-96"));

        assertThat(a).isNotNull();
        assertThat(b.result().warnings()).singleElement().satisfies(d -> assertThat(d.reason())
                .isEqualTo("free-text GRAVITY_MODEL 'JGM-3 70x70' rewritten as 'JGM-3: 70D 70O' (the form NAME: nD mO)"));
        assertThat(b.repairedText()).contains("\nGRAVITY_MODEL = JGM-3: 70D 70O\n");
        assertThat(c.isValid()).isTrue();
        assertThat(c.result().warnings()).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("no degree and order").endsWith("optional field dropped"));
    }

    @Test
    void fortranExponentAndLowerCaseKeywordAreRepaired() {
        String text = replaceLine(KVN, "CT_R", "CT_R = -8.579D+00 [m**2]");
        text = replaceLine(text, "OBJECT_NAME", 2, "object_name = FENGYUN 1C DEB");

        ReadResult<ConjunctionDataMessage> result = reader.read("test.cdm", text);

        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).extracting(Diagnostic::field).containsExactly("CT_R", "object_name");
        assertThat(result.records().get(0).object1().covariance().get(1, 0)).isEqualTo(-8.579);
        assertThat(result.records().get(0).object2().name()).isEqualTo("FENGYUN 1C DEB");
    }

    @Test
    void compatibleNonStandardUnitIsConvertedWithAWarning() {
        ConjunctionDataMessage cdm = readWithWarnings(replaceLine(KVN, "MISS_DISTANCE", "MISS_DISTANCE = 0.715 [km]"));

        assertThat(cdm.missDistanceM()).isCloseTo(715.0, within(1e-12));
    }

    @Test
    void internationalDesignatorNaNIsReadAsUnknown() {
        // SingleCovTestCase1-3 and 1-11 write INTERNATIONAL_DESIGNATOR = NaN for object 2
        ReadResult<ConjunctionDataMessage> result = reader.read("test.cdm",
                replaceLine(KVN, "INTERNATIONAL_DESIGNATOR", 2, "INTERNATIONAL_DESIGNATOR = NaN"));

        assertThat(result.records().get(0).object2().internationalDesignator()).isNull();
        assertThat(result.warnings()).singleElement().satisfies(d -> assertThat(d.field()).isEqualTo("INTERNATIONAL_DESIGNATOR"));
    }

    @Test
    void repeatedLineWithTheSameValueIsDroppedAndWithAnotherValueIsAnError() {
        String same = replaceLine(KVN, "MISS_DISTANCE", "MISS_DISTANCE = 715 [m]\nMISS_DISTANCE = 715 [m]");
        String other = replaceLine(KVN, "MISS_DISTANCE", "MISS_DISTANCE = 715 [m]\nMISS_DISTANCE = 716 [m]");

        assertThat(reader.read("test.cdm", same).warnings()).singleElement()
                .satisfies(d -> assertThat(d.reason()).isEqualTo("repeats line 6 with the same value; dropped"));
        assertThat(errorsOf(other)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(7);
            assertThat(d.field()).isEqualTo("MISS_DISTANCE");
        });
    }

    @Test
    void repairedTextReadsBackWithoutDiagnosticsToTheSameRecord() {
        String text = KVN.replaceFirst("(RELATIVE_VELOCITY_R .*)\\[m/s\\]", "$1[m]")
                .replaceFirst("(RELATIVE_VELOCITY_T .*)\\[m/s\\]", "$1[m]")
                .replaceFirst("(RELATIVE_VELOCITY_N .*)\\[m/s\\]", "$1[m]");
        text = replaceLine(text, "RESIDUALS_ACCEPTED", "RESIDUALS_ACCEPTED = 97.8 [");
        text = replaceLine(text, "GRAVITY_MODEL", "GRAVITY_MODEL = EGM_96: 36D 36O");
        text = replaceLine(text, "OBS_USED", "OBS_USED = NaN");

        RepairedCdm repaired = reader.repair("test.cdm", text);
        ConjunctionDataMessage again = readClean(repaired.repairedText());

        assertThat(repaired.result().warnings()).hasSize(6);
        assertThat(again.withRawText(null)).isEqualTo(repaired.result().records().get(0).withRawText(null));
    }

    @Test
    void xmlDefectsAreRepairedToo() {
        String text = XML.replace("<RELATIVE_VELOCITY_R units=\"m/s\">", "<RELATIVE_VELOCITY_R units=\"m\">")
                .replace("<RELATIVE_VELOCITY_T units=\"m/s\">", "<RELATIVE_VELOCITY_T units=\"m\">")
                .replace("<RELATIVE_VELOCITY_N units=\"m/s\">", "<RELATIVE_VELOCITY_N units=\"m\">")
                .replace("<CNDOT_NDOT units=\"m**2/s**2\">5.529E-05", "<CNDOT_NDOT units=\"m**2/s\">5.529E-05")
                .replace("<REF_FRAME>EME2000</REF_FRAME>", "<REF_FRAME>EME2000</REF_FRAME><GRAVITY_MODEL>EGM_96: 36D 36O</GRAVITY_MODEL>");

        RepairedCdm repaired = reader.repair("test.xml", text);

        assertThat(repaired.result().errors()).isEmpty();
        assertThat(repaired.result().warnings()).hasSize(6);
        assertThat(repaired.result().records().get(0).withRawText(null)).isEqualTo(readClean(KVN).withRawText(null));
        assertThat(readClean(repaired.repairedText())).isNotNull();
    }

    // ------------------------------------------------------------------ rejections (orekit-examples negative cases, by hand)

    @Test
    void missingTcaIsAnErrorNamingTca() {
        assertThat(errorsOf(replaceLine(KVN, "TCA", null))).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("TCA");
            assertThat(d.reason()).isEqualTo("mandatory keyword missing from the relative metadata");
        });
    }

    @Test
    void unknownKeywordIsAnErrorAtItsLine() {
        String text = replaceLine(KVN, "MESSAGE_ID", "MESSAGE_ID = 201113719185\nWRONG_KEYWORD = 123");

        assertThat(errorsOf(text)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.field()).isEqualTo("WRONG_KEYWORD");
            assertThat(d.reason()).startsWith("unknown keyword");
        });
    }

    @Test
    void missingStateVectorComponentIsAnErrorNamingObjectAndField() {
        assertThat(errorsOf(replaceLine(KVN, "X", 2, null))).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("X");
            assertThat(d.reason()).isEqualTo("mandatory keyword missing from OBJECT2");
        });
    }

    @Test
    void missingCovarianceBlockIsOneErrorNamingTheBlock() {
        String text = XML.replaceFirst("(?s)<covarianceMatrix>.*?</covarianceMatrix>", "");

        assertThat(errorsOf(text)).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("CR_R..CNDOT_NDOT");
            assertThat(d.reason()).isEqualTo("OBJECT1: the RTN covariance block is missing (mandatory)");
        });
    }

    @Test
    void nonExistentDateIsAnErrorAtItsLine() {
        assertThat(errorsOf(replaceLine(KVN, "TCA", "TCA = 2010-04-31T22:37:52.618"))).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(5);
            assertThat(d.field()).isEqualTo("TCA");
            assertThat(d.reason()).startsWith("non-existent date '2010-04-31T22:37:52.618'");
        });
    }

    @Test
    void textInAMandatoryNumberIsAnError() {
        String text = replaceLine(KVN, "CRDOT_T", 2, "CRDOT_T = -4.152E-02 this-is-not-a-number [m**2/s]");

        assertThat(errorsOf(text)).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("CRDOT_T");
            assertThat(d.reason()).isEqualTo("'-4.152E-02 this-is-not-a-number' is not a number (mandatory)");
        });
    }

    @Test
    void emptyMandatoryXmlElementIsAnError() {
        String text = XML.replaceFirst("<X units=\"km\">2570.097065</X>", "<X units=\"km\" nil=\"true\"/>");

        assertThat(errorsOf(text)).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("X");
            assertThat(d.reason()).isEqualTo("no value (mandatory)");
        });
    }

    @Test
    void messageWithOneObjectIsAnError() {
        String text = KVN.substring(0, KVN.indexOf("OBJECT                        = OBJECT2"));

        assertThat(errorsOf(text)).anySatisfy(d -> assertThat(d.reason()).contains("expected two object sections"));
    }

    @Test
    void unhandledReferenceFrameIsAnError() {
        String text = replaceLine(KVN, "REF_FRAME", "REF_FRAME = MOD");

        assertThat(errorsOf(text)).singleElement().satisfies(d -> {
            assertThat(d.field()).isEqualTo("REF_FRAME");
            assertThat(d.reason()).contains("MOD").contains("not handled");
        });
    }

    @Test
    void xmlWithADocumentTypeDeclarationIsRefused() {
        String text = XML.replace("<cdm ", "<!DOCTYPE cdm [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<cdm ");

        assertThat(errorsOf(text)).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("document type declarations"));
    }

    @Test
    void emptyAndBinaryInputsAreErrors() {
        assertThat(errorsOf("")).singleElement().satisfies(d -> assertThat(d.reason()).contains("empty"));
        assertThat(errorsOf("CCSDS_CDM_VERS = 1.0\n\0\0")).singleElement().satisfies(d -> assertThat(d.reason()).contains("NUL"));
    }

    @Test
    void overlongKvnLineIsAnErrorRatherThanASlowParse() {
        String text = replaceLine(KVN, "OBJECT_NAME", "OBJECT_NAME = " + "A ".repeat(5000));

        assertThat(errorsOf(text)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(20);
            assertThat(d.reason()).contains("longer than");
        });
    }

    @Test
    void xmlThatIsNotWellFormedIsAnErrorNotAnException() {
        String text = XML.replace("</header>", "</heading>");

        assertThat(errorsOf(text)).isNotEmpty();
    }
}
