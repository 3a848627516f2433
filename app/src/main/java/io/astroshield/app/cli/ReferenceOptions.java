package io.astroshield.app.cli;

import io.astroshield.domain.time.ReferenceData;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/** Options that choose the time and frame data: a newer leap-second list, IERS EOP files. */
public final class ReferenceOptions {

    @Option(names = "--leap-seconds", paramLabel = "FILE",
            description = "IERS/NIST leap-seconds.list to use instead of the built-in table.")
    Path leapSeconds;

    @Option(names = "--eop", paramLabel = "DIR", description = "Directory of IERS EOP files (finals2000A, C04, bulletins).")
    Path eopDirectory;

    /** The reference data, with its warnings (stale leap seconds) written to {@code err}. */
    public ReferenceData load(PrintWriter err) {
        ReferenceData data = ReferenceData.load(Optional.ofNullable(leapSeconds), Optional.ofNullable(eopDirectory));
        for (String warning : data.warnings(LocalDate.now(ZoneOffset.UTC))) {
            err.println("astroshield: warning: " + warning);
        }
        return data;
    }
}
