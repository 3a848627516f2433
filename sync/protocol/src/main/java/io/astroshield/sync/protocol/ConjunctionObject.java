package io.astroshield.sync.protocol;

/** One object of a conjunction; {@code id} is the spacecraft's id, null for an object that is not one (debris). */
public record ConjunctionObject(Long id, String name, Integer noradId, StateVector stateVector) {
}
