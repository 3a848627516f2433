package io.astroshield.domain.catalog;

import io.astroshield.domain.input.Diagnostic;
import io.astroshield.domain.input.ReadResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Feeds every reader random bytes and mutated valid records (characters flipped, inserted and
 * deleted, lines truncated, duplicated and swapped, numbers made huge, NaN, unicode, markup) and
 * asserts that only a {@link ReadResult} comes back: no exception escapes, the readers' safety net
 * for their own bugs never fires, and no batch hangs. Seeds are fixed, so a failure names the
 * format, batch seed and input index that reproduce it.
 */
class ReadersFuzzTest {

    /** Scale up for an exploratory run: -Dastroshield.fuzz.batches=200 (the default keeps the build near 10 s). */
    private static final int BATCHES_PER_FORMAT = Integer.getInteger("astroshield.fuzz.batches", 4);
    private static final int INPUTS_PER_BATCH = 400;
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(10);

    /** Tokens that have broken parsers before: special numbers, separators, markup, odd unicode. */
    private static final String[] NASTY = {
        "NaN", "-NaN", "Infinity", "-Infinity", "1e999999", "1e-999999", "99999999999999999999999", "-0",
        "0x1p3", "1d", "1.0f", "+", "-", ".", "..", "e", "E+", "", " ", "\t", "\r", "\n", "\r\n", "\u0000",
        "\u00e9", "\u2028", "\uD83D\uDE00", "\uD800", "\uDC00", "\uFEFF", "\uFFFD", "\u0660\u0661", "=", "==",
        "[", "]", "[km]", "[deg]", "[rev/day]", ",", ";", "\"", "\"\"", "{", "}", "[{}]", ":", "null", "true",
        "<", ">", "</", "/>", "&", "&amp;", "&x;", "<![CDATA[", "]]>", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>",
        "<?xml version=\"1.0\"?>", "<omm>", "</omm>", "<stateVector>", "</stateVector>", "<segment>",
        "META_START", "META_STOP", "COVARIANCE_START", "COVARIANCE_STOP", "CCSDS_OMM_VERS = 2.0",
        "CCSDS_OEM_VERS = 2.0", "COMMENT", "EPOCH = ", "TIME_SYSTEM = TAI", "TIME_SYSTEM = UT1",
        "2022-13-45T25:61:61", "2022-366T00:00:00", "2016-12-31T23:59:60.5", "0000-001T00:00:00",
        "9999-12-31T23:59:59.9999999999999", "1 ", "2 ", "0 ", "A0000", "I0000", "Z9999", "     ",
        "-.99999999", " 99999-9", " 99999+9", "-12345-0", "360.0000", "999.9999", "9999999",
    };

    private record Format(String name, List<String> seeds, BiFunction<String, String, ReadResult<?>> reader) {
    }

    private static List<Format> formats() {
        String tle = String.join("\n", "0 ISS (ZARYA)", TleReaderTest.ISS_1, TleReaderTest.ISS_2,
                TleReaderTest.A0000_1, TleReaderTest.A0000_2, "VANGUARD", TleReaderTest.PADDED_1, TleReaderTest.PADDED_2,
                TleReaderTest.Z9999_1, TleReaderTest.Z9999_2) + "\r\n";
        String ommXml = OmmReaderTest.GOES9_XML;
        String ndm = "<ndm>\n" + ommXml.substring(ommXml.indexOf("<omm")) + ommXml.substring(ommXml.indexOf("<omm")) + "</ndm>";
        String json = "[\n" + GpReaderTest.ISS_OBJECT + ",\n" + GpReaderTest.ISS_OBJECT.replace("25544", "\"25545\"") + "\n]";
        String csv = GpReaderTest.CSV_HEADER + "\n" + GpReaderTest.ISS_ROW + "\n" + GpReaderTest.ISS_ROW + "\n";
        return List.of(
                new Format("TLE", List.of(tle), TleReader::read),
                new Format("OMM-KVN", List.of(OmmReaderTest.GOES9_KVN + "\n" + OmmReaderTest.GOES9_KVN), OmmReader::read),
                new Format("OMM-XML", List.of(ommXml, ndm), OmmReader::read),
                new Format("GP-JSON", List.of(json), GpReader::readJson),
                new Format("GP-CSV", List.of(csv), GpReader::readCsv),
                new Format("OEM-KVN", List.of(OemReaderTest.OEM_KVN), OemReader::read),
                new Format("OEM-XML", List.of(OemReaderTest.OEM_XML), OemReader::read),
                new Format("CATALOG", List.of(tle, OmmReaderTest.GOES9_KVN, ommXml, json, csv), CatalogReader::read));
    }

    @TestFactory
    Stream<DynamicTest> mutatedRecordsNeverEscapeAsExceptionsOrHang() {
        return formats().stream().flatMap(format -> IntStream.range(0, BATCHES_PER_FORMAT).mapToObj(batch -> {
            long seed = 0x5EED_0000L + 1_000L * format.name().hashCode() + batch;
            return DynamicTest.dynamicTest(format.name() + " batch " + batch + " (seed " + seed + ")",
                    () -> assertTimeoutPreemptively(BATCH_TIMEOUT, () -> runBatch(format, seed)));
        }));
    }

    @TestFactory
    Stream<DynamicTest> randomBytesNeverEscapeAsExceptionsOrHang() {
        return formats().stream().map(format -> {
            long seed = 0xB17E5L + format.name().hashCode();
            return DynamicTest.dynamicTest(format.name() + " random bytes (seed " + seed + ")",
                    () -> assertTimeoutPreemptively(BATCH_TIMEOUT, () -> {
                        Random random = new Random(seed);
                        for (int i = 0; i < INPUTS_PER_BATCH / 2; i++) {
                            byte[] bytes = new byte[random.nextInt(2_000)];
                            random.nextBytes(bytes);
                            String text = random.nextBoolean() ? new String(bytes, StandardCharsets.UTF_8)
                                    : new String(bytes, StandardCharsets.ISO_8859_1);
                            check(format, seed, i, text);
                        }
                    }));
        });
    }

    private static void runBatch(Format format, long seed) {
        Random random = new Random(seed);
        int withRecords = 0;
        int withErrors = 0;
        for (int i = 0; i < INPUTS_PER_BATCH; i++) {
            String base = format.seeds().get(random.nextInt(format.seeds().size()));
            String text = mutate(base, random);
            ReadResult<?> result = check(format, seed, i, text);
            withRecords += result.records().isEmpty() ? 0 : 1;
            withErrors += result.hasErrors() ? 1 : 0;
        }
        // the mutations must both keep some records readable and break others, or the batch tests little
        assertThat(withRecords).as("%s seed %d: inputs still giving records", format.name(), seed).isPositive();
        assertThat(withErrors).as("%s seed %d: inputs giving errors", format.name(), seed).isPositive();
    }

    private static ReadResult<?> check(Format format, long seed, int index, String text) {
        ReadResult<?> result;
        try {
            result = format.reader().apply("fuzz", text);
        } catch (Throwable ex) {
            throw new AssertionError(format.name() + " seed " + seed + " input #" + index + " threw " + ex
                    + "\n--- input ---\n" + text, ex);
        }
        assertThat(result).as("%s seed %d input #%d", format.name(), seed, index).isNotNull();
        for (Diagnostic d : result.diagnostics()) {
            assertThat(d.reason()).as("%s seed %d input #%d: reader bug caught by the safety net\n--- input ---\n%s",
                    format.name(), seed, index, text).doesNotContain(Inputs.INTERNAL_ERROR);
        }
        return result;
    }

    /** Applies one to six random mutations; TLE lines sometimes get their checksum fixed to reach the fields. */
    static String mutate(String base, Random random) {
        StringBuilder text = new StringBuilder(base);
        int count = 1 + random.nextInt(6);
        for (int m = 0; m < count; m++) {
            int kind = random.nextInt(10);
            int len = text.length();
            int at = len == 0 ? 0 : random.nextInt(len + 1);
            switch (kind) {
                case 0 -> { // flip one character to a random printable ASCII one
                    if (len > 0) {
                        text.setCharAt(Math.min(at, len - 1), (char) (' ' + random.nextInt(95)));
                    }
                }
                case 1 -> { // flip one character to any char (control, surrogate, unicode)
                    if (len > 0) {
                        text.setCharAt(Math.min(at, len - 1), (char) random.nextInt(0x10000));
                    }
                }
                case 2 -> text.insert(at, NASTY[random.nextInt(NASTY.length)]);
                case 3 -> { // delete a range
                    int end = Math.min(len, at + 1 + random.nextInt(20));
                    text.delete(at, end);
                }
                case 4 -> text.setLength(at); // truncate
                case 5 -> text.replace(0, text.length(), shuffleLines(text.toString(), random, true));
                case 6 -> text.replace(0, text.length(), shuffleLines(text.toString(), random, false));
                case 7 -> replaceNumber(text, random);
                case 8 -> { // replace a digit with another digit: keeps the structure, changes values
                    for (int tries = 0; tries < 20 && len > 0; tries++) {
                        int k = random.nextInt(len);
                        if (Character.isDigit(text.charAt(k))) {
                            text.setCharAt(k, (char) ('0' + random.nextInt(10)));
                            break;
                        }
                    }
                }
                default -> text.insert(at, NASTY[random.nextInt(NASTY.length)].repeat(1 + random.nextInt(50)));
            }
        }
        String result = text.toString();
        return random.nextInt(3) == 0 ? fixTleChecksums(result) : result;
    }

    /** Duplicates one line (or swaps two), keeping the rest. */
    private static String shuffleLines(String text, Random random, boolean duplicate) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (lines.isEmpty()) {
            return text;
        }
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        if (duplicate) {
            lines.add(b, lines.get(a));
        } else {
            String t = lines.get(a);
            lines.set(a, lines.get(b));
            lines.set(b, t);
        }
        return String.join("\n", lines);
    }

    /** Replaces a run of digits with an extreme number of the same or another length. */
    private static void replaceNumber(StringBuilder text, Random random) {
        int len = text.length();
        if (len == 0) {
            return;
        }
        int k = random.nextInt(len);
        while (k < len && !Character.isDigit(text.charAt(k))) {
            k++;
        }
        int end = k;
        while (end < len && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
            end++;
        }
        String[] extremes = {"99999999999999999999", "0", "-1", "1e308", "1e309", "4.9e-324", "NaN", "2147483648",
            "-2147483649", "9".repeat(400), "0." + "0".repeat(300) + "1",
            // long digit runs catch parsers that backtrack quadratically
            "7".repeat(200_000) + "x", "1." + "5".repeat(200_000) + "e"};
        text.replace(k, end, extremes[random.nextInt(extremes.length)]);
    }

    private static String fixTleChecksums(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.length() >= 69 && (l.startsWith("1 ") || l.startsWith("2 "))) {
                lines[i] = TleReaderTest.fixChecksum(l.substring(0, 68)) + l.substring(69);
            }
        }
        return String.join("\n", lines);
    }
}
