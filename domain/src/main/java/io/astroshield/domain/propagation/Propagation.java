package io.astroshield.domain.propagation;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.Ephemeris;
import io.astroshield.domain.time.ReferenceData;

import java.time.Instant;
import java.util.Objects;

/**
 * Entry point for callers that want one state at a time: element sets through the Orekit
 * reference path ({@link OrekitSgp4}, SGP4 errors reported, never positions), ephemerides through
 * {@link EphemerisInterpolator}. Every result carries the age of the orbit data at that time.
 * The screener's hot path uses {@link Sgp4Batch} instead.
 */
public final class Propagation {

    private final ReferenceData referenceData;

    public Propagation(ReferenceData referenceData) {
        this.referenceData = Objects.requireNonNull(referenceData, "referenceData");
    }

    /** The TEME state of {@code elementSet} at {@code t} (UTC), or the SGP4 error there. */
    public PropagationResult propagate(ElementSet elementSet, Instant t) {
        return reference(elementSet).propagate(t);
    }

    /** A reusable reference propagator for many times of one element set. */
    public OrekitSgp4 reference(ElementSet elementSet) {
        return new OrekitSgp4(elementSet, referenceData);
    }

    /** The TEME state of {@code ephemeris} at {@code t}, or an error outside its span. */
    public PropagationResult propagate(Ephemeris ephemeris, Instant t) {
        return interpolator(ephemeris).stateAt(t);
    }

    /** A reusable interpolator for many times of one ephemeris. */
    public EphemerisInterpolator interpolator(Ephemeris ephemeris) {
        return new EphemerisInterpolator(ephemeris, referenceData);
    }
}
