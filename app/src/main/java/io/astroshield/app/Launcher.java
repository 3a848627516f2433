package io.astroshield.app;

import io.astroshield.app.cli.AstroShieldCommand;
import io.astroshield.app.workstation.WorkstationApp;
import javafx.application.Application;

/**
 * Entry point of {@code astroshield.jar}. A separate class from the JavaFX {@code Application} so that the jar
 * starts from the classpath. With no subcommand (at most {@code --data-dir PATH}) it opens the workstation
 * window; with a subcommand it is the analyst CLI.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (opensWindow(args)) {
            WorkstationApp.prepare(args);
            Application.launch(WorkstationApp.class, args);
            return;
        }
        System.exit(AstroShieldCommand.execute(args));
    }

    static boolean opensWindow(String[] args) {
        if (args.length == 0) {
            return true;
        }
        if (args.length == 2 && args[0].equals("--data-dir")) {
            return true;
        }
        return args.length == 1 && args[0].startsWith("--data-dir=");
    }
}
