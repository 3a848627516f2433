package io.astroshield.domain.screening;

/**
 * {@code SHORT}: a fast fly-by, one TCA, the short-term encounter assumptions of 2D Pc hold.
 * {@code LONG}: relative speed below the long-encounter threshold (co-located, docked or
 * formation pairs); reported once per screening window at its closest approach.
 */
public enum EncounterType { SHORT, LONG }
