package io.astroshield.app.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --out FILE}: results there instead of stdout. */
public final class OutputOption {

    @Option(names = "--out", paramLabel = "FILE", description = "Write results to FILE instead of stdout.")
    Path out;

    /** A writer on the file, or on the command's stdout (not closed by closing the writer). */
    PrintWriter open(CommandSpec spec) {
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            return new PrintWriter(stdout) {
                @Override
                public void close() {
                    flush();
                }
            };
        }
        try {
            return new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + out + ": " + ex.getMessage(), ex);
        }
    }
}
