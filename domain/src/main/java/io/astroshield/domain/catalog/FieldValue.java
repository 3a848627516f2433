package io.astroshield.domain.catalog;

/**
 * One keyword's value as a message carries it, before any conversion.
 *
 * @param key   keyword (e.g. MEAN_MOTION)
 * @param value text after '=' (KVN), element text (XML), cell (CSV) or scalar (JSON), trimmed
 * @param unit  unit written with it ("[deg]" in KVN, units="deg" in XML), or null
 * @param line  1-based line where it was written, 0 when unknown
 */
record FieldValue(String key, String value, String unit, int line) {
}
