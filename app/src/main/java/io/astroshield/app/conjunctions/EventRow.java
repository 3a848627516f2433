package io.astroshield.app.conjunctions;

import io.astroshield.persistence.screening.ConjunctionObservation;
import io.astroshield.persistence.screening.StoredEvent;

import java.time.Instant;

/**
 * One line of the conjunction table: a stored event, or a provisional one streamed by a screening that is still
 * running ({@code event.id()} is then negative and it is replaced when the run is stored).
 */
public record EventRow(StoredEvent event, String primaryLabel, String secondaryLabel, boolean provisional) {

    public ConjunctionObservation latest() {
        return event.latest();
    }

    public Instant tca() {
        return event.tca();
    }

    public double missM() {
        return event.missDistanceM();
    }

    /** Oldest of the two element-set ages at TCA, days; null when neither is known (CDM-only events). */
    public Double worstAgeDays() {
        Double a = latest().primaryAgeDays();
        Double b = latest().secondaryAgeDays();
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }

    /** For the search box: both catalog numbers and names. */
    public boolean matches(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        return t.isEmpty() || primaryLabel.toLowerCase(java.util.Locale.ROOT).contains(t)
                || secondaryLabel.toLowerCase(java.util.Locale.ROOT).contains(t);
    }
}
