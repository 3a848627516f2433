package io.astroshield.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The root of the analyst CLI (DESIGN.md, "Entry points and the analyst CLI"). */
@Command(name = "astroshield",
        mixinStandardHelpOptions = true,
        versionProvider = AstroShieldCommand.Version.class,
        description = "AstroShield Workstation: conjunction screening, risk and operations.",
        subcommands = {DemoCommand.class, ScreenCommand.class, PropagateCommand.class, PcCommand.class, CdmCommand.class, ImportCommand.class, DbCommand.class,
                SyncCommand.class, BenchCommand.class})
public final class AstroShieldCommand implements Runnable {

    /** Exit code when the command cannot do its job (no valid input, bad option, unreadable file). */
    public static final int EXIT_CANNOT_RUN = 2;

    @Option(names = "--data-dir", paramLabel = "PATH", scope = CommandLine.ScopeType.INHERIT,
            description = "Data directory (store, settings, keys, logs). Default: ASTROSHIELD_HOME or the OS data directory.")
    Path dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new AstroShieldCommand());
        cl.setExecutionExceptionHandler(new CliErrors());
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("astroshield: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_CANNOT_RUN;
        });
        return cl;
    }

    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AstroShieldCommand.class.getPackage().getImplementationVersion();
            return new String[] {"astroshield " + (v == null ? "dev" : v)};
        }
    }
}
