package io.astroshield.persistence.telemetry;

/** Data quality of a sample: a flag apart from alarm severity (DESIGN.md, alarm model). */
public enum SampleQuality {
    GOOD, STALE, INVALID
}
