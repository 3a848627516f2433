package io.astroshield.domain.cdm;

import io.astroshield.domain.input.Diagnostic;
import io.astroshield.domain.input.ReadResult;
import io.astroshield.domain.time.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Property-based fuzzing of {@link CdmReader} with fixed seeds: random bytes and mutated valid
 * CDMs (KVN and XML). Whatever the input, only a {@link ReadResult} comes back (no exception,
 * no "internal error" diagnostic), a record comes only without errors, and every batch ends
 * well within its time limit (a hang fails the batch instead of the build).
 */
class CdmReaderFuzzTest {

    private static final int BATCHES = 6;
    private static final int BATCH_SIZE = 250;
    /** Generous: a batch takes about 1 s on the 2-core build machine. */
    private static final Duration BATCH_LIMIT = Duration.ofSeconds(60);

    private static final String[] ODD_VALUES = {"NaN", "-nan", "Infinity", "1e999", "-1e-400", "1.7976931348623157E309",
        "0x1p3", "1.0D+03", "", "   ", "[m]", "=", "1 2 3", "9".repeat(400), "-0", "+.5", "1e", "٣", "１２"};
    private static final String[] ODD_SNIPPETS = {"[", "]", "[m**", " [m**2/s", "=", "COMMENT ", "OBJECT = OBJECT1\n",
        "OBJECT = OBJECT3\n", "\n", "\r\n", "\r", "\t", "é", "−", "\u2028", "\uD83D\uDE80", "\uFFFD", "<", "</X>",
        "<X units=\"m\">", "&amp;", "&#x0;", "<![CDATA[", "]]>", "<!--", "-->", "_START\n", "_STOP\n", "USER_DEFINED_A = 1\n",
        "x".repeat(5000)};

    private final CdmReader reader = new CdmReader(ReferenceData.builtIn());

    @Test
    void randomTextYieldsOnlyDiagnostics() {
        SplittableRandom random = new SplittableRandom(1);
        runBatches(random, r -> randomText(r));
    }

    @Test
    void randomBytesFromFilesYieldOnlyDiagnostics(@TempDir Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(2);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            byte[] bytes = new byte[random.nextInt(0, 3000)];
            random.nextBytes(bytes);
            if (i % 2 == 0) {
                // a valid CDM head followed by noise exercises the decoder fallback after real content
                byte[] head = CdmFixtures.KVN.substring(0, 400).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                byte[] both = Arrays.copyOf(head, head.length + bytes.length);
                System.arraycopy(bytes, 0, both, head.length, bytes.length);
                bytes = both;
            }
            Path file = dir.resolve("fuzz-" + i + ".cdm");
            Files.write(file, bytes);
            files.add(file);
        }
        assertTimeoutPreemptively(BATCH_LIMIT, () -> {
            for (Path file : files) {
                ReadResult<ConjunctionDataMessage> result = reader.read(file);
                checkResult(result, null);
            }
        });
    }

    @Test
    void mutatedKvnYieldsOnlyRecordsOrDiagnostics() {
        SplittableRandom random = new SplittableRandom(3);
        runBatches(random, r -> mutate(r, CdmFixtures.KVN));
    }

    @Test
    void mutatedXmlYieldsOnlyRecordsOrDiagnostics() {
        SplittableRandom random = new SplittableRandom(4);
        runBatches(random, r -> mutate(r, CdmFixtures.XML));
    }

    private interface Generator {
        String next(SplittableRandom random);
    }

    private void runBatches(SplittableRandom random, Generator generator) {
        for (int batch = 0; batch < BATCHES; batch++) {
            List<String> inputs = new ArrayList<>();
            for (int i = 0; i < BATCH_SIZE; i++) {
                inputs.add(generator.next(random));
            }
            assertTimeoutPreemptively(BATCH_LIMIT, () -> {
                for (String input : inputs) {
                    checkResult(reader.read("fuzz.cdm", input), input);
                }
            });
        }
    }

    private static void checkResult(ReadResult<ConjunctionDataMessage> result, String input) {
        assertThat(result).isNotNull();
        assertThat(result.diagnostics()).as("input:\n%s", input)
                .noneMatch(d -> d.reason().startsWith("internal error"));
        assertThat(result.records()).hasSizeLessThanOrEqualTo(1);
        if (!result.records().isEmpty()) {
            assertThat(result.errors()).isEmpty();
            if (input != null) {
                assertThat(result.records().get(0).rawText()).isEqualTo(input);
            }
        } else {
            assertThat(result.errors()).as("a rejected input says why:\n%s", input).isNotEmpty();
        }
        assertThat(result.diagnostics()).hasSizeLessThanOrEqualTo(CdmReader.MAX_DIAGNOSTICS + 1);
        for (Diagnostic d : result.diagnostics()) {
            assertThat(d.reason()).isNotBlank();
        }
    }

    private static String randomText(SplittableRandom random) {
        int length = random.nextInt(0, 4000);
        StringBuilder sb = new StringBuilder(length);
        int mode = random.nextInt(3);
        for (int i = 0; i < length; i++) {
            switch (mode) {
                case 0 -> sb.append((char) random.nextInt(0, 0x10000));
                case 1 -> sb.append((char) random.nextInt(9, 127));
                default -> sb.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789 =[]*/.-+\n<>\"".charAt(random.nextInt(49)));
            }
        }
        return sb.toString();
    }

    private static String mutate(SplittableRandom random, String valid) {
        String text = valid;
        int mutations = random.nextInt(1, 5);
        for (int m = 0; m < mutations && !text.isEmpty(); m++) {
            int pos = random.nextInt(text.length());
            switch (random.nextInt(10)) {
                case 0 -> text = text.substring(0, pos) + (char) random.nextInt(1, 0x3000) + text.substring(pos + 1);
                case 1 -> text = text.substring(0, pos) + ODD_SNIPPETS[random.nextInt(ODD_SNIPPETS.length)] + text.substring(pos);
                case 2 -> text = text.substring(0, pos) + text.substring(Math.min(text.length(), pos + random.nextInt(1, 200)));
                case 3 -> text = text.substring(0, pos);
                case 4 -> text = editLine(random, text, (lines, i) -> lines.add(i, lines.get(i)));
                case 5 -> text = editLine(random, text, (lines, i) -> lines.remove(i));
                case 6 -> text = replaceNumber(random, text);
                case 7 -> text = editLine(random, text, (lines, i) -> {
                    int j = random.nextInt(lines.size());
                    String t = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, t);
                });
                case 8 -> text = text.replaceFirst("\\[(km/s|m/s|m\\*\\*2/s\\*\\*2|m\\*\\*2|%)\\]",
                        random.nextBoolean() ? "[m]" : "[m**");
                default -> text = editLine(random, text, (lines, i) -> lines.set(i, lines.get(i).toLowerCase()));
            }
        }
        return text;
    }

    private interface LineEdit {
        void apply(List<String> lines, int index);
    }

    private static String editLine(SplittableRandom random, String text, LineEdit edit) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        edit.apply(lines, random.nextInt(lines.size()));
        return String.join("\n", lines);
    }

    private static String replaceNumber(SplittableRandom random, String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+\\.?\\d*(?:E[-+]\\d+)?").matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return text.substring(0, span[0]) + ODD_VALUES[random.nextInt(ODD_VALUES.length)] + text.substring(span[1]);
    }
}
