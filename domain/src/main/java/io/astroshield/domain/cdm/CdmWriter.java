package io.astroshield.domain.cdm;

import io.astroshield.domain.DomainError;
import io.astroshield.domain.DomainException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Writes a {@link ConjunctionDataMessage} as CCSDS CDM KVN (508.0-B-1, version 1.0 keywords
 * and units) that {@link CdmReader} and Orekit read back.
 * <p>
 * Precision: numbers are written with {@link Double#toString(double)}, the shortest decimal
 * that reads back as the same double. Fields whose CCSDS unit is the SI unit (metres, m/s,
 * covariance terms, Pc, HBR) therefore read back bit for bit. The state vector is written in
 * km and km/s as CCSDS prescribes, so reading it back multiplies by 1000 again: equal to within
 * 1 ulp of the SI value (about 7e-9 m at GEO radius). Times are written to the nanosecond and
 * read back exactly.
 * <p>
 * The standard makes the RTN covariance of both objects mandatory, and Orekit refuses a CDM
 * without it; a record without covariance is therefore refused here rather than written with
 * invented numbers. Attach a covariance first, e.g. a documented default one with
 * {@link CovarianceMethod#DEFAULT}.
 */
public final class CdmWriter {

    /** The CCSDS_CDM_VERS written. */
    public static final String CCSDS_CDM_VERSION = "1.0";

    private static final int KEY_WIDTH = 30;
    private static final int VALUE_WIDTH = 28;

    /**
     * The KVN text of {@code message}; its {@code rawText} is ignored.
     *
     * @throws DomainException {@link DomainError#INVALID_ARGUMENT} when an object has no
     *                         covariance or a time cannot be written with a 4-digit year
     */
    public String write(ConjunctionDataMessage message) {
        for (CdmObject o : List.of(message.object1(), message.object2())) {
            if (o.covariance() == null) {
                throw new DomainException(DomainError.INVALID_ARGUMENT, "object " + o.designator()
                        + " has no covariance: CCSDS 508.0-B-1 makes CR_R..CNDOT_NDOT mandatory; attach one "
                        + "(COVARIANCE_METHOD = DEFAULT for a documented default) before writing a CDM");
            }
        }
        StringBuilder out = new StringBuilder(8192);
        line(out, "CCSDS_CDM_VERS", CCSDS_CDM_VERSION, null);
        line(out, "CREATION_DATE", time(message.creationDate()), null);
        line(out, "ORIGINATOR", message.originator(), null);
        line(out, "MESSAGE_ID", message.messageId(), null);
        line(out, "TCA", time(message.tca()), null);
        line(out, "MISS_DISTANCE", number(message.missDistanceM()), "m");
        optional(out, "RELATIVE_SPEED", message.relativeSpeedMps(), "m/s");
        if (message.relativePositionM() != null) {
            rtn(out, "RELATIVE_POSITION_", message.relativePositionM(), "m");
        }
        if (message.relativeVelocityMps() != null) {
            rtn(out, "RELATIVE_VELOCITY_", message.relativeVelocityMps(), "m/s");
        }
        optional(out, "COLLISION_PROBABILITY", message.collisionProbability(), null);
        if (message.collisionProbabilityMethod() != null) {
            line(out, "COLLISION_PROBABILITY_METHOD", message.collisionProbabilityMethod(), null);
        }
        // CARA's convention for the combined hard-body radius: a comment in the relative metadata, metres
        hbr(out, message.hardBodyRadiusM());
        object(out, "OBJECT1", message.object1());
        object(out, "OBJECT2", message.object2());
        return out.toString();
    }

    private static void object(StringBuilder out, String label, CdmObject o) {
        line(out, "OBJECT", label, null);
        line(out, "OBJECT_DESIGNATOR", o.designator(), null);
        line(out, "CATALOG_NAME", o.catalogName(), null);
        line(out, "OBJECT_NAME", o.name(), null);
        line(out, "INTERNATIONAL_DESIGNATOR", o.internationalDesignator() == null ? "UNKNOWN" : o.internationalDesignator(), null);
        line(out, "EPHEMERIS_NAME", "NONE", null);
        line(out, "COVARIANCE_METHOD", o.covarianceMethod().name(), null);
        line(out, "MANEUVERABLE", o.maneuverable().ccsdsValue(), null);
        line(out, "REF_FRAME", o.refFrame().ccsdsName(), null);
        hbr(out, o.hardBodyRadiusM());
        CartesianState s = o.state();
        line(out, "X", number(s.xM() / 1000.0), "km");
        line(out, "Y", number(s.yM() / 1000.0), "km");
        line(out, "Z", number(s.zM() / 1000.0), "km");
        line(out, "X_DOT", number(s.vxMps() / 1000.0), "km/s");
        line(out, "Y_DOT", number(s.vyMps() / 1000.0), "km/s");
        line(out, "Z_DOT", number(s.vzMps() / 1000.0), "km/s");
        double[] terms = o.covariance().lowerTriangle();
        for (int i = 0; i < terms.length; i++) {
            String key = RtnCovariance.KEYWORDS.get(i);
            line(out, key, number(terms[i]), covarianceUnit(key));
        }
    }

    /** m², m²/s or m²/s² from the number of velocity indices in the keyword. */
    private static String covarianceUnit(String key) {
        int underscore = key.indexOf('_');
        int dots = (key.substring(0, underscore).endsWith("DOT") ? 1 : 0) + (key.endsWith("DOT") ? 1 : 0);
        return switch (dots) {
            case 0 -> "m**2";
            case 1 -> "m**2/s";
            default -> "m**2/s**2";
        };
    }

    private static void hbr(StringBuilder out, OptionalDouble hbrM) {
        if (hbrM.isPresent()) {
            out.append("COMMENT HBR = ").append(number(hbrM.getAsDouble())).append('\n');
        }
    }

    private static void rtn(StringBuilder out, String prefix, RtnVector v, String unit) {
        line(out, prefix + "R", number(v.r()), unit);
        line(out, prefix + "T", number(v.t()), unit);
        line(out, prefix + "N", number(v.n()), unit);
    }

    private static void optional(StringBuilder out, String key, OptionalDouble value, String unit) {
        if (value.isPresent()) {
            line(out, key, number(value.getAsDouble()), unit);
        }
    }

    private static void line(StringBuilder out, String key, String value, String unit) {
        int start = out.length();
        out.append(key);
        pad(out, start + KEY_WIDTH);
        out.append("= ").append(value);
        if (unit != null) {
            pad(out, start + KEY_WIDTH + 2 + VALUE_WIDTH);
            out.append(" [").append(unit).append(']');
        }
        out.append('\n');
    }

    private static void pad(StringBuilder out, int column) {
        while (out.length() < column) {
            out.append(' ');
        }
    }

    private static String number(double v) {
        return Double.toString(v);
    }

    /** UTC, {@code YYYY-MM-DDThh:mm:ss.fff} with as many fraction digits as needed (3 to 9). */
    static String time(Instant t) {
        LocalDateTime utc = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        if (utc.getYear() < 0 || utc.getYear() > 9999) {
            throw new DomainException(DomainError.INVALID_ARGUMENT, "time " + t + " has no 4-digit CCSDS year");
        }
        String fraction = String.format(Locale.ROOT, "%09d", utc.getNano());
        int digits = 9;
        while (digits > 3 && fraction.charAt(digits - 1) == '0') {
            digits--;
        }
        return String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.%s", utc.getYear(), utc.getMonthValue(),
                utc.getDayOfMonth(), utc.getHour(), utc.getMinute(), utc.getSecond(), fraction.substring(0, digits));
    }
}
