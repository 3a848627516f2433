package io.astroshield.domain.cdm;

import io.astroshield.domain.DomainError;
import io.astroshield.domain.DomainException;
import io.astroshield.domain.input.ReadResult;
import io.astroshield.domain.time.ReferenceData;
import org.junit.jupiter.api.Test;
import org.orekit.data.DataSource;
import org.orekit.files.ccsds.ndm.ParserBuilder;
import org.orekit.files.ccsds.ndm.cdm.Cdm;

import java.io.StringReader;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Screening results can be written as CCSDS CDMs and read back unchanged" (issue 2, item 7). */
class CdmWriterTest {

    private final ReferenceData referenceData = ReferenceData.builtIn();
    private final CdmReader reader = new CdmReader(referenceData);
    private final CdmWriter writer = new CdmWriter();

    private ConjunctionDataMessage readBack(String kvn) {
        ReadResult<ConjunctionDataMessage> result = reader.read("written.cdm", kvn);
        assertThat(result.diagnostics()).as("diagnostics on our own output").isEmpty();
        return result.records().get(0);
    }

    @Test
    void annexExampleReadWrittenAndReadAgainIsEqual() {
        ConjunctionDataMessage original = reader.read("annex.cdm", CdmFixtures.KVN).records().get(0);

        ConjunctionDataMessage back = readBack(writer.write(original));

        // the fixture's km values are short decimals: x/1000 prints them back exactly, so equality is exact
        assertThat(back.withRawText(null)).isEqualTo(original.withRawText(null));
    }

    @Test
    void screeningRecordBuiltByCodeRoundTripsWithinOneUlpOfTheStateAndExactlyElsewhere() {
        SplittableRandom random = new SplittableRandom(20_260_122L);
        for (int i = 0; i < 200; i++) {
            ConjunctionDataMessage built = screeningRecord(random, i);

            String kvn = writer.write(built);
            ConjunctionDataMessage back = readBack(kvn);

            assertThat(back.rawText()).isEqualTo(kvn);
            assertStateWithinOneUlp(built.object1().state(), back.object1().state());
            assertStateWithinOneUlp(built.object2().state(), back.object2().state());
            // everything but the km-written state vectors is bit-exact
            ConjunctionDataMessage sameStates = back.withRawText(null).withObjects(
                    withState(back.object1(), built.object1().state()), withState(back.object2(), built.object2().state()));
            assertThat(sameStates).isEqualTo(built);
        }
    }

    @Test
    void writtenKvnIsReadByOrekitDirectly() {
        String kvn = writer.write(screeningRecord(new SplittableRandom(7), 0));

        Cdm cdm = new ParserBuilder(new CdmDataContext(referenceData)).buildCdmParser()
                .parseMessage(new DataSource("written.cdm", () -> new StringReader(kvn)));

        assertThat(cdm.getSegments()).hasSize(2);
        assertThat(cdm.getMetadataObject1().getRefFrame().getName()).isEqualTo("TEME");
        assertThat(cdm.getMetadataObject2().getRefFrame().getName()).isEqualTo("GCRF");
    }

    @Test
    void recordWithoutOptionalFieldsRoundTripsWithThemStillAbsent() {
        ConjunctionDataMessage built = screeningRecord(new SplittableRandom(11), 1);
        ConjunctionDataMessage bare = new ConjunctionDataMessage(built.messageId(), built.originator(), built.creationDate(),
                built.tca(), built.missDistanceM(), OptionalDouble.empty(), null, null, OptionalDouble.empty(), null,
                OptionalDouble.empty(), built.object1().withHardBodyRadiusM(OptionalDouble.empty()),
                built.object2().withHardBodyRadiusM(OptionalDouble.empty()), null);

        ConjunctionDataMessage back = readBack(writer.write(bare));

        assertThat(back.relativeSpeedMps()).isEmpty();
        assertThat(back.relativePositionM()).isNull();
        assertThat(back.relativeVelocityMps()).isNull();
        assertThat(back.collisionProbability()).isEmpty();
        assertThat(back.hardBodyRadiusM()).isEmpty();
        assertThat(back.object1().hardBodyRadiusM()).isEmpty();
        assertThat(back.object2().internationalDesignator()).isNull();
    }

    @Test
    void timesAreWrittenToTheNanosecondAndReadBackExactly() {
        Instant tca = Instant.parse("2026-03-19T23:59:59.123456789Z");

        assertThat(CdmWriter.time(tca)).isEqualTo("2026-03-19T23:59:59.123456789");
        assertThat(CdmWriter.time(Instant.parse("2026-03-19T00:00:00Z"))).isEqualTo("2026-03-19T00:00:00.000");
        ConjunctionDataMessage built = screeningRecord(new SplittableRandom(3), 2);
        ConjunctionDataMessage withTca = new ConjunctionDataMessage(built.messageId(), built.originator(),
                built.creationDate(), tca, built.missDistanceM(), built.relativeSpeedMps(), built.relativePositionM(),
                built.relativeVelocityMps(), built.collisionProbability(), built.collisionProbabilityMethod(),
                built.hardBodyRadiusM(), built.object1(), built.object2(), null);
        assertThat(readBack(writer.write(withTca)).tca()).isEqualTo(tca);
    }

    @Test
    void recordWithoutCovarianceIsRefusedBecauseTheStandardRequiresIt() {
        ConjunctionDataMessage built = screeningRecord(new SplittableRandom(5), 3);
        ConjunctionDataMessage noCovariance = built.withObjects(built.object1(), built.object2().withCovariance(null));

        assertThatThrownBy(() -> writer.write(noCovariance))
                .isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.error()).isEqualTo(DomainError.INVALID_ARGUMENT))
                .hasMessageContaining("CR_R..CNDOT_NDOT");
    }

    private static void assertStateWithinOneUlp(CartesianState expected, CartesianState actual) {
        double[] e = {expected.xM(), expected.yM(), expected.zM(), expected.vxMps(), expected.vyMps(), expected.vzMps()};
        double[] a = {actual.xM(), actual.yM(), actual.zM(), actual.vxMps(), actual.vyMps(), actual.vzMps()};
        for (int k = 0; k < 6; k++) {
            assertThat(Math.abs(a[k] - e[k])).as("component %d: %s vs %s", k, e[k], a[k]).isLessThanOrEqualTo(Math.ulp(e[k]));
        }
    }

    private static CdmObject withState(CdmObject o, CartesianState s) {
        return new CdmObject(o.designator(), o.catalogName(), o.name(), o.internationalDesignator(), o.maneuverable(),
                o.refFrame(), o.covarianceMethod(), s, o.covariance(), o.hardBodyRadiusM());
    }

    /** A record as the screening code would build it: no raw text, full-precision SI doubles. */
    static ConjunctionDataMessage screeningRecord(SplittableRandom random, int index) {
        CartesianState s1 = randomLeoState(random);
        CartesianState s2 = new CartesianState(s1.xM() + random.nextDouble(-500, 500), s1.yM() + random.nextDouble(-500, 500),
                s1.zM() + random.nextDouble(-500, 500), -s1.vyMps(), s1.vxMps(), s1.vzMps() + random.nextDouble(-10, 10));
        double miss = Math.sqrt(random.nextDouble(1, 750_000));
        CdmObject o1 = new CdmObject("25544", "SATCAT", "ISS (ZARYA)", "1998-067A", Maneuverability.YES,
                CdmReferenceFrame.TEME, CovarianceMethod.CALCULATED, s1, randomCovariance(random),
                OptionalDouble.of(random.nextDouble(0.5, 60)));
        CdmObject o2 = new CdmObject(Integer.toString(40_000 + index), "SATCAT", "DEBRIS " + index, null,
                Maneuverability.NOT_APPLICABLE, CdmReferenceFrame.GCRF, CovarianceMethod.DEFAULT, s2,
                randomCovariance(random), OptionalDouble.of(random.nextDouble(0.1, 5)));
        Instant tca = Instant.ofEpochSecond(1_642_809_600L + random.nextLong(0, 604_800), random.nextInt(0, 1_000_000_000));
        return new ConjunctionDataMessage("ASTROSHIELD-" + index, "ASTROSHIELD", Instant.parse("2022-01-22T00:00:00Z"), tca,
                miss, OptionalDouble.of(random.nextDouble(0, 15_000)),
                new RtnVector(random.nextDouble(-1000, 1000), random.nextDouble(-1000, 1000), random.nextDouble(-1000, 1000)),
                new RtnVector(random.nextDouble(-15_000, 15_000), random.nextDouble(-15_000, 15_000), random.nextDouble(-15_000, 15_000)),
                OptionalDouble.of(Math.pow(10, random.nextDouble(-12, 0))), "PATERA-2005",
                OptionalDouble.of(random.nextDouble(1, 30)), o1, o2, null);
    }

    private static CartesianState randomLeoState(SplittableRandom random) {
        double r = random.nextDouble(6_700_000, 7_500_000);
        double theta = random.nextDouble(0, 2 * Math.PI);
        double v = Math.sqrt(3.986004418e14 / r);
        return new CartesianState(r * Math.cos(theta), r * Math.sin(theta), random.nextDouble(-1e6, 1e6),
                -v * Math.sin(theta), v * Math.cos(theta), random.nextDouble(-500, 500));
    }

    private static RtnCovariance randomCovariance(SplittableRandom random) {
        double[] terms = new double[21];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-8, 6));
        }
        for (int d = 0; d < 6; d++) {
            // variances (row d, column d) are positive
            terms[d * (d + 1) / 2 + d] = Math.abs(terms[d * (d + 1) / 2 + d]);
        }
        return RtnCovariance.ofLowerTriangle(terms);
    }
}
