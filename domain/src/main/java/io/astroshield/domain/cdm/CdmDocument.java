package io.astroshield.domain.cdm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CDM text cut into entries (KVN lines or XML leaf elements) that the repair pass can
 * inspect and rewrite, and that renders back to text: either line-for-line (dropped KVN lines
 * become blank, so Orekit's line numbers stay those of the original) or as the repaired file
 * (dropped lines removed).
 */
final class CdmDocument {

    enum Format { KVN, XML }

    /** A KVN line that is neither blank, comment, keyword = value, nor block start/stop. */
    record StrayLine(int line, String text) {
    }

    private static final Pattern KVN_KEY_VALUE = Pattern.compile("^\\p{Blank}*+([A-Za-z][A-Za-z_0-9]*+)(\\p{Blank}*+)=(\\p{Blank}*+)(.*)$");
    private static final Pattern KVN_COMMENT = Pattern.compile("^\\p{Blank}*+COMMENT(.*)$");
    private static final Pattern KVN_BLOCK = Pattern.compile("^\\p{Blank}*+[A-Z][A-Z_0-9]*+_(?:START|STOP)\\p{Blank}*+$");

    private static final Pattern XML_LEAF = Pattern.compile(
            "<([A-Za-z][A-Za-z0-9_]*+)((?:\\s++[A-Za-z_:][-A-Za-z0-9_:.]*+\\s*+=\\s*+(?:\"[^\"]*+\"|'[^']*+'))*+)\\s*+"
                    + "(?:/>|>([^<]*+)</\\1\\s*+>)");
    private static final Pattern XML_UNITS = Pattern.compile("\\s++units\\s*+=\\s*+(?:\"([^\"]*+)\"|'([^']*+)')");
    private static final Pattern XML_SEGMENT = Pattern.compile("<segment[\\s>/]");
    private static final Pattern UPPER_KEY = Pattern.compile("[A-Z][A-Z0-9_]*+");

    /** Key of the dropped entry that stands for a stray line. */
    static final String STRAY_KEY = "";

    final Format format;
    final String text;
    final List<CdmEntry> entries;
    final List<StrayLine> strayLines;
    /** Number of object sections found (OBJECT lines in KVN, segment elements in XML). */
    final int objectSections;
    private final int[] lineStarts;

    private CdmDocument(Format format, String text, List<CdmEntry> entries, List<StrayLine> strayLines,
                        int objectSections, int[] lineStarts) {
        this.format = format;
        this.text = text;
        this.entries = entries;
        this.strayLines = strayLines;
        this.objectSections = objectSections;
        this.lineStarts = lineStarts;
    }

    static CdmDocument parse(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        boolean xml = i < text.length() && text.charAt(i) == '<';
        return xml ? parseXml(text) : parseKvn(text);
    }

    /** Line starts the way {@link java.io.BufferedReader#readLine()} splits: at \n, \r or \r\n. */
    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            if (c == '\r' || c == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    /** End of line {@code index} (0-based) without its terminator. */
    private int lineEnd(int index) {
        int end = index + 1 < lineStarts.length ? lineStarts[index + 1] : text.length();
        while (end > lineStarts[index] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    /** 1-based line holding character {@code offset}. */
    int lineOf(int offset) {
        int k = Arrays.binarySearch(lineStarts, offset);
        return (k >= 0 ? k : -k - 2) + 1;
    }

    int lineCount() {
        return lineStarts.length;
    }

    private static CdmDocument parseKvn(String text) {
        int[] starts = lineStarts(text);
        CdmDocument doc = new CdmDocument(Format.KVN, text, new ArrayList<>(), new ArrayList<>(), 0, starts);
        int section = 0;
        for (int index = 0; index < starts.length; index++) {
            int start = starts[index];
            int end = doc.lineEnd(index);
            String line = text.substring(start, end);
            int lineNumber = index + 1;
            if (line.isBlank()) {
                continue;
            }
            Matcher kv = KVN_KEY_VALUE.matcher(line);
            if (kv.matches() && !"COMMENT".equalsIgnoreCase(kv.group(1))) {
                String key = kv.group(1);
                if ("OBJECT".equalsIgnoreCase(key)) {
                    section++;
                }
                String rest = kv.group(4);
                int restOffset = kv.start(4);
                String value = rest.strip();
                String unit = null;
                boolean truncated = false;
                int unitColumn = -1;
                CdmKeywords.Spec spec = CdmKeywords.spec(key.toUpperCase(Locale.ROOT));
                int bracket = rest.lastIndexOf('[');
                if (spec.numeric() && bracket >= 0) {
                    String after = rest.substring(bracket + 1).strip();
                    int close = after.indexOf(']');
                    if (close < 0 || close == after.length() - 1) {
                        unit = (close < 0 ? after : after.substring(0, close)).strip();
                        truncated = close < 0;
                        value = rest.substring(0, bracket).strip();
                        unitColumn = restOffset + bracket;
                    }
                }
                doc.entries.add(new CdmEntry(lineNumber, section, key, value, unit, truncated, start, end,
                        unitColumn, kv.group(3), null));
                continue;
            }
            Matcher comment = KVN_COMMENT.matcher(line);
            if (kv.matches() || comment.matches()) {
                String value = kv.matches() ? kv.group(4).strip() : comment.group(1).strip();
                doc.entries.add(new CdmEntry(lineNumber, section, "COMMENT", value, null, false, start, end, -1, " ", null));
                continue;
            }
            if (KVN_BLOCK.matcher(line).matches()) {
                continue;
            }
            doc.strayLines.add(new StrayLine(lineNumber, line));
            // kept as a dropped entry so that the repaired text (and what Orekit sees) omits it
            CdmEntry stray = new CdmEntry(lineNumber, section, STRAY_KEY, line, null, false, start, end, -1, " ", null);
            stray.dropped = true;
            doc.entries.add(stray);
        }
        return new CdmDocument(Format.KVN, text, doc.entries, doc.strayLines, section, starts);
    }

    private static CdmDocument parseXml(String text) {
        int[] starts = lineStarts(text);
        List<Integer> segments = new ArrayList<>();
        Matcher seg = XML_SEGMENT.matcher(text);
        while (seg.find()) {
            segments.add(seg.start());
        }
        CdmDocument doc = new CdmDocument(Format.XML, text, new ArrayList<>(), List.of(), segments.size(), starts);
        Matcher leaf = XML_LEAF.matcher(text);
        while (leaf.find()) {
            String key = leaf.group(1);
            if (!UPPER_KEY.matcher(key).matches()) {
                continue;
            }
            int section = 0;
            while (section < segments.size() && segments.get(section) < leaf.start()) {
                section++;
            }
            String attributes = leaf.group(2);
            String unit = null;
            Matcher units = XML_UNITS.matcher(attributes);
            String others = attributes;
            if (units.find()) {
                unit = (units.group(1) != null ? units.group(1) : units.group(2)).strip();
                others = attributes.substring(0, units.start()) + attributes.substring(units.end());
            }
            String value = leaf.group(3) == null ? "" : decodeXml(leaf.group(3)).strip();
            doc.entries.add(new CdmEntry(doc.lineOf(leaf.start()), section, key, value, unit, false,
                    leaf.start(), leaf.end(), -1, null, others));
        }
        return doc;
    }

    /** The five predefined XML entities and numeric character references. */
    static String decodeXml(String raw) {
        if (raw.indexOf('&') < 0) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            int semi = c == '&' ? raw.indexOf(';', i) : -1;
            if (semi > i && semi - i <= 10) {
                String name = raw.substring(i + 1, semi);
                String decoded = switch (name) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    default -> numericReference(name);
                };
                if (decoded != null) {
                    sb.append(decoded);
                    i = semi + 1;
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    private static String numericReference(String name) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
            }
            if (name.startsWith("#")) {
                return new String(Character.toChars(Integer.parseInt(name.substring(1))));
            }
        } catch (IllegalArgumentException ex) {
            // not a valid reference: keep the text as written
            return null;
        }
        return null;
    }

    static String encodeXml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * The text with every repair applied. With {@code keepLines}, a dropped KVN line stays as an
     * empty line (for the parser, so its line numbers are the original ones); without, it is removed.
     */
    String render(boolean keepLines) {
        List<CdmEntry> changed = new ArrayList<>();
        for (CdmEntry e : entries) {
            if (e.changed()) {
                changed.add(e);
            }
        }
        if (changed.isEmpty()) {
            return text;
        }
        changed.sort(Comparator.comparingInt(e -> e.start));
        StringBuilder sb = new StringBuilder(text.length());
        int pos = 0;
        for (CdmEntry e : changed) {
            sb.append(text, pos, e.start);
            int end = e.end;
            if (e.dropped) {
                if (format == Format.XML) {
                    // keep the element's line breaks so that later lines keep their numbers
                    text.substring(e.start, e.end).chars().filter(c -> c == '\n').forEach(c -> sb.append('\n'));
                } else if (!keepLines) {
                    end = skipTerminator(end);
                }
            } else {
                sb.append(format == Format.KVN ? kvnLine(e) : xmlElement(e));
            }
            pos = end;
        }
        sb.append(text, pos, text.length());
        return sb.toString();
    }

    private int skipTerminator(int end) {
        if (end < text.length() && text.charAt(end) == '\r') {
            end++;
        }
        if (end < text.length() && text.charAt(end) == '\n') {
            end++;
        }
        return end;
    }

    private String kvnLine(CdmEntry e) {
        String original = text.substring(e.start, e.end);
        StringBuilder sb = new StringBuilder();
        if (e.isComment()) {
            return "COMMENT " + e.value;
        }
        int equals = original.indexOf('=');
        if (e.key.equals(e.originalKey) && equals >= 0) {
            sb.append(original, 0, equals + 1).append(e.kvnPadding);
        } else {
            // the key changed (e.g. upper-cased): keep the column of '='
            int keyStart = original.length() - original.stripLeading().length();
            String head = original.substring(0, keyStart) + e.key;
            int width = Math.max(head.length() + 1, equals);
            sb.append(String.format("%-" + width + "s", head)).append('=').append(e.kvnPadding);
        }
        sb.append(e.value);
        if (e.unit != null) {
            int column = e.unitColumn >= 0 ? e.unitColumn : sb.length() + 1;
            while (sb.length() < column) {
                sb.append(' ');
            }
            if (sb.charAt(sb.length() - 1) != ' ') {
                sb.append(' ');
            }
            sb.append('[').append(e.unit).append(']');
        }
        return sb.toString();
    }

    private static String xmlElement(CdmEntry e) {
        StringBuilder sb = new StringBuilder("<").append(e.key).append(e.xmlOtherAttributes);
        if (e.unit != null) {
            sb.append(" units=\"").append(encodeXml(e.unit).replace("\"", "&quot;")).append('"');
        }
        return sb.append('>').append(encodeXml(e.value)).append("</").append(e.key).append('>').toString();
    }
}
