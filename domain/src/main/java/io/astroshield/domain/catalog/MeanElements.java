package io.astroshield.domain.catalog;

import io.astroshield.domain.input.Diagnostic;
import io.astroshield.domain.time.ReferenceData;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds an {@link ElementSet} from OMM/GP keywords, whichever syntax carried them (OMM KVN or
 * XML, CelesTrak GP JSON or CSV: they share the CCSDS 502.0-B-3 keywords).
 *
 * <p>MEAN_MOTION_DOT and MEAN_MOTION_DDOT are taken as the TLE fields they come from (n-dot / 2 in
 * rev/day^2, n-ddot / 6 in rev/day^3), which is what Space-Track and CelesTrak publish, so an OMM and
 * the TLE it was made from give equal element sets.
 */
final class MeanElements {

    private static final Instant EARLIEST_EPOCH = Instant.parse("1957-01-01T00:00:00Z");
    private static final Instant LATEST_EPOCH = Instant.parse("2100-01-01T00:00:00Z");

    private MeanElements() {
    }

    /**
     * @param fields        keyword to value for one message or row
     * @param ccsdsMessage  true for an OMM, where CCSDS makes the metadata mandatory; GP rows may omit it
     * @param recordLine    line where the record starts (0 when unknown)
     * @param recordSource  value for {@link ElementSet#source()}
     * @param warnings      where warnings about kept records go
     */
    static ElementSet build(Map<String, FieldValue> fields, boolean ccsdsMessage, String source, int recordLine,
                            String recordSource, ReferenceData reference, List<Diagnostic> warnings) throws BadRecord {
        String theory = text(fields, "MEAN_ELEMENT_THEORY");
        int ephemerisTypeDefault = 0;
        boolean xp = false;
        if (theory == null) {
            if (ccsdsMessage) {
                throw missing(recordLine, "MEAN_ELEMENT_THEORY");
            }
        } else {
            String t = theory.toUpperCase(Locale.ROOT);
            if (t.equals("SGP4-XP") || t.equals("SGP4XP")) {
                xp = true;
                ephemerisTypeDefault = 4;
            } else if (!t.equals("SGP4") && !t.equals("SGP/SGP4")) {
                FieldValue f = fields.get("MEAN_ELEMENT_THEORY");
                throw new BadRecord(f.line(), f.key(), "MEAN_ELEMENT_THEORY '" + Values.abbreviate(theory)
                        + "' is not supported; only SGP4 and SGP4-XP mean elements are read");
            }
        }
        requireValue(fields, "CENTER_NAME", "EARTH", ccsdsMessage, recordLine);
        requireValue(fields, "REF_FRAME", "TEME", ccsdsMessage, recordLine);
        String timeSystem = text(fields, "TIME_SYSTEM");
        if (timeSystem == null && ccsdsMessage) {
            throw missing(recordLine, "TIME_SYSTEM");
        }

        FieldValue epochField = required(fields, "EPOCH", recordLine);
        Instant epoch;
        try {
            epoch = CcsdsTime.parse(epochField.value(), timeSystem, reference);
        } catch (IllegalArgumentException ex) {
            throw new BadRecord(epochField.line(), "EPOCH", "EPOCH " + ex.getMessage());
        }
        if (epoch.isBefore(EARLIEST_EPOCH) || !epoch.isBefore(LATEST_EPOCH)) {
            // no element set predates Sputnik; far-future epochs are typos that would poison screening windows
            throw new BadRecord(epochField.line(), "EPOCH", "EPOCH " + epoch + " is outside 1957..2099");
        }

        if (!fields.containsKey("MEAN_MOTION") && fields.containsKey("SEMI_MAJOR_AXIS")) {
            FieldValue f = fields.get("SEMI_MAJOR_AXIS");
            throw new BadRecord(f.line(), f.key(), "SGP4 mean elements must give MEAN_MOTION, not SEMI_MAJOR_AXIS");
        }
        double meanMotionRevPerDay = number(fields, "MEAN_MOTION", "rev/day", recordLine);
        double eccentricity = number(fields, "ECCENTRICITY", "n/a", recordLine);
        double inclinationDeg = number(fields, "INCLINATION", "deg", recordLine);
        double raanDeg = number(fields, "RA_OF_ASC_NODE", "deg", recordLine);
        double argPerigeeDeg = number(fields, "ARG_OF_PERICENTER", "deg", recordLine);
        double meanAnomalyDeg = number(fields, "MEAN_ANOMALY", "deg", recordLine);

        FieldValue noradField = required(fields, "NORAD_CAT_ID", recordLine);
        int norad;
        try {
            norad = CatalogNumber.decode(noradField.value());
        } catch (IllegalArgumentException ex) {
            throw new BadRecord(noradField.line(), "NORAD_CAT_ID", "NORAD_CAT_ID " + ex.getMessage());
        }
        char classification = 'U';
        String classText = text(fields, "CLASSIFICATION_TYPE");
        if (classText != null) {
            if (classText.length() != 1 || "UCS".indexOf(classText.charAt(0)) < 0) {
                FieldValue f = fields.get("CLASSIFICATION_TYPE");
                throw new BadRecord(f.line(), f.key(), "CLASSIFICATION_TYPE is '" + Values.abbreviate(classText)
                        + "', expected U, C or S");
            }
            classification = classText.charAt(0);
        }
        int ephemerisType = fields.containsKey("EPHEMERIS_TYPE") ? Values.integer(fields.get("EPHEMERIS_TYPE")) : ephemerisTypeDefault;
        int elementSetNumber = fields.containsKey("ELEMENT_SET_NO") ? Values.integer(fields.get("ELEMENT_SET_NO")) : 0;
        int revolutions = fields.containsKey("REV_AT_EPOCH") ? Values.integer(fields.get("REV_AT_EPOCH")) : 0;

        double bStar;
        double nDotHalf = number(fields, "MEAN_MOTION_DOT", "rev/day**2", recordLine);
        double nDdotSixth;
        if (xp && !fields.containsKey("BSTAR")) {
            // SGP4-XP carries BTERM and AGOM instead of B* and n-ddot; ElementSet has no place for them.
            number(fields, "BTERM", "m**2/kg", recordLine);
            bStar = 0;
            nDdotSixth = fields.containsKey("MEAN_MOTION_DDOT") ? number(fields, "MEAN_MOTION_DDOT", "rev/day**3", recordLine) : 0;
            warnings.add(Diagnostic.warning(source, fields.get("BTERM").line(), "BTERM",
                    "SGP4-XP BTERM/AGOM kept out of the element set: B* set to 0, ephemeris type " + ephemerisType));
        } else {
            bStar = number(fields, "BSTAR", "1/ER", recordLine);
            nDdotSixth = number(fields, "MEAN_MOTION_DDOT", "rev/day**3", recordLine);
        }

        String name = text(fields, "OBJECT_NAME");
        String designator = text(fields, "OBJECT_ID");
        String typeText = text(fields, "OBJECT_TYPE");
        ObjectType type = typeText != null ? ObjectType.fromCatalogText(typeText) : ObjectType.fromObjectName(name);
        try {
            return new ElementSet(norad, name, designator, classification, epoch,
                    meanMotionRevPerDay * TleReader.REV_PER_DAY_TO_RAD_PER_S,
                    eccentricity,
                    Math.toRadians(inclinationDeg),
                    Math.toRadians(raanDeg),
                    Math.toRadians(argPerigeeDeg),
                    Math.toRadians(meanAnomalyDeg),
                    bStar,
                    2 * nDotHalf * TleReader.REV_PER_DAY2_TO_RAD_PER_S2,
                    6 * nDdotSixth * TleReader.REV_PER_DAY3_TO_RAD_PER_S3,
                    elementSetNumber, revolutions, ephemerisType, type, recordSource);
        } catch (IllegalArgumentException ex) {
            throw new BadRecord(recordLine, null, "element set rejected: " + ex.getMessage());
        }
    }

    private static void requireValue(Map<String, FieldValue> fields, String key, String expected, boolean mandatory,
                                     int recordLine) throws BadRecord {
        FieldValue f = fields.get(key);
        if (f == null || f.value().isBlank()) {
            if (mandatory) {
                throw missing(recordLine, key);
            }
            return;
        }
        if (!f.value().strip().equalsIgnoreCase(expected)) {
            throw new BadRecord(f.line(), key, key + " is '" + Values.abbreviate(f.value()) + "'; SGP4 mean elements need "
                    + expected);
        }
    }

    private static String text(Map<String, FieldValue> fields, String key) {
        FieldValue f = fields.get(key);
        if (f == null) {
            return null;
        }
        String v = f.value().strip();
        return v.isEmpty() ? null : v;
    }

    private static FieldValue required(Map<String, FieldValue> fields, String key, int recordLine) throws BadRecord {
        FieldValue f = fields.get(key);
        if (f == null || f.value().isBlank()) {
            throw missing(recordLine, key);
        }
        return f;
    }

    private static double number(Map<String, FieldValue> fields, String key, String unit, int recordLine) throws BadRecord {
        FieldValue f = required(fields, key, recordLine);
        Values.requireUnit(f, unit);
        return Values.decimal(f);
    }

    private static BadRecord missing(int recordLine, String key) {
        return new BadRecord(recordLine, key, key + " is missing");
    }
}
