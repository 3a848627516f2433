package io.astroshield.domain.propagation;

import io.astroshield.domain.DomainError;
import io.astroshield.domain.DomainException;
import io.astroshield.domain.catalog.Ephemeris;
import io.astroshield.domain.catalog.EphemerisPoint;
import io.astroshield.domain.time.ReferenceData;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.frames.Frame;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.CartesianDerivativesFilter;
import org.orekit.utils.TimeStampedPVCoordinates;
import org.orekit.utils.TimeStampedPVCoordinatesHermiteInterpolator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * States of an owner/operator ephemeris (CCSDS OEM) at any time inside its span, in TEME.
 *
 * <p>Positions and velocities are Hermite-interpolated in the ephemeris' own frame, as the OEM
 * gives them, over {@code interpolationDegree + 1} neighbouring points (the sample count Orekit's
 * OEM support uses for that degree), so velocities are honoured; the interpolated state is then
 * transformed to TEME at that instant through the reference data's frames (EME2000, GCRF, ICRF as
 * the Earth-centred GCRF, TEME, and every ITRF realisation as Orekit's ITRF of the IERS 2010
 * conventions). Outside the span there is no state: interpolation never extrapolates.
 *
 * <p>Thread safety: immutable after construction.
 */
public final class EphemerisInterpolator {

    private final Ephemeris ephemeris;
    private final ReferenceData referenceData;
    private final AbsoluteDate first;
    private final double[] offsetsS;
    private final Frame frame;
    private final List<TimeStampedPVCoordinates> states;
    private final int window;
    private final TimeStampedPVCoordinatesHermiteInterpolator interpolator;

    /**
     * @throws DomainException ({@link DomainError#INVALID_ARGUMENT}) when the ephemeris is not
     *                         Earth-centred or its frame is none of the supported ones
     */
    public EphemerisInterpolator(Ephemeris ephemeris, ReferenceData referenceData) {
        this.ephemeris = Objects.requireNonNull(ephemeris, "ephemeris");
        this.referenceData = Objects.requireNonNull(referenceData, "referenceData");
        String center = ephemeris.centerName();
        if (center != null && !center.trim().equalsIgnoreCase("EARTH")) {
            throw new DomainException(DomainError.INVALID_ARGUMENT, ephemeris.source()
                    + ": CENTER_NAME " + center + " is not supported (only EARTH-centred ephemerides are screened)");
        }
        this.frame = referenceData.ccsdsFrame(ephemeris.frameName(), ephemeris.source());
        List<EphemerisPoint> points = ephemeris.points();
        this.first = referenceData.toDate(points.get(0).time());
        this.offsetsS = new double[points.size()];
        List<TimeStampedPVCoordinates> converted = new ArrayList<>(points.size());
        for (int k = 0; k < points.size(); k++) {
            EphemerisPoint p = points.get(k);
            AbsoluteDate date = referenceData.toDate(p.time());
            offsetsS[k] = date.durationFrom(first);
            TimeStampedPVCoordinates pv = new TimeStampedPVCoordinates(date,
                    new Vector3D(p.xM(), p.yM(), p.zM()), new Vector3D(p.vxMps(), p.vyMps(), p.vzMps()));
            converted.add(pv);
        }
        this.states = List.copyOf(converted);
        this.window = Math.min(ephemeris.interpolationDegree() + 1, points.size());
        this.interpolator = new TimeStampedPVCoordinatesHermiteInterpolator(window, CartesianDerivativesFilter.USE_PV);
    }

    public Ephemeris ephemeris() {
        return ephemeris;
    }

    /** Time of the first point (UTC). */
    public Instant start() {
        return ephemeris.points().get(0).time();
    }

    /** Time of the last point (UTC). */
    public Instant stop() {
        return ephemeris.points().get(ephemeris.points().size() - 1).time();
    }

    /**
     * The TEME state at {@code t}, or an {@link PropagationError#OUTSIDE_EPHEMERIS_SPAN} error when
     * t is before the first or after the last point. The age is NaN: an ephemeris has no element set.
     */
    public PropagationResult stateAt(Instant t) {
        double[] out = new double[6];
        int code = stateAt(referenceData.toDate(t), out, 0);
        if (code != 0) {
            return PropagationResult.ofError(t, new PropagationError(code, ephemeris.source() + ": " + t
                    + " is outside the ephemeris span " + start() + " .. " + stop()), Double.NaN);
        }
        return PropagationResult.ofState(t, TemeState.of(out, 0), Double.NaN);
    }

    /**
     * The TEME state at {@code date}.
     *
     * @param out receives x, y, z (m), vx, vy, vz (m/s) at {@code offset} when the result is 0
     * @return 0, or {@link PropagationError#OUTSIDE_EPHEMERIS_SPAN}
     */
    public int stateAt(AbsoluteDate date, double[] out, int offset) {
        double dt = date.durationFrom(first);
        int last = offsetsS.length - 1;
        if (!(dt >= 0.0 && dt <= offsetsS[last])) {
            return PropagationError.OUTSIDE_EPHEMERIS_SPAN;
        }
        // Index of the last point at or before dt, then a window of neighbours centred on it.
        int lo = 0;
        int hi = last;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (offsetsS[mid] <= dt) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        int startIndex = Math.max(0, Math.min(lo - (window - 1) / 2, offsetsS.length - window));
        TimeStampedPVCoordinates pv = interpolator.interpolate(date, states.subList(startIndex, startIndex + window));
        if (frame != referenceData.teme()) {
            pv = frame.getTransformTo(referenceData.teme(), date).transformPVCoordinates(pv);
        }
        Vector3D p = pv.getPosition();
        Vector3D v = pv.getVelocity();
        out[offset] = p.getX();
        out[offset + 1] = p.getY();
        out[offset + 2] = p.getZ();
        out[offset + 3] = v.getX();
        out[offset + 4] = v.getY();
        out[offset + 5] = v.getZ();
        return 0;
    }
}
