package io.astroshield.persistence.mapping;

import io.astroshield.domain.cdm.CdmObject;
import io.astroshield.domain.cdm.ConjunctionDataMessage;
import io.astroshield.domain.frames.CartesianState;
import io.astroshield.domain.risk.CollisionProbability;
import io.astroshield.domain.risk.TleOnlyPc;
import io.astroshield.domain.screening.ConjunctionEvent;
import io.astroshield.domain.screening.EncounterType;
import io.astroshield.domain.screening.MissVectorRtn;
import io.astroshield.persistence.cdm.CdmObjectRow;
import io.astroshield.persistence.cdm.CdmRow;
import io.astroshield.persistence.screening.ConjunctionObservation;
import io.astroshield.persistence.screening.EncounterKind;

import java.util.ArrayList;
import java.util.List;

/** Domain records to the store's row types: the one place where the two meet. */
public final class DomainRows {

    private DomainRows() {
    }

    /** A screening event and its TLE-only Pc (null when none) as one event update. */
    public static ConjunctionObservation observation(ConjunctionEvent e, TleOnlyPc pc) {
        CollisionProbability p = pc == null ? null : pc.underDefaultCovariance();
        CollisionProbability max = pc == null ? null : pc.maximum();
        return new ConjunctionObservation(e.primaryId(), e.secondaryId(), e.tca(), e.missDistanceM(),
                e.relativeSpeedMps(), e.missRtnM().radialM(), e.missRtnM().inTrackM(), e.missRtnM().crossTrackM(),
                e.encounter() == EncounterType.LONG ? EncounterKind.LONG : EncounterKind.SHORT,
                e.primaryEpochAgeDays(), e.secondaryEpochAgeDays(),
                p == null ? null : p.pc(), p == null ? null : p.method().name(),
                max == null ? null : max.pc(), p == null ? null : p.covarianceSource().name());
    }

    /**
     * A CDM as an event update, when both objects carry catalog numbers (else empty): object 1 is
     * the primary; the CDM's own Pc, if any, with its method; no element ages (a CDM has none).
     */
    public static java.util.Optional<ConjunctionObservation> observation(ConjunctionDataMessage cdm) {
        if (cdm.object1().catalogNumber().isEmpty() || cdm.object2().catalogNumber().isEmpty()
                || cdm.object1().catalogNumber().getAsInt() == cdm.object2().catalogNumber().getAsInt()) {
            return java.util.Optional.empty();
        }
        double r;
        double t;
        double n;
        if (cdm.relativePositionM() != null) {
            r = cdm.relativePositionM().r();
            t = cdm.relativePositionM().t();
            n = cdm.relativePositionM().n();
        } else {
            // Not given: from the two states (a CDM gives both objects in one frame in practice).
            CartesianState a = cdm.object1().state();
            CartesianState b = cdm.object2().state();
            MissVectorRtn m = MissVectorRtn.of(a.positionM(), a.velocityMps(),
                    new double[] {b.xM() - a.xM(), b.yM() - a.yM(), b.zM() - a.zM()});
            r = m.radialM();
            t = m.inTrackM();
            n = m.crossTrackM();
        }
        double speed = cdm.relativeSpeedMps().orElse(relativeSpeed(cdm.object1().state(), cdm.object2().state()));
        Double pc = cdm.collisionProbability().isPresent() ? cdm.collisionProbability().getAsDouble() : null;
        return java.util.Optional.of(new ConjunctionObservation(cdm.object1().catalogNumber().getAsInt(),
                cdm.object2().catalogNumber().getAsInt(), cdm.tca(), cdm.missDistanceM(), speed, r, t, n,
                speed < 100 ? EncounterKind.LONG : EncounterKind.SHORT, null, null, pc,
                pc == null ? null : cdm.collisionProbabilityMethod(), null, "CDM"));
    }

    private static double relativeSpeed(CartesianState a, CartesianState b) {
        double dx = b.vxMps() - a.vxMps();
        double dy = b.vyMps() - a.vyMps();
        double dz = b.vzMps() - a.vzMps();
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /** A CDM as the store keeps it; {@code format} is KVN or XML, {@code source} the file. */
    public static CdmRow cdm(ConjunctionDataMessage cdm, String source) {
        String raw = cdm.rawText() == null ? "" : cdm.rawText();
        String format = raw.stripLeading().startsWith("<") ? "XML" : "KVN";
        return new CdmRow(cdm.messageId(), cdm.originator(), cdm.creationDate(), cdm.tca(), cdm.missDistanceM(),
                cdm.relativeSpeedMps().isPresent() ? cdm.relativeSpeedMps().getAsDouble() : null,
                object(cdm.object1()), object(cdm.object2()),
                cdm.combinedHardBodyRadiusM().isPresent() ? cdm.combinedHardBodyRadiusM().getAsDouble() : null,
                cdm.collisionProbability().isPresent() ? cdm.collisionProbability().getAsDouble() : null,
                cdm.collisionProbabilityMethod(), format, raw, source);
    }

    private static CdmObjectRow object(CdmObject o) {
        CartesianState s = o.state();
        List<Double> state = List.of(s.xM(), s.yM(), s.zM(), s.vxMps(), s.vyMps(), s.vzMps());
        List<Double> covariance = null;
        if (o.covariance() != null) {
            covariance = new ArrayList<>();
            for (double v : o.covariance().lowerTriangle()) {
                covariance.add(v);
            }
        }
        return new CdmObjectRow(o.designator(), o.name(),
                o.catalogNumber().isPresent() ? o.catalogNumber().getAsInt() : null, state, covariance);
    }
}
