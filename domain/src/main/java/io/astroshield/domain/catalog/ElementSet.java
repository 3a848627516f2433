package io.astroshield.domain.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * One SGP4 mean element set (TLE, OMM or CelesTrak GP record), in SI units.
 * The angles are Kozai-free SGP4 mean elements exactly as the message carries them,
 * converted from degrees to radians and from revolutions per day to radians per second.
 *
 * @param noradId                   catalog number, Alpha-5 decoded (0..339999)
 * @param name                      object name from a 3LE title line or OBJECT_NAME, or null
 * @param internationalDesignator   e.g. "1998-067A" (COSPAR) or TLE form "98067A", or null
 * @param classification            'U', 'C' or 'S'
 * @param epoch                     element-set epoch (UTC)
 * @param meanMotionRadPerS         SGP4 mean motion
 * @param eccentricity              0 <= e < 1
 * @param inclinationRad            0..pi
 * @param raanRad                   right ascension of the ascending node, 0..2pi
 * @param argOfPerigeeRad           0..2pi
 * @param meanAnomalyRad            0..2pi
 * @param bStarPerEarthRadius       SGP4 drag term B*, in 1/earth radii as the message gives it
 * @param meanMotionDotRadPerS2     first time derivative of mean motion (TLE field is half of it, in rev/day^2)
 * @param meanMotionDdotRadPerS3    second time derivative of mean motion
 * @param elementSetNumber          element set number
 * @param revolutionNumberAtEpoch   revolution number at epoch
 * @param ephemerisType             0 for SGP4 (the only type we propagate)
 * @param objectType                payload, rocket body, debris or unknown
 * @param source                    where the record came from, as "FILE:LINE" (for audit and messages)
 */
public record ElementSet(
        int noradId,
        String name,
        String internationalDesignator,
        char classification,
        Instant epoch,
        double meanMotionRadPerS,
        double eccentricity,
        double inclinationRad,
        double raanRad,
        double argOfPerigeeRad,
        double meanAnomalyRad,
        double bStarPerEarthRadius,
        double meanMotionDotRadPerS2,
        double meanMotionDdotRadPerS3,
        int elementSetNumber,
        int revolutionNumberAtEpoch,
        int ephemerisType,
        ObjectType objectType,
        String source) {

    /** Highest catalog number Alpha-5 can write (Z9999). */
    public static final int MAX_NORAD_ID = 339_999;

    public ElementSet {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(objectType, "objectType");
        if (noradId < 0 || noradId > MAX_NORAD_ID) {
            throw new IllegalArgumentException("noradId: " + noradId);
        }
        if (!(meanMotionRadPerS > 0) || !Double.isFinite(meanMotionRadPerS)) {
            throw new IllegalArgumentException("meanMotionRadPerS: " + meanMotionRadPerS);
        }
        if (!(eccentricity >= 0 && eccentricity < 1)) {
            throw new IllegalArgumentException("eccentricity: " + eccentricity);
        }
        if (!(inclinationRad >= 0 && inclinationRad <= Math.PI + 1e-12)) {
            throw new IllegalArgumentException("inclinationRad: " + inclinationRad);
        }
        requireFinite("raanRad", raanRad);
        requireFinite("argOfPerigeeRad", argOfPerigeeRad);
        requireFinite("meanAnomalyRad", meanAnomalyRad);
        requireFinite("bStarPerEarthRadius", bStarPerEarthRadius);
        requireFinite("meanMotionDotRadPerS2", meanMotionDotRadPerS2);
        requireFinite("meanMotionDdotRadPerS3", meanMotionDdotRadPerS3);
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + ": " + value);
        }
    }

    /** Orbital period from the SGP4 mean motion, in seconds. */
    public double periodS() {
        return 2 * Math.PI / meanMotionRadPerS;
    }

    /** Element-set age at {@code t} in days (negative when {@code t} is before the epoch). */
    public double ageDaysAt(Instant t) {
        return (t.getEpochSecond() - epoch.getEpochSecond()
                + (t.getNano() - epoch.getNano()) * 1e-9) / 86_400.0;
    }

    public ElementSet withName(String newName) {
        return new ElementSet(noradId, newName, internationalDesignator, classification, epoch, meanMotionRadPerS,
                eccentricity, inclinationRad, raanRad, argOfPerigeeRad, meanAnomalyRad, bStarPerEarthRadius,
                meanMotionDotRadPerS2, meanMotionDdotRadPerS3, elementSetNumber, revolutionNumberAtEpoch,
                ephemerisType, objectType, source);
    }
}
