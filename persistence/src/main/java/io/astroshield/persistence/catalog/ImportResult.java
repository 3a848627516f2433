package io.astroshield.persistence.catalog;

/**
 * What an element-set import did.
 *
 * @param stored     element sets written
 * @param duplicates element sets skipped because the store already had one for that object and epoch
 * @param objects    distinct objects the import touched
 */
public record ImportResult(int stored, int duplicates, int objects) {
}
