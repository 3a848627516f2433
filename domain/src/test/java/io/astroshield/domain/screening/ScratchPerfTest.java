package io.astroshield.domain.screening;

import io.astroshield.domain.catalog.TleReader;
import io.astroshield.domain.time.ReferenceData;
import org.junit.jupiter.api.Test;
import java.nio.file.Path;
import java.time.Instant;

class ScratchPerfTest {
    @Test
    void run() {
        var data = ReferenceData.builtIn();
        var rr = TleReader.read(Path.of("/work/shared/data/catalog/full_catalog_2022-01-22.3le"));
        var sets = rr.records();
        Instant start = Instant.parse("2022-01-22T00:00:00Z");
        double dur = Double.parseDouble(System.getProperty("dur", "3600"));
        double step = Double.parseDouble(System.getProperty("step", "20"));
        long t0 = System.nanoTime();
        var s = new Screener(ScreeningSettings.defaults(5000, 2).withSampling(step, 1000, 7200));
        var prim = System.getProperty("prim", "");
        var out = new CatalogScreening(data).screen(new ScreeningRequest(start, dur, prim.isEmpty() ? java.util.Set.of() : java.util.Set.of(Integer.parseInt(prim)), ScreeningSettings.defaults(5000, 2).withSampling(step, Double.parseDouble(System.getProperty("tol", "1000")), 7200)), sets, java.util.List.of(),
            (f, n) -> System.err.printf("%.2f %d %.1fs%n", f, n, (System.nanoTime()-t0)/1e9), new Cancellation()).outcome();
        System.err.printf("objects %d events %d dropped %d stats %s wall %.1f s%n", sets.size(), out.events().size(), out.droppedObjects().size(), out.statistics(), (System.nanoTime()-t0)/1e9);
    }
}
