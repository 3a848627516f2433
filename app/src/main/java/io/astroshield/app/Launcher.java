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

    /** The file types the bundle associates with the window (a file manager passes the file as the argument). */
    static final java.util.List<String> OPENED_BY_THE_WINDOW = java.util.List.of(".tle", ".3le", ".cdm", ".omm", ".oem");

    /**
     * True for no arguments, {@code --data-dir PATH}, and files of the associated types (opened from a file
     * manager: the window imports them); anything else is a CLI command line.
     */
    static boolean opensWindow(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--data-dir") && i + 1 < args.length) {
                i++;
            } else if (!a.startsWith("--data-dir=") && !isOpenedByTheWindow(a)) {
                return false;
            }
        }
        return true;
    }

    static boolean isOpenedByTheWindow(String arg) {
        String name = arg.toLowerCase(java.util.Locale.ROOT);
        return OPENED_BY_THE_WINDOW.stream().anyMatch(name::endsWith) && java.nio.file.Files.isRegularFile(
                java.nio.file.Path.of(arg));
    }
}
