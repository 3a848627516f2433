package io.astroshield.app.cli;

import io.astroshield.app.workstation.EventTable;
import io.astroshield.app.workstation.ScreeningArchive;
import io.astroshield.persistence.screening.ConjunctionObservation;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.cdm.CdmWriter;
import io.astroshield.domain.cdm.ConjunctionDataMessage;
import io.astroshield.domain.cdm.ScreeningCdms;
import io.astroshield.domain.catalog.Ephemeris;
import io.astroshield.domain.screening.ScreeningRequest;
import io.astroshield.persistence.DataOrigin;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.mapping.DomainRows;
import io.astroshield.domain.screening.ScreeningSettings;
import io.astroshield.domain.time.ReferenceData;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code screen}: close approaches in a catalog, all-vs-all or primaries against the catalog. */
@Command(name = "screen", mixinStandardHelpOptions = true,
        description = "Screen a catalog for close approaches (all-vs-all, or primaries against the catalog).")
final class ScreenCommand implements Callable<Integer> {

    /** Combined hard-body radius for TLE-only Pc when none is given, m (an assumption; see docs/risk.md). */
    static final double DEFAULT_HBR_M = 10.0;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--catalog", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Catalog files: TLE/3LE, CCSDS OMM (KVN/XML), CelesTrak GP (JSON/CSV).")
    List<Path> catalogs;

    @ArgGroup(exclusive = true)
    Primaries primaries;

    static final class Primaries {
        @Option(names = "--primaries", split = ",", paramLabel = "ID", description = "Catalog numbers of the primaries.")
        List<Integer> ids;

        @Option(names = "--primary-oem", arity = "1..*", paramLabel = "FILE", description = "CCSDS OEM ephemerides of the primaries.")
        List<Path> oems;
    }

    @Option(names = "--start", paramLabel = "T", description = "Window start, ISO-8601 (UTC if no zone). Default: now.")
    String start;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "24h",
            description = "Window length: 90m, 12h, 7d or ISO-8601 (PT36H, P7D). Default: ${DEFAULT-VALUE}.")
    String duration;

    @Option(names = "--threshold-km", paramLabel = "KM", defaultValue = "5", description = "Miss distance threshold. Default: ${DEFAULT-VALUE} km.")
    double thresholdKm;

    @Option(names = "--long-speed-kms", paramLabel = "KMS", defaultValue = "0.1",
            description = "Relative speed below which an encounter is LONG. Default: ${DEFAULT-VALUE} km/s.")
    double longSpeedKms;

    @Option(names = "--hbr-m", paramLabel = "M", defaultValue = "10",
            description = "Combined hard-body radius for the TLE-only Pc. Default: ${DEFAULT-VALUE} m.")
    double hbrM;

    @Option(names = "--format", paramLabel = "csv|json", defaultValue = "csv", description = "Output format. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: all cores.")
    Integer threads;

    @Option(names = "--cdm-out", paramLabel = "DIR",
            description = "Also write each event as a CCSDS CDM (KVN) into DIR, named PRIMARY_SECONDARY_TCA.cdm.")
    Path cdmDirectory;

    @Option(names = "--save", description = "Store the run and its events in the local store (events grouped with earlier updates).")
    boolean save;

    @Mixin
    StoreAccess storeAccess;

    @Mixin
    OutputOption output;

    @Mixin
    ReferenceOptions reference;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("csv") && !fmt.equals("json")) {
            throw new IllegalArgumentException("--format must be csv or json, not '" + format + "'");
        }
        if (!(thresholdKm > 0)) {
            throw new IllegalArgumentException("--threshold-km must be positive: " + thresholdKm);
        }
        if (!(hbrM >= 0)) {
            throw new IllegalArgumentException("--hbr-m must not be negative: " + hbrM);
        }
        Instant t0 = start == null ? Instant.now().truncatedTo(ChronoUnit.SECONDS) : CliTime.parseInstant(start);
        Duration window = CliTime.parseDuration(duration);
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        ReferenceData data = reference.load(err);
        List<ElementSet> catalog = InputFiles.readCatalogs(catalogs, data, err);
        List<Ephemeris> oems = primaries != null && primaries.oems != null
                ? InputFiles.readEphemerides(primaries.oems, data, err) : List.of();
        if (catalog.isEmpty()) {
            err.println("astroshield screen: no valid element set in " + catalogs);
            return AstroShieldCommand.EXIT_CANNOT_RUN;
        }
        if (primaries != null && primaries.oems != null && oems.isEmpty()) {
            err.println("astroshield screen: no valid ephemeris in " + primaries.oems);
            return AstroShieldCommand.EXIT_CANNOT_RUN;
        }
        Set<Integer> ids = primaries != null && primaries.ids != null ? new HashSet<>(primaries.ids) : Set.of();
        ScreeningSettings settings = ScreeningSettings.defaults(thresholdKm * 1e3, nThreads)
                .withLongEncounterSpeed(longSpeedKms * 1e3);
        ScreeningRequest request = new ScreeningRequest(t0, window.toNanos() / 1e9, ids, settings);
        ScreeningRun.Output result = ScreeningRun.run(data, request, catalog, oems, hbrM, err);
        try (PrintWriter out = output.open(spec)) {
            if (fmt.equals("csv")) {
                EventTable.writeCsv(observations(result.rows()), out);
            } else {
                EventTable.writeJson(observations(result.rows()), out);
            }
        }
        if (cdmDirectory != null) {
            writeCdms(result.rows());
        }
        if (save) {
            long runId = saveRun(request, ids, result);
            err.printf(Locale.ROOT, "saved as screening run %d in %s%n", runId, storeAccess.dataDirectory(spec));
        }
        err.printf(Locale.ROOT, "screened %d objects from %s for %s: %d events in %.1f s%n",
                result.result().outcome().statistics().objects(), CliTime.format(t0), window, result.rows().size(),
                result.wallS());
        return 0;
    }

    private long saveRun(ScreeningRequest request, Set<Integer> ids, ScreeningRun.Output result) {
        try (Store store = storeAccess.open(spec)) {
            return ScreeningArchive.save(store, request, ids, result.result().outcome(), result.rows(),
                    result.wallS(), DataOrigin.OFFLINE, Instant.now());
        }
    }

    static List<ConjunctionObservation> observations(List<ScreeningArchive.ScoredEvent> rows) {
        return rows.stream().map(r -> DomainRows.observation(r.event(), r.pc())).toList();
    }

    private void writeCdms(List<ScreeningArchive.ScoredEvent> rows) {
        CdmWriter writer = new CdmWriter();
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try {
            Files.createDirectories(cdmDirectory);
            for (ScreeningArchive.ScoredEvent row : rows) {
                ConjunctionDataMessage cdm = ScreeningCdms.of(row.event(), row.pc(), hbrM, "ASTROSHIELD", created);
                String name = row.event().primaryId() + "_" + row.event().secondaryId() + "_"
                        + CliTime.format(row.event().tca()).replace(":", "") + ".cdm";
                Files.writeString(cdmDirectory.resolve(name), writer.write(cdm), StandardCharsets.US_ASCII);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write CDMs into " + cdmDirectory + ": " + ex.getMessage(), ex);
        }
    }
}
