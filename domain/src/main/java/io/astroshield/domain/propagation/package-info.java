/**
 * Propagation of orbits to states in TEME: SGP4/SDP4 for element sets (Orekit's
 * {@code TLEPropagator} as the reference, {@link io.astroshield.domain.propagation.Sgp4Batch} as
 * the screener's fast path, validated against it to a millimetre), the SGP4 error conditions
 * reported as errors rather than positions, and interpolation of owner/operator ephemerides.
 * Positions in metres, velocities in metres per second, times since epoch in minutes.
 */
package io.astroshield.domain.propagation;
