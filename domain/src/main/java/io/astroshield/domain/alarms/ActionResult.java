package io.astroshield.domain.alarms;

import java.util.Objects;

/**
 * The answer to an operator action. A refusal is an expected outcome (wrong role, missing
 * comment), not an error, so it is returned and audited rather than thrown; the sync server
 * answers REJECTED with the same reason.
 *
 * @param refusal null when accepted
 * @param message a short sentence for the operator
 */
public record ActionResult(Refusal refusal, String message) {
    private static final ActionResult ACCEPTED = new ActionResult(null, "accepted");

    public ActionResult {
        Objects.requireNonNull(message, "message");
    }

    public static ActionResult accepted() {
        return ACCEPTED;
    }

    public static ActionResult refused(Refusal refusal, String message) {
        return new ActionResult(Objects.requireNonNull(refusal, "refusal"), message);
    }

    public boolean isAccepted() {
        return refusal == null;
    }
}
