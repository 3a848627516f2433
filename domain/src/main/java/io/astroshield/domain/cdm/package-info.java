/**
 * CCSDS Conjunction Data Messages (CCSDS 508.0-B-1, and the 2.0 keywords Orekit reads):
 * our own immutable record of a CDM ({@link io.astroshield.domain.cdm.ConjunctionDataMessage}),
 * a reader that parses KVN and XML through Orekit after a lenient repair pass for the defects
 * real CDMs carry, and a KVN writer. Everything that leaves this package is in SI units:
 * metres, m/s, m², m²/s, m²/s², UTC {@link java.time.Instant}s.
 */
package io.astroshield.domain.cdm;
