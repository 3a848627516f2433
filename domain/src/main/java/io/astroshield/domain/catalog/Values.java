package io.astroshield.domain.catalog;

import java.util.Locale;
import java.util.regex.Pattern;

/** Strict number parsing for message values: no NaN, no Infinity, no hex, no Java suffixes like 'd'. */
final class Values {

    // possessive quantifiers: a long run of digits that fails to match must not backtrack quadratically
    private static final Pattern DECIMAL = Pattern.compile("[+-]?+(\\d++(\\.\\d*+)?+|\\.\\d++)([eEdD][+-]?+\\d{1,4}+)?+");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");

    private Values() {
    }

    /** A finite decimal number (Fortran 'D' exponents accepted, as some producers write them). */
    static double decimal(FieldValue f) throws BadRecord {
        String text = f.value().strip();
        if (!DECIMAL.matcher(text).matches()) {
            throw new BadRecord(f.line(), f.key(), f.key() + " is '" + abbreviate(text) + "', not a decimal number");
        }
        double value = Double.parseDouble(text.replace('d', 'e').replace('D', 'e'));
        if (!Double.isFinite(value)) {
            throw new BadRecord(f.line(), f.key(), f.key() + " " + abbreviate(text) + " is out of range");
        }
        return value;
    }

    /** An integer within int range; a value written with a zero fraction ("12.0", as some JSON producers do) is accepted. */
    static int integer(FieldValue f) throws BadRecord {
        String text = f.value().strip();
        if (text.endsWith(".0")) {
            text = text.substring(0, text.length() - 2);
        }
        if (!INTEGER.matcher(text).matches()) {
            throw new BadRecord(f.line(), f.key(), f.key() + " is '" + abbreviate(f.value()) + "', not an integer");
        }
        long value = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new BadRecord(f.line(), f.key(), f.key() + " " + text + " is out of range");
        }
        return (int) value;
    }

    /**
     * Checks the unit written with a value against the one the standard prescribes; a value
     * written without a unit is taken in the prescribed unit (CCSDS units are optional in KVN).
     */
    static void requireUnit(FieldValue f, String expected) throws BadRecord {
        if (f.unit() == null) {
            return;
        }
        String found = normaliseUnit(f.unit());
        if (!found.equals(normaliseUnit(expected))) {
            throw new BadRecord(f.line(), f.key(), f.key() + " is given in [" + abbreviate(f.unit()) + "], expected ["
                    + expected + "]");
        }
    }

    private static String normaliseUnit(String unit) {
        String u = unit.strip().toLowerCase(Locale.ROOT).replace("^", "**").replace(" ", "");
        return switch (u) {
            case "n/a", "" -> "";
            case "rev/d" -> "rev/day";
            case "rev/d**2" -> "rev/day**2";
            case "rev/d**3" -> "rev/day**3";
            case "1/re" -> "1/er";
            case "degrees" -> "deg";
            default -> u;
        };
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < text.length() && k < 40; k++) {
            char c = text.charAt(k);
            // control and non-printable characters are shown escaped so a diagnostic stays one readable line
            sb.append(c < ' ' || c == 0x7f || Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : c);
        }
        if (text.length() > 40) {
            sb.append("...");
        }
        return sb.toString();
    }
}
