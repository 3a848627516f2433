package io.astroshield.app.fx;

import io.astroshield.domain.screening.Cancellation;

/** What a background task's work sees: report progress, and a cancellation flag it should check. */
public interface Progress {

    /** @param fraction 0..1, or negative while unknown */
    void update(double fraction, String message);

    Cancellation cancellation();

    default boolean cancelled() {
        return cancellation().isCancelled();
    }

    Progress NONE = new Progress() {
        private final Cancellation never = new Cancellation();

        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public Cancellation cancellation() {
            return never;
        }
    };
}
