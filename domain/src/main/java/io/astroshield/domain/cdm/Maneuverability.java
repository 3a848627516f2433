package io.astroshield.domain.cdm;

/** Whether an object can manoeuvre (CCSDS 508.0-B-1 MANEUVERABLE: YES, NO or N/A). */
public enum Maneuverability {
    YES("YES"),
    NO("NO"),
    /** Written {@code N/A}: not applicable or not known. */
    NOT_APPLICABLE("N/A");

    private final String ccsdsValue;

    Maneuverability(String ccsdsValue) {
        this.ccsdsValue = ccsdsValue;
    }

    /** The value written after {@code MANEUVERABLE =}. */
    public String ccsdsValue() {
        return ccsdsValue;
    }
}
