package io.astroshield.domain.cdm;

import io.astroshield.domain.propagation.TemeState;
import io.astroshield.domain.risk.DefaultCovariance;
import io.astroshield.domain.risk.TleOnlyPc;
import io.astroshield.domain.screening.ConjunctionEvent;

import java.time.Instant;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Screening results as CDMs: states at TCA in TEME (SGP4's frame), the documented default
 * covariance (CCSDS requires one; COVARIANCE_METHOD = DEFAULT says it is assumed), the Pc under
 * that covariance, and the miss vector in object 1's RTN frame.
 */
public final class ScreeningCdms {

    private ScreeningCdms() {
    }

    /**
     * @param event      the screening event (object 1 is the primary)
     * @param pc         TLE-only Pc figures, or null when none (LONG encounters)
     * @param hbrM       combined hard-body radius used for the Pc, m
     * @param originator ORIGINATOR to write
     * @param created    CREATION_DATE
     */
    public static ConjunctionDataMessage of(ConjunctionEvent event, TleOnlyPc pc, double hbrM, String originator,
                                            Instant created) {
        CdmObject o1 = object(event.primaryId(), event.primaryState());
        CdmObject o2 = object(event.secondaryId(), event.secondaryState());
        RtnVector relVel = relativeVelocityRtn(event.primaryState(), event.secondaryState());
        String id = String.format(Locale.ROOT, "%d_%d_%d", event.primaryId(), event.secondaryId(),
                event.tca().getEpochSecond());
        return new ConjunctionDataMessage(id, originator, created, event.tca(), event.missDistanceM(),
                OptionalDouble.of(event.relativeSpeedMps()),
                new RtnVector(event.missRtnM().radialM(), event.missRtnM().inTrackM(), event.missRtnM().crossTrackM()),
                relVel,
                pc == null ? OptionalDouble.empty() : OptionalDouble.of(pc.underDefaultCovariance().pc()),
                pc == null ? null : pc.underDefaultCovariance().method().name().replace('_', '-'),
                pc == null ? OptionalDouble.empty() : OptionalDouble.of(hbrM), o1, o2, null);
    }

    /**
     * The default position covariance of {@link DefaultCovariance}, completed to the 6x6 the
     * standard requires: velocity sigmas are the position sigmas times the object's angular rate
     * v/r (the order of magnitude a position error implies for a near-circular orbit), no
     * correlations. Only the position block enters a 2D Pc.
     */
    static RtnCovariance defaultCovariance(TemeState s) {
        double[][] position = DefaultCovariance.perObject().matrix();
        double rate = s.speedMps() / s.radiusM();
        double[][] m = new double[6][6];
        for (int k = 0; k < 3; k++) {
            m[k][k] = position[k][k];
            m[k + 3][k + 3] = position[k][k] * rate * rate;
        }
        return RtnCovariance.ofMatrix(m);
    }

    private static CdmObject object(int noradId, TemeState s) {
        RtnCovariance covariance = defaultCovariance(s);
        return new CdmObject(Integer.toString(noradId), "SATCAT", Integer.toString(noradId), null,
                Maneuverability.NOT_APPLICABLE, CdmReferenceFrame.TEME, CovarianceMethod.DEFAULT,
                new CartesianState(s.xM(), s.yM(), s.zM(), s.vxMps(), s.vyMps(), s.vzMps()), covariance,
                OptionalDouble.empty());
    }

    /** Secondary minus primary velocity on the primary's RTN axes (frozen at TCA), m/s. */
    private static RtnVector relativeVelocityRtn(TemeState p, TemeState s) {
        double[] r = {p.xM(), p.yM(), p.zM()};
        double[] v = {p.vxMps(), p.vyMps(), p.vzMps()};
        double[] dv = {s.vxMps() - p.vxMps(), s.vyMps() - p.vyMps(), s.vzMps() - p.vzMps()};
        var rtn = io.astroshield.domain.screening.MissVectorRtn.of(r, v, dv);
        return new RtnVector(rtn.radialM(), rtn.inTrackM(), rtn.crossTrackM());
    }
}
