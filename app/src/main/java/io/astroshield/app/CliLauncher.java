package io.astroshield.app;

import io.astroshield.app.cli.AstroShieldCommand;

/**
 * Entry point of the installed {@code astroshield} launcher: always the analyst CLI, so that
 * {@code astroshield} with no arguments prints usage instead of opening the window (which is
 * what {@link Launcher} does with no arguments).
 */
public final class CliLauncher {

    private CliLauncher() {
    }

    public static void main(String[] args) {
        System.exit(AstroShieldCommand.execute(args));
    }
}
