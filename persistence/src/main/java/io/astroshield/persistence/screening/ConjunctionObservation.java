package io.astroshield.persistence.screening;

import java.time.Instant;
import java.util.Objects;

/**
 * One report of a close approach, from a screening run or a CDM: what one update of a conjunction
 * event carries. Distances in metres, speeds in m/s, ages in days.
 *
 * @param primaryNorad        primary's catalog number
 * @param secondaryNorad      secondary's catalog number
 * @param tca                 time of closest approach (UTC)
 * @param missDistanceM       miss distance
 * @param relativeSpeedMps    relative speed at TCA
 * @param radialM             miss vector (secondary minus primary) in the primary's RTN frame: radial
 * @param inTrackM            ... in-track
 * @param crossTrackM         ... cross-track
 * @param encounter           short or long encounter
 * @param primaryAgeDays      primary's element-set age at TCA, or null (CDM)
 * @param secondaryAgeDays    secondary's element-set age at TCA, or null (CDM)
 * @param pc                  probability of collision, or null when not computed
 * @param pcMethod            method of {@code pc} (e.g. PATERA_2005), or null
 * @param pcMax               maximum Pc over covariance scaling, or null
 * @param covarianceSource    where the covariance came from (CDM, DEFAULT_SOCRATES, ...), or null
 */
public record ConjunctionObservation(int primaryNorad, int secondaryNorad, Instant tca, double missDistanceM,
                                     double relativeSpeedMps, double radialM, double inTrackM, double crossTrackM,
                                     EncounterKind encounter, Double primaryAgeDays, Double secondaryAgeDays,
                                     Double pc, String pcMethod, Double pcMax, String covarianceSource) {
    public ConjunctionObservation {
        Objects.requireNonNull(tca, "tca");
        Objects.requireNonNull(encounter, "encounter");
        if (primaryNorad == secondaryNorad) {
            throw new IllegalArgumentException("primary and secondary are both " + primaryNorad);
        }
        if (!(missDistanceM >= 0) || !Double.isFinite(missDistanceM)) {
            throw new IllegalArgumentException("missDistanceM: " + missDistanceM);
        }
        if (!(relativeSpeedMps >= 0) || !Double.isFinite(relativeSpeedMps)) {
            throw new IllegalArgumentException("relativeSpeedMps: " + relativeSpeedMps);
        }
        if (!Double.isFinite(radialM) || !Double.isFinite(inTrackM) || !Double.isFinite(crossTrackM)) {
            throw new IllegalArgumentException("miss vector not finite");
        }
        requireProbability("pc", pc);
        requireProbability("pcMax", pcMax);
    }

    private static void requireProbability(String name, Double p) {
        if (p != null && !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + ": " + p);
        }
    }
}
