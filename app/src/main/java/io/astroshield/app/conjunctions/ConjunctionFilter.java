package io.astroshield.app.conjunctions;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * The table's filter: minimum Pc (events without Pc pass only when no minimum is set), maximum miss, TCA window
 * from the controller's time, object text, maximum element-set age.
 *
 * @param minPc          null for any
 * @param maxMissM       null for any
 * @param tcaWithin      null for any TCA; else TCA between now and now + this (past events excluded)
 * @param text           catalog number or name fragment of either object
 * @param maxAgeDays     null for any
 */
public record ConjunctionFilter(Double minPc, Double maxMissM, Duration tcaWithin, String text, Double maxAgeDays) {

    public static final ConjunctionFilter NONE = new ConjunctionFilter(null, null, null, "", null);

    public Predicate<EventRow> predicate(Instant now) {
        return row -> {
            if (minPc != null && (row.event().pc() == null || row.event().pc() < minPc)) {
                return false;
            }
            if (maxMissM != null && row.missM() > maxMissM) {
                return false;
            }
            if (tcaWithin != null && (row.tca().isBefore(now) || row.tca().isAfter(now.plus(tcaWithin)))) {
                return false;
            }
            if (maxAgeDays != null && row.worstAgeDays() != null && row.worstAgeDays() > maxAgeDays) {
                return false;
            }
            return text == null || row.matches(text);
        };
    }
}
