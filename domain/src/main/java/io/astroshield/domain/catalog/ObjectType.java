package io.astroshield.domain.catalog;

import java.util.Locale;

/** Kind of catalogued object, as CelesTrak/Space-Track OBJECT_TYPE and 3LE names give it. */
public enum ObjectType {
    PAYLOAD, ROCKET_BODY, DEBRIS, UNKNOWN;

    /** Reads OBJECT_TYPE values ("PAYLOAD", "ROCKET BODY", "DEBRIS", "TBA", "UNKNOWN"). */
    public static ObjectType fromCatalogText(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "PAYLOAD" -> PAYLOAD;
            case "ROCKET BODY", "ROCKET_BODY", "R/B" -> ROCKET_BODY;
            case "DEBRIS", "DEB" -> DEBRIS;
            default -> UNKNOWN;
        };
    }

    /** Guesses the type from a 3LE name line, which by Space-Track convention marks R/B and DEB. */
    public static ObjectType fromObjectName(String name) {
        if (name == null) {
            return UNKNOWN;
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.contains(" R/B") || upper.endsWith("R/B")) {
            return ROCKET_BODY;
        }
        if (upper.contains(" DEB") || upper.endsWith("DEB")) {
            return DEBRIS;
        }
        return UNKNOWN;
    }
}
