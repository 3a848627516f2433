package io.astroshield.domain.screening;

import io.astroshield.domain.propagation.TemeState;

import java.time.Instant;
import java.util.Objects;

/**
 * A close approach found by screening. Distances in metres, speeds in m/s, states in TEME.
 *
 * @param primaryId              catalog number of the primary (all-vs-all: the smaller of the two)
 * @param secondaryId            catalog number of the secondary
 * @param tca                    time of closest approach (UTC)
 * @param missDistanceM          distance at TCA
 * @param relativeSpeedMps       relative speed at TCA
 * @param missRtnM               secondary minus primary in the primary's RTN frame
 * @param encounter              SHORT, or LONG below the long-encounter speed
 * @param primaryEpochAgeDays    age of the primary's orbit data at TCA (days since its epoch)
 * @param secondaryEpochAgeDays  age of the secondary's orbit data at TCA
 * @param primaryState           primary's TEME state at TCA
 * @param secondaryState         secondary's TEME state at TCA
 */
public record ConjunctionEvent(int primaryId, int secondaryId, Instant tca, double missDistanceM,
                               double relativeSpeedMps, MissVectorRtn missRtnM, EncounterType encounter,
                               double primaryEpochAgeDays, double secondaryEpochAgeDays,
                               TemeState primaryState, TemeState secondaryState) {
    public ConjunctionEvent {
        Objects.requireNonNull(tca, "tca");
        Objects.requireNonNull(missRtnM, "missRtnM");
        Objects.requireNonNull(encounter, "encounter");
        Objects.requireNonNull(primaryState, "primaryState");
        Objects.requireNonNull(secondaryState, "secondaryState");
        if (!(missDistanceM >= 0)) {
            throw new IllegalArgumentException("missDistanceM: " + missDistanceM);
        }
        if (!(relativeSpeedMps >= 0)) {
            throw new IllegalArgumentException("relativeSpeedMps: " + relativeSpeedMps);
        }
        if (primaryId == secondaryId) {
            throw new IllegalArgumentException("an object cannot conjunct with itself: " + primaryId);
        }
    }
}
