package io.astroshield.app.workstation;

import io.astroshield.app.alarms.SoundCue;
import io.astroshield.domain.time.ReferenceData;
import io.astroshield.persistence.StoreOptions;
import javafx.application.Platform;

import java.nio.file.Path;
import java.time.Clock;

/** What the window tests share: a workstation on a fresh store as the app opens it, and closing it afterwards. */
final class WindowFixture {

    private WindowFixture() {
    }

    /** The store in {@code dataDirectory} with the app's defaults, the wall clock and a real sound cue. */
    static Workstation openWorkstation(Path dataDirectory) {
        return Workstation.open(dataDirectory, StoreOptions.defaults(), ReferenceData.builtIn(), Clock.systemUTC(),
                new SoundCue());
    }

    /** After a test class: the window closes on the FX thread, the store here; either may be null. */
    static void close(MainWindow window, Workstation workstation) {
        if (window != null) {
            Platform.runLater(window::close);
        }
        if (workstation != null) {
            workstation.close();
        }
    }
}
