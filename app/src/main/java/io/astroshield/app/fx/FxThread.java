package io.astroshield.app.fx;

import javafx.application.Platform;

/** The FX thread only draws: view-model setters call {@link #check()} so that a stray background write fails loudly. */
public final class FxThread {

    private FxThread() {
    }

    public static void check() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("must run on the FX thread, not on " + Thread.currentThread().getName());
        }
    }
}
