package io.astroshield.app.cli;

import io.astroshield.domain.catalog.CatalogReader;
import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.Ephemeris;
import io.astroshield.domain.catalog.OemReader;
import io.astroshield.domain.input.Diagnostic;
import io.astroshield.domain.input.ReadResult;
import io.astroshield.domain.time.ReferenceData;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the CLI's input files, reporting every skipped record on stderr as FILE:LINE: reason. */
final class InputFiles {

    private InputFiles() {
    }

    static List<ElementSet> readCatalogs(List<Path> files, ReferenceData data, PrintWriter err) {
        List<ReadResult<ElementSet>> parts = new ArrayList<>();
        for (Path file : files) {
            parts.add(CatalogReader.read(file, data));
        }
        return report(ReadResult.concat(parts), err);
    }

    static List<Ephemeris> readEphemerides(List<Path> files, ReferenceData data, PrintWriter err) {
        List<ReadResult<Ephemeris>> parts = new ArrayList<>();
        for (Path file : files) {
            parts.add(OemReader.read(file, data));
        }
        return report(ReadResult.concat(parts), err);
    }

    private static <T> List<T> report(ReadResult<T> result, PrintWriter err) {
        for (Diagnostic d : result.diagnostics()) {
            err.println(d);
        }
        return result.records();
    }
}
