package io.astroshield.app.orbitview;

import io.astroshield.app.fx.BackgroundTasks;
import io.astroshield.app.fx.Dialogs;
import io.astroshield.app.fx.FileDialogs;
import io.astroshield.app.time.TimeController;
import io.astroshield.app.workstation.ConsoleContext;
import io.astroshield.app.workstation.Selection;
import io.astroshield.app.workstation.Workstation;
import io.astroshield.domain.alarms.Annunciator;
import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.demo.SyntheticCatalog;
import io.astroshield.domain.time.ReferenceData;
import io.astroshield.persistence.StoreOptions;
import io.astroshield.persistence.screening.EncounterKind;
import io.astroshield.persistence.screening.EventStatus;
import io.astroshield.persistence.screening.StoredEvent;
import javafx.application.Platform;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A console for view tests and the 3D benchmark: a real workstation on a store in a temporary directory, holding
 * the project's synthetic catalog (or a given catalog file), a time controller stopped at a chosen instant, and
 * the FX thread started once per JVM.
 */
public final class ViewFixture implements AutoCloseable {

    /** Epoch of the synthetic catalog and of the fixed clock. */
    public static final Instant EPOCH = Instant.parse("2026-11-22T00:00:00Z");

    public final Workstation workstation;
    public final List<SyntheticCatalog.PlantedEncounter> planted;
    private ConsoleContext context;

    private ViewFixture(Workstation workstation, List<SyntheticCatalog.PlantedEncounter> planted) {
        this.workstation = workstation;
        this.planted = planted;
    }

    /** A workstation holding {@code objects} synthetic objects (the demo's planted encounters on top). */
    public static ViewFixture synthetic(Path dir, int objects) {
        Workstation ws = Workstation.open(dir, StoreOptions.defaults(), ReferenceData.builtIn(),
                InstantSource.fixed(EPOCH), Annunciator.SILENT);
        SyntheticCatalog.Population population = new SyntheticCatalog(ws.referenceData())
                .generate(20261122L, objects, EPOCH, io.astroshield.app.demo.DemoScenario.PLANTS);
        ws.store().write(tx -> tx.elementSets().importAll(population.elementSets(), EPOCH));
        ws.reloadCatalog();
        return new ViewFixture(ws, population.planted());
    }

    /** A workstation holding the catalog of {@code file} (TLE/3LE/OMM, read by the importer). */
    public static ViewFixture fromFile(Path dir, Path file) {
        Workstation ws = Workstation.open(dir, StoreOptions.defaults(), ReferenceData.builtIn(),
                InstantSource.fixed(EPOCH), Annunciator.SILENT);
        ws.importFiles(List.of(file));
        return new ViewFixture(ws, List.of());
    }

    /** The console context; call on the FX thread. The clock is fixed, so the time stays where it is put. */
    public ConsoleContext context(Stage owner) {
        if (context == null) {
            context = new ConsoleContext(workstation, new BackgroundTasks(), new TimeController(
                    workstation.clock()), new Selection(), new Dialogs(owner, FileDialogs.NATIVE));
        }
        return context;
    }

    /** The first planted encounter as a stored event (no screening needed: the pair and TCA are known). */
    public StoredEvent plantedEvent() {
        SyntheticCatalog.PlantedEncounter p = planted.get(0);
        return new StoredEvent(1, p.hostId(), p.plantedId(), EventStatus.OPEN, EPOCH, EPOCH, null, 1, p.time(),
                p.plannedMissM(), 14_000, null, null, null, EncounterKind.SHORT, null);
    }

    public int catalogSize() {
        return workstation.catalog().size();
    }

    public List<ElementSet> elementSets() {
        return workstation.catalog().elementSets();
    }

    public static void startFx() {
        Platform.setImplicitExit(false);
        try {
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get(30, TimeUnit.SECONDS);
        } catch (IllegalStateException alreadyRunning) {
            // one FX toolkit per JVM: a second test class finds it started
        } catch (Exception e) {
            throw new IllegalStateException("JavaFX did not start", e);
        }
    }

    /** Runs {@code work} on the FX thread and returns its value. */
    public static <T> T onFx(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("FX work failed", e);
        }
    }

    /** Polls {@code condition} on the FX thread until it holds; false after {@code timeoutMs}. */
    public static boolean waitFor(BooleanSupplier condition, long timeoutMs) throws InterruptedException {
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(timeoutMs, TimeUnit.MILLISECONDS,
                    () -> onFx(condition::getAsBoolean));
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    public static Path screenshotDir() throws IOException {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        return dir;
    }

    public static void savePng(BufferedImage image, Path file) throws IOException {
        ImageIO.write(image, "png", file.toFile());
    }

    @Override
    public void close() {
        if (context != null) {
            onFx(() -> {
                context.time().stop();
                return null;
            });
            context.tasks().close();
        }
        workstation.close();
    }
}
