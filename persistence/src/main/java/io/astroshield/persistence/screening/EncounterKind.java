package io.astroshield.persistence.screening;

/** Short-term encounter, or long (relative speed under ~0.1 km/s: co-located or formation pairs). */
public enum EncounterKind {
    SHORT, LONG
}
