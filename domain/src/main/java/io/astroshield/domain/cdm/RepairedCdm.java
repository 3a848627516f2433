package io.astroshield.domain.cdm;

import io.astroshield.domain.input.ReadResult;

import java.util.Objects;

/**
 * A CDM after the lenient pass: the text with every repair applied and what reading it gave.
 *
 * @param repairedText the input with each repair applied and dropped fields removed (equal to the
 *                     input when nothing needed repair); null when the input could not be read as
 *                     text at all (unreadable file, too large, binary)
 * @param result       the record (when the repaired text parses) and every repair and error
 */
public record RepairedCdm(String repairedText, ReadResult<ConjunctionDataMessage> result) {

    public RepairedCdm {
        Objects.requireNonNull(result, "result");
    }

    /** True when the repaired text reads as a valid CDM: there is a record and no error. */
    public boolean isValid() {
        return !result.hasErrors() && !result.records().isEmpty();
    }
}
