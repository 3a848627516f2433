package io.astroshield.app.cli;

import io.astroshield.domain.catalog.CatalogReader;
import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.Ephemeris;
import io.astroshield.domain.catalog.OemReader;
import io.astroshield.domain.cdm.CdmReader;
import io.astroshield.domain.cdm.ConjunctionDataMessage;
import io.astroshield.domain.input.ReadResult;
import io.astroshield.domain.time.ReferenceData;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.catalog.ImportResult;
import io.astroshield.persistence.cdm.CdmRepository;
import io.astroshield.persistence.mapping.DomainRows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code import FILE…}: catalogs, OEM ephemerides and CDMs into the local store. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Store catalogs (TLE/3LE, OMM, GP), OEM ephemerides and CDMs in the local store.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import; the kind is detected from content.")
    List<Path> files;

    @Mixin
    StoreAccess storeAccess;

    @Mixin
    ReferenceOptions reference;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        ReferenceData data = reference.load(err);
        int imported = 0;
        int unreadable = 0;
        try (Store store = storeAccess.open(spec)) {
            for (Path file : files) {
                String head = head(file);
                if (head == null) {
                    err.println(file + ": cannot read the file");
                    unreadable++;
                    continue;
                }
                Instant now = Instant.now();
                if (head.contains("CCSDS_CDM_VERS") || head.contains("<cdm")) {
                    ReadResult<ConjunctionDataMessage> read = new CdmReader(data).read(file);
                    read.diagnostics().forEach(err::println);
                    for (ConjunctionDataMessage cdm : read.records()) {
                        store.write(tx -> {
                            CdmRepository.SaveResult saved = tx.cdms().save(DomainRows.cdm(cdm, file.toString()), now);
                            if (saved.created()) {
                                DomainRows.observation(cdm).ifPresent(o ->
                                        tx.conjunctionEvents().record(List.of(o), null, saved.id(), now));
                            }
                            return saved;
                        });
                    }
                    out.printf(Locale.ROOT, "%s: %d CDM%n", file, read.records().size());
                    imported += read.records().size();
                } else if (head.contains("CCSDS_OEM_VERS") || head.contains("<oem")) {
                    ReadResult<Ephemeris> read = OemReader.read(file, data);
                    read.diagnostics().forEach(err::println);
                    store.write(tx -> {
                        read.records().forEach(e -> tx.ephemerides().save(e, now));
                        return null;
                    });
                    out.printf(Locale.ROOT, "%s: %d ephemerides%n", file, read.records().size());
                    imported += read.records().size();
                } else {
                    ReadResult<ElementSet> read = CatalogReader.read(file, data);
                    read.diagnostics().forEach(err::println);
                    ImportResult result = store.write(tx -> tx.elementSets().importAll(read.records(), now));
                    out.printf(Locale.ROOT, "%s: %d element sets stored, %d already known, %d objects%n", file,
                            result.stored(), result.duplicates(), result.objects());
                    imported += read.records().size();
                }
            }
        }
        return imported == 0 && (unreadable > 0 || !files.isEmpty()) ? AstroShieldCommand.EXIT_CANNOT_RUN : 0;
    }

    /** The first 4 KiB, enough to tell a CDM or OEM from a catalog; null when unreadable. */
    private static String head(Path file) {
        try (var in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException ex) {
            return null;
        }
    }
}
