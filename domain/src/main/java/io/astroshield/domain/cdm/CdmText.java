package io.astroshield.domain.cdm;

import java.util.OptionalDouble;

/** Checks shared by the CDM records: what a KVN value can hold. */
final class CdmText {

    private CdmText() {
    }

    /**
     * A mandatory KVN value: non-blank, no surrounding blanks (a reader trims them, so they
     * would not survive a round trip), no line breaks or other control characters.
     */
    static String requireValue(String field, String value) {
        if (value == null) {
            throw new NullPointerException(field);
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " is blank");
        }
        return requireOptionalValue(field, value);
    }

    /** An optional KVN value: null, or as {@link #requireValue}. */
    static String requireOptionalValue(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || !value.strip().equals(value)) {
            throw new IllegalArgumentException(field + " has surrounding blanks or is blank: '" + value + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(field + " contains a control character at " + i);
            }
        }
        return value;
    }

    static OptionalDouble requireNonNegative(String field, OptionalDouble value) {
        if (value == null) {
            throw new NullPointerException(field + " (use OptionalDouble.empty())");
        }
        if (value.isPresent() && !(value.getAsDouble() >= 0 && Double.isFinite(value.getAsDouble()))) {
            throw new IllegalArgumentException(field + ": " + value.getAsDouble());
        }
        return value;
    }
}
