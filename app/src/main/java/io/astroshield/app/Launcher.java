package io.astroshield.app;

import io.astroshield.app.cli.AstroShieldCommand;

/**
 * Entry point of {@code astroshield.jar}. A separate class from any JavaFX {@code Application}
 * so that the jar starts from the classpath. With a subcommand it is the analyst CLI.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(AstroShieldCommand.execute(args));
    }
}
