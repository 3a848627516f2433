package io.astroshield.domain.catalog;

/**
 * Catalog numbers as TLEs write them in five columns: plain digits (blank or zero padded)
 * up to 99999, and Alpha-5 above that, where the first character is a letter standing for
 * 10..33 (A=10 ... Z=33, I and O skipped because they read as 1 and 0), so 'A0000' = 100000
 * and 'Z9999' = 339999.
 */
public final class CatalogNumber {

    private static final String ALPHA5_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    private CatalogNumber() {
    }

    /**
     * Decodes a catalog-number field: digits with optional blank padding on the left, or an
     * Alpha-5 letter followed by four digits.
     *
     * @return the catalog number, 0..339999
     * @throws IllegalArgumentException when the text is neither form
     */
    public static int decode(String field) {
        String text = field.strip();
        if (text.isEmpty() || text.length() > 5) {
            throw new IllegalArgumentException("catalog number '" + field + "' is not 1 to 5 characters");
        }
        char first = text.charAt(0);
        int value;
        int start;
        if (first >= '0' && first <= '9') {
            value = 0;
            start = 0;
        } else {
            int letter = ALPHA5_LETTERS.indexOf(first);
            if (letter < 0 || text.length() != 5) {
                throw new IllegalArgumentException("catalog number '" + field
                        + "' is neither digits nor Alpha-5 (a letter other than I or O, then four digits)");
            }
            value = 10 + letter;
            start = 1;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("catalog number '" + field + "' has a non-digit '" + c + "'");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Encodes a catalog number in five columns: zero-padded digits below 100000, Alpha-5 above.
     *
     * @throws IllegalArgumentException outside 0..339999
     */
    public static String encode(int noradId) {
        if (noradId < 0 || noradId > ElementSet.MAX_NORAD_ID) {
            throw new IllegalArgumentException("catalog number " + noradId + " cannot be written in five columns");
        }
        if (noradId < 100_000) {
            return String.format(java.util.Locale.ROOT, "%05d", noradId);
        }
        return ALPHA5_LETTERS.charAt(noradId / 10_000 - 10) + String.format(java.util.Locale.ROOT, "%04d", noradId % 10_000);
    }
}
