package io.astroshield.persistence.cdm;

import java.time.Instant;

/** A CDM with the id and import time the store gave it. */
public record StoredCdm(long id, Instant importedAt, CdmRow cdm) {
}
