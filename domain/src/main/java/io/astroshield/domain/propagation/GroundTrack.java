package io.astroshield.domain.propagation;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.frames.EarthRotation;
import io.astroshield.domain.time.ReferenceData;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The sub-satellite points of one object from one orbital period before an instant to one period after it:
 * SGP4 in TEME, turned Earth-fixed by {@link EarthRotation} at each sample's own time, as geocentric latitude and
 * longitude in degrees (NaN where SGP4 fails). For the ground-track map.
 *
 * @param noradId  the object
 * @param start    time of sample 0 (the instant minus one period)
 * @param stepS    seconds between samples
 * @param latDeg   geocentric latitude of each sample, degrees
 * @param lonDeg   longitude of each sample, degrees in (-180, 180]
 * @param nowIndex the sample at the instant itself (the middle one)
 */
public record GroundTrack(int noradId, Instant start, double stepS, double[] latDeg, double[] lonDeg, int nowIndex) {

    public GroundTrack {
        Objects.requireNonNull(start, "start");
        if (latDeg.length != lonDeg.length || nowIndex < 0 || nowIndex >= latDeg.length) {
            throw new IllegalArgumentException("track arrays and nowIndex do not match");
        }
    }

    /** Samples per orbital period, each side of the instant. */
    public static final int SAMPLES_PER_PERIOD = 180;

    /** The track of {@code elementSet} over [t - period, t + period]. */
    public static GroundTrack around(ElementSet elementSet, ReferenceData referenceData, Instant t) {
        double stepS = elementSet.periodS() / SAMPLES_PER_PERIOD;
        int count = 2 * SAMPLES_PER_PERIOD + 1;
        Instant start = t.minus(Duration.ofNanos(Math.round(SAMPLES_PER_PERIOD * stepS * 1e9)));
        double[] xyz = CatalogPositions.of(List.of(elementSet), referenceData).track(0, start, stepS, count);
        double[] lat = new double[count];
        double[] lon = new double[count];
        double[] point = new double[3];
        for (int k = 0; k < count; k++) {
            System.arraycopy(xyz, 3 * k, point, 0, 3);
            Instant tk = start.plus(Duration.ofNanos(Math.round(k * stepS * 1e9)));
            EarthRotation.temeToEarthFixed(EarthRotation.gmstRad(tk), point);
            double[] latLon = EarthRotation.latLonDeg(point[0], point[1], point[2]);
            lat[k] = latLon[0];
            lon[k] = latLon[1];
        }
        return new GroundTrack(elementSet.noradId(), start, stepS, lat, lon, SAMPLES_PER_PERIOD);
    }

    public int size() {
        return latDeg.length;
    }
}
