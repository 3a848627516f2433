package io.astroshield.app.cli;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.screening.Cancellation;
import io.astroshield.domain.screening.CatalogScreening;
import io.astroshield.domain.screening.ScreeningOutcome;
import io.astroshield.domain.screening.ScreeningProgress;
import io.astroshield.domain.screening.ScreeningRequest;
import io.astroshield.domain.screening.ScreeningSettings;
import io.astroshield.domain.time.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bench screen}: times one screening the way the CLI runs it and prints a markdown row
 * (optionally appended to a file such as docs/benchmarks.md). Wall time counts the screening
 * only, not reading the catalog; peak heap is the sum of the heap pools' peaks since the
 * screening started (an upper bound on the true peak).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure a screening: wall time, peak heap, events; prints a markdown table row.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--catalog", required = true, paramLabel = "FILE", description = "Catalog file.")
    Path catalog;

    @Option(names = "--start", required = true, paramLabel = "T", description = "Window start.")
    String start;

    @Option(names = "--duration", required = true, paramLabel = "D", description = "Window length (24h, 7d, ...).")
    String duration;

    @Option(names = "--primaries", split = ",", paramLabel = "ID", description = "Primaries (default: all-vs-all).")
    List<Integer> primaries;

    @Option(names = "--threshold-km", defaultValue = "5", paramLabel = "KM", description = "Default: ${DEFAULT-VALUE} km.")
    double thresholdKm;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads. Default: all cores.")
    Integer threads;

    @Option(names = "--append", paramLabel = "FILE", description = "Append the row to this markdown file.")
    Path appendTo;

    @Mixin
    ReferenceOptions reference;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ReferenceData data = reference.load(err);
        List<ElementSet> sets = InputFiles.readCatalogs(List.of(catalog), data, err);
        Instant t0 = CliTime.parseInstant(start);
        Duration window = CliTime.parseDuration(duration);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        ScreeningRequest request = new ScreeningRequest(t0, window.toNanos() / 1e9,
                primaries == null ? java.util.Set.of() : new HashSet<>(primaries),
                ScreeningSettings.defaults(thresholdKm * 1e3, n));
        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long begin = System.nanoTime();
        ScreeningOutcome outcome = new CatalogScreening(data).screen(request, sets, List.of(), ScreeningProgress.NONE,
                new Cancellation()).outcome();
        double wallS = (System.nanoTime() - begin) / 1e9;
        long peakBytes = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long maxHeap = Runtime.getRuntime().maxMemory();
        ScreeningOutcome.Statistics st = outcome.statistics();
        long longEvents = outcome.events().stream().filter(e -> e.encounter().name().equals("LONG")).count();
        String what = (primaries == null ? "all-vs-all" : primaries + " vs all") + ", " + window;
        String row = String.format(Locale.ROOT,
                "| %s | %s | %d | %d | %.1f | %.0f | %.0f | %d (%d LONG) | %.1f / %.1f / %.1f | %d | %s |",
                LocalDate.now(ZoneOffset.UTC), what, sets.size(), n, wallS, peakBytes / 1048576.0, maxHeap / 1048576.0,
                outcome.events().size(), longEvents, st.knotSeconds(), st.broadSeconds(), st.narrowSeconds(),
                st.knotsPropagated() + st.narrowPropagations(), catalog.getFileName());
        spec.commandLine().getOut().println(row);
        if (appendTo != null) {
            Files.writeString(appendTo, row + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return 0;
    }
}
