package io.astroshield.domain.alarms;

import io.astroshield.domain.screening.ConjunctionEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * One new assessment of a close approach, from any source, as the alarm engine takes it.
 *
 * @param primaryId     catalog number of the primary (the protected asset for CDMs)
 * @param secondaryId   catalog number of the secondary
 * @param tca           time of closest approach (UTC)
 * @param missDistanceM miss distance at TCA
 * @param pc            probability of collision, null when the source gave none (TLE-only screening)
 * @param reference     CDM message id or screening run id, null if unknown
 */
public record ConjunctionUpdate(int primaryId, int secondaryId, Instant tca, double missDistanceM, Double pc,
                                UpdateSource source, DataOrigin origin, String reference) {
    public ConjunctionUpdate {
        Objects.requireNonNull(tca, "tca");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
        if (primaryId == secondaryId) {
            throw new IllegalArgumentException("an object cannot conjunct with itself: " + primaryId);
        }
        if (!(missDistanceM >= 0) || Double.isInfinite(missDistanceM)) {
            throw new IllegalArgumentException("missDistanceM: " + missDistanceM);
        }
        if (pc != null && !(pc >= 0 && pc <= 1)) {
            throw new IllegalArgumentException("pc: " + pc);
        }
    }

    /** An update from the workstation's screening; Pc is added by the caller when it has one. */
    public static ConjunctionUpdate fromScreening(ConjunctionEvent event, Double pc, DataOrigin origin, String runId) {
        return new ConjunctionUpdate(event.primaryId(), event.secondaryId(), event.tca(), event.missDistanceM(), pc,
                UpdateSource.SCREENING, origin, runId);
    }
}
