/**
 * Wire records of the published AstroShield API (names and shapes as in its OpenAPI 1.1.0
 * document) and of the sync extension, with their JSON mapping ({@link io.astroshield.sync.protocol.Json}).
 * Records here carry the API's units as published: kilometres, km/s, degrees; no domain types.
 */
package io.astroshield.sync.protocol;
