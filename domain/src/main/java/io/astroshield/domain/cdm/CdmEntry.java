package io.astroshield.domain.cdm;

import java.util.Objects;

/**
 * One {@code KEYWORD = value [unit]} of a CDM (a KVN line or an XML leaf element) with its
 * place in the text, as the repair pass sees it. Mutable only while the pass runs: a repair
 * sets a new value, unit or key, or drops the entry.
 */
final class CdmEntry {

    /** 1-based line of the entry in the original text. */
    final int line;
    /** 0 before the first object, 1 and 2 for the first and second object sections. */
    final int section;
    /** Keyword as written (COMMENT for comments). */
    final String originalKey;
    final String originalValue;
    final String originalUnit;
    final boolean originalUnitTruncated;
    /** Span of the entry in the original text: the line without terminator (KVN) or the element (XML). */
    final int start;
    final int end;
    /** KVN: column of the original '[' of the unit, or -1. XML: unused. */
    final int unitColumn;
    /** KVN: number of blanks after '=' as written, so rewritten lines keep their alignment. */
    final String kvnPadding;
    /** XML: the element's attributes other than {@code units}, as written. */
    final String xmlOtherAttributes;

    String key;
    String value;
    String unit;
    boolean unitTruncated;
    boolean dropped;
    /** A repair made the entry differ from the text even when key, value and unit compare equal (e.g. a missing blank). */
    boolean forceRewrite;

    CdmEntry(int line, int section, String key, String value, String unit, boolean unitTruncated,
             int start, int end, int unitColumn, String kvnPadding, String xmlOtherAttributes) {
        this.line = line;
        this.section = section;
        this.originalKey = key;
        this.originalValue = value;
        this.originalUnit = unit;
        this.originalUnitTruncated = unitTruncated;
        this.start = start;
        this.end = end;
        this.unitColumn = unitColumn;
        this.kvnPadding = kvnPadding;
        this.xmlOtherAttributes = xmlOtherAttributes;
        this.key = key;
        this.value = value;
        this.unit = unit;
        this.unitTruncated = unitTruncated;
    }

    boolean isComment() {
        return "COMMENT".equals(key);
    }

    boolean changed() {
        return dropped || forceRewrite || !key.equals(originalKey) || !value.equals(originalValue)
                || !Objects.equals(unit, originalUnit) || unitTruncated != originalUnitTruncated;
    }

    /** The unit as written, for messages: {@code [m]}, {@code [m**2/s} (truncated) or "no unit". */
    String originalUnitText() {
        if (originalUnit == null) {
            return "no unit";
        }
        return "[" + originalUnit + (originalUnitTruncated ? "" : "]");
    }

    @Override
    public String toString() {
        return line + ": " + key + " = " + value + (unit == null ? "" : " [" + unit + "]");
    }
}
