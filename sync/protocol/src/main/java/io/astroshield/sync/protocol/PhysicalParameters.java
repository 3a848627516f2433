package io.astroshield.sync.protocol;

/** Size and mass as published: mass in kg, lengths in m, cross-section in m². Any field may be absent. */
public record PhysicalParameters(Double mass, Double length, Double width, Double height, Double crossSection) {
}
