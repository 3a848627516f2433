package io.astroshield.domain.propagation;

import io.astroshield.domain.frames.CartesianState;

import io.astroshield.domain.DomainError;
import io.astroshield.domain.DomainException;
import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.time.ReferenceData;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.attitudes.FrameAlignedProvider;
import org.orekit.errors.OrekitException;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.TimeScale;
import org.orekit.utils.PVCoordinates;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference propagation of one element set: Orekit's {@link TLEPropagator} (SGP4/SDP4 in
 * TEME), built in the project's {@link ReferenceData} rather than Orekit's default data context.
 *
 * <p>Orekit does not raise SGP4's error conditions: it returns a position (or NaN) where SGP4
 * reports decay, out-of-range eccentricity or a negative semi-latus rectum. Every call is
 * therefore guarded: the SGP4 conditions of {@link Sgp4Error} are evaluated for the same element
 * set and time by {@link Sgp4Batch} (the published error tests on the mean, perturbed and
 * osculating quantities Orekit keeps private), and Orekit's own state is checked for
 * decay (radius below 6378.135 km) and finiteness. A time where either says no yields an error,
 * never a position, so this path and the screener's {@link Sgp4Batch} agree on errors.
 *
 * <p>Thread safety: Orekit's propagator keeps state between calls, so the methods are
 * synchronized; give each thread its own instance to propagate in parallel.
 */
public final class OrekitSgp4 {

    /** Earth radius of WGS-72, metres: SGP4's decay threshold. */
    private static final double EARTH_RADIUS_M = Sgp4Batch.EARTH_RADIUS_KM * 1000.0;
    /** COSPAR "1998-067A" or TLE "98067A" international designators. */
    private static final Pattern COSPAR = Pattern.compile("(\\d{4})-(\\d{3})([A-Z]{1,3})");
    private static final Pattern TLE_DESIGNATOR = Pattern.compile("(\\d{2})(\\d{3})([A-Z]{1,3})");

    private final ElementSet elementSet;
    private final ReferenceData referenceData;
    private final TLE tle;
    private final TLEPropagator propagator;
    private final String orekitRefusal;
    private final Sgp4Batch guard;
    private final double[] scratch = new double[6];

    /**
     * @param elementSet    the element set to propagate
     * @param referenceData time scales and the TEME frame
     */
    public OrekitSgp4(ElementSet elementSet, ReferenceData referenceData) {
        this.elementSet = Objects.requireNonNull(elementSet, "elementSet");
        this.referenceData = Objects.requireNonNull(referenceData, "referenceData");
        this.tle = toTle(elementSet, referenceData);
        this.guard = Sgp4Batch.of(List.of(elementSet), referenceData);
        TLEPropagator built = null;
        String refusal = null;
        try {
            built = TLEPropagator.selectExtrapolator(tle, FrameAlignedProvider.of(referenceData.teme()),
                    TLEPropagator.DEFAULT_MASS, referenceData.teme());
        } catch (OrekitException ex) {
            // Orekit evaluates the epoch state while building; an element set it cannot propagate
            // at epoch is reported per call below, not thrown at the caller.
            refusal = ex.getMessage();
        }
        this.propagator = built;
        this.orekitRefusal = refusal;
    }

    /**
     * The Orekit TLE with exactly the element set's values: mean motion (rad/s) and its
     * derivatives (rad/s^2, rad/s^3), eccentricity, angles (rad), B* (1/earth radii), epoch as an
     * {@link AbsoluteDate} in the reference data's UTC, catalog number, classification,
     * international designator, element and revolution numbers.
     */
    public static TLE toTle(ElementSet es, ReferenceData referenceData) {
        TimeScale utc = referenceData.utc();
        int launchYear = 0;
        int launchNumber = 0;
        String launchPiece = "";
        String designator = es.internationalDesignator() == null ? "" : es.internationalDesignator().trim();
        Matcher cospar = COSPAR.matcher(designator);
        Matcher short2 = TLE_DESIGNATOR.matcher(designator);
        if (cospar.matches()) {
            launchYear = Integer.parseInt(cospar.group(1));
            launchNumber = Integer.parseInt(cospar.group(2));
            launchPiece = cospar.group(3);
        } else if (short2.matches()) {
            int yy = Integer.parseInt(short2.group(1));
            // TLE convention: 57..99 are 1957..1999, 00..56 are 2000..2056.
            launchYear = yy >= 57 ? 1900 + yy : 2000 + yy;
            launchNumber = Integer.parseInt(short2.group(2));
            launchPiece = short2.group(3);
        }
        return new TLE(es.noradId(), es.classification(), launchYear, launchNumber, launchPiece,
                es.ephemerisType(), es.elementSetNumber(), referenceData.toDate(es.epoch()),
                es.meanMotionRadPerS(), es.meanMotionDotRadPerS2(), es.meanMotionDdotRadPerS3(),
                es.eccentricity(), es.inclinationRad(), es.argOfPerigeeRad(), es.raanRad(), es.meanAnomalyRad(),
                es.revolutionNumberAtEpoch(), es.bStarPerEarthRadius(), utc);
    }

    public ElementSet elementSet() {
        return elementSet;
    }

    /** The Orekit TLE this propagator was built from. */
    public TLE tle() {
        return tle;
    }

    /** Element-set epoch in the reference data's UTC. */
    public AbsoluteDate epoch() {
        return tle.getDate();
    }

    /** The state at {@code t} (UTC), or the reason there is none, with the element-set age at t. */
    public PropagationResult propagate(Instant t) {
        return propagate(referenceData.toDate(t), t);
    }

    /** The state at {@code date}, or the reason there is none, with the element-set age at that date. */
    public PropagationResult propagate(AbsoluteDate date) {
        return propagate(date, referenceData.toInstant(date));
    }

    private synchronized PropagationResult propagate(AbsoluteDate date, Instant t) {
        double age = elementSet.ageDaysAt(t);
        int code = stateAt(date, scratch, 0);
        if (code == 0) {
            return PropagationResult.ofState(t, CartesianState.of(scratch, 0), age);
        }
        double tsince = date.durationFrom(tle.getDate()) / 60.0;
        PropagationError error = code == PropagationError.NO_FINITE_STATE
                ? new PropagationError(code, "Orekit produced no finite state at " + t
                + (orekitRefusal != null ? ": " + orekitRefusal : ""))
                : PropagationError.sgp4(code, tsince);
        return PropagationResult.ofError(t, error, age);
    }

    /**
     * The TEME state at {@code date} from Orekit, guarded by the SGP4 error conditions.
     *
     * @param out    receives x, y, z (m), vx, vy, vz (m/s) at {@code offset} when the result is 0
     * @return 0, an SGP4 error code (1..6), or {@link PropagationError#NO_FINITE_STATE}
     */
    public synchronized int stateAt(AbsoluteDate date, double[] out, int offset) {
        double tsince = date.durationFrom(tle.getDate()) / 60.0;
        int code = guard.propagate(0, tsince, out, offset);
        if (code != 0) {
            return code;
        }
        if (propagator == null) {
            return PropagationError.NO_FINITE_STATE;
        }
        PVCoordinates pv;
        try {
            pv = propagator.getPVCoordinates(date);
        } catch (OrekitException ex) {
            return PropagationError.NO_FINITE_STATE;
        }
        Vector3D p = pv.getPosition();
        Vector3D v = pv.getVelocity();
        if (!(Double.isFinite(p.getX()) && Double.isFinite(p.getY()) && Double.isFinite(p.getZ())
                && Double.isFinite(v.getX()) && Double.isFinite(v.getY()) && Double.isFinite(v.getZ()))) {
            return PropagationError.NO_FINITE_STATE;
        }
        if (p.getNorm() < EARTH_RADIUS_M) {
            return Sgp4Error.DECAYED.code();
        }
        out[offset] = p.getX();
        out[offset + 1] = p.getY();
        out[offset + 2] = p.getZ();
        out[offset + 3] = v.getX();
        out[offset + 4] = v.getY();
        out[offset + 5] = v.getZ();
        return 0;
    }

    /**
     * Orekit's raw position and velocity at {@code date}, without the SGP4 error guard: what
     * {@link TLEPropagator#getPVCoordinates(AbsoluteDate)} returns. For verification and benchmarks.
     */
    public synchronized PVCoordinates unguardedPv(AbsoluteDate date) {
        if (propagator == null) {
            throw new DomainException(DomainError.PROPAGATION,
                    elementSet.source() + ": Orekit refused the element set: " + orekitRefusal);
        }
        return propagator.getPVCoordinates(date);
    }
}
