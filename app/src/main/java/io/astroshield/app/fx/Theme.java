package io.astroshield.app.fx;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

import java.util.Objects;

/**
 * The whole-application look. Dark is the console default (long shifts in dim rooms); high contrast is the dark
 * theme with the colour tokens pushed to full contrast for projection and low vision.
 */
public enum Theme {
    DARK("Dark"),
    LIGHT("Light"),
    HIGH_CONTRAST("High contrast");

    /** The project's own stylesheet, on every scene (alarm rows, banners, status bar). */
    public static final String APP_CSS = Objects.requireNonNull(
            Theme.class.getResource("/io/astroshield/app/fx/astroshield.css")).toExternalForm();
    private static final String HIGH_CONTRAST_CSS = Objects.requireNonNull(
            Theme.class.getResource("/io/astroshield/app/fx/high-contrast.css")).toExternalForm();

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Sets the user-agent stylesheet for the whole application and the high-contrast layer on {@code scene}. */
    public void apply(Scene scene) {
        FxThread.check();
        Application.setUserAgentStylesheet(this == LIGHT
                ? new PrimerLight().getUserAgentStylesheet()
                : new PrimerDark().getUserAgentStylesheet());
        decorate(scene);
    }

    /** Puts this theme's project stylesheets on a scene (also for detached windows). */
    public void decorate(Scene scene) {
        scene.getStylesheets().remove(HIGH_CONTRAST_CSS);
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
        if (this == HIGH_CONTRAST) {
            scene.getStylesheets().add(HIGH_CONTRAST_CSS);
        }
    }
}
