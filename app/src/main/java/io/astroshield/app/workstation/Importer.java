package io.astroshield.app.workstation;

import io.astroshield.domain.alarms.ConjunctionUpdate;
import io.astroshield.domain.alarms.DataOrigin;
import io.astroshield.domain.alarms.UpdateSource;
import io.astroshield.domain.catalog.CatalogReader;
import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.Ephemeris;
import io.astroshield.domain.catalog.OemReader;
import io.astroshield.domain.cdm.CdmReader;
import io.astroshield.domain.cdm.ConjunctionDataMessage;
import io.astroshield.domain.input.Diagnostic;
import io.astroshield.domain.input.ReadResult;
import io.astroshield.domain.time.ReferenceData;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.catalog.ImportResult;
import io.astroshield.persistence.cdm.CdmRepository;
import io.astroshield.persistence.mapping.DomainRows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Files into the local store, the kind told from the content (CDM, OEM, else a catalog: TLE/3LE, OMM, GP). Bad
 * records come back as diagnostics; the good ones of the same file are stored. Used by the CLI's {@code import}
 * and by the window's import (menu and drag and drop).
 */
public final class Importer {

    /** What one file gave. */
    /**
     * @param alarmUpdates what the file's new CDMs (not the ones stored before) tell the alarm engine: each new
     *                     CDM updates its event's alarm (DESIGN.md, alarm model)
     */
    public record FileReport(Path file, Kind kind, int records, String summary, List<Diagnostic> diagnostics,
                             List<ConjunctionUpdate> alarmUpdates) {
        public FileReport {
            diagnostics = List.copyOf(diagnostics);
            alarmUpdates = List.copyOf(alarmUpdates);
        }

        FileReport(Path file, Kind kind, int records, String summary, List<Diagnostic> diagnostics) {
            this(file, kind, records, summary, diagnostics, List.of());
        }
    }

    public enum Kind { CATALOG, EPHEMERIS, CDM, UNREADABLE }

    /** Per file, in the order given. */
    public record Report(List<FileReport> files) {
        public Report {
            files = List.copyOf(files);
        }

        public int records() {
            return files.stream().mapToInt(FileReport::records).sum();
        }

        public List<Diagnostic> diagnostics() {
            return files.stream().flatMap(f -> f.diagnostics().stream()).toList();
        }

        public List<ConjunctionUpdate> alarmUpdates() {
            return files.stream().flatMap(f -> f.alarmUpdates().stream()).toList();
        }

        public boolean anyUnreadable() {
            return files.stream().anyMatch(f -> f.kind() == Kind.UNREADABLE);
        }
    }

    private final ReferenceData data;
    private final Store store;

    public Importer(ReferenceData data, Store store) {
        this.data = data;
        this.store = store;
    }

    public Report importFiles(List<Path> files, Instant now) {
        List<FileReport> reports = new ArrayList<>();
        for (Path file : files) {
            reports.add(importFile(file, now));
        }
        return new Report(reports);
    }

    public FileReport importFile(Path file, Instant now) {
        String head = head(file);
        if (head == null) {
            return new FileReport(file, Kind.UNREADABLE, 0, file + ": cannot read the file",
                    List.of(Diagnostic.error(file.toString(), 0, null, "cannot read the file")));
        }
        if (head.contains("CCSDS_CDM_VERS") || head.contains("<cdm")) {
            ReadResult<ConjunctionDataMessage> read = new CdmReader(data).read(file);
            List<ConjunctionUpdate> alarmUpdates = new ArrayList<>();
            for (ConjunctionDataMessage cdm : read.records()) {
                store.write(tx -> {
                    CdmRepository.SaveResult saved = tx.cdms().save(DomainRows.cdm(cdm, file.toString()), now);
                    if (saved.created()) {
                        DomainRows.observation(cdm).ifPresent(o -> {
                            tx.conjunctionEvents().record(List.of(o), null, saved.id(), now);
                            alarmUpdates.add(new ConjunctionUpdate(o.primaryNorad(), o.secondaryNorad(), o.tca(),
                                    o.missDistanceM(), o.pc(), UpdateSource.CDM, DataOrigin.LIVE, cdm.messageId()));
                        });
                    }
                    return saved;
                });
            }
            return new FileReport(file, Kind.CDM, read.records().size(),
                    String.format(Locale.ROOT, "%s: %d CDM", file, read.records().size()), read.diagnostics(),
                    alarmUpdates);
        }
        if (head.contains("CCSDS_OEM_VERS") || head.contains("<oem")) {
            ReadResult<Ephemeris> read = OemReader.read(file, data);
            store.write(tx -> {
                read.records().forEach(e -> tx.ephemerides().save(e, now));
                return null;
            });
            return new FileReport(file, Kind.EPHEMERIS, read.records().size(),
                    String.format(Locale.ROOT, "%s: %d ephemerides", file, read.records().size()), read.diagnostics());
        }
        ReadResult<ElementSet> read = CatalogReader.read(file, data);
        ImportResult result = store.write(tx -> tx.elementSets().importAll(read.records(), now));
        return new FileReport(file, Kind.CATALOG, read.records().size(),
                String.format(Locale.ROOT, "%s: %d element sets stored, %d already known, %d objects", file,
                        result.stored(), result.duplicates(), result.objects()), read.diagnostics());
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
