package io.astroshield.app.cli;

import io.astroshield.domain.cdm.CdmReader;
import io.astroshield.domain.cdm.RepairedCdm;
import io.astroshield.domain.input.Diagnostic;
import io.astroshield.domain.time.ReferenceData;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code astroshield cdm validate|repair}: CCSDS CDMs through the lenient reader (DESIGN.md, analyst CLI). */
@Command(name = "cdm",
        mixinStandardHelpOptions = true,
        description = "Validate and repair CCSDS Conjunction Data Messages (KVN or XML).",
        subcommands = {CdmCommand.Validate.class, CdmCommand.Repair.class})
public final class CdmCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return AstroShieldCommand.EXIT_CANNOT_RUN;
    }

    private static CdmReader reader() {
        return new CdmReader(ReferenceData.builtIn());
    }

    @Command(name = "validate",
            mixinStandardHelpOptions = true,
            description = {"Read each CDM and list every repair and error as FILE:LINE: reason, then one summary line per file.",
                "Exit 0 when every file is valid (possibly after repairs), 2 when some file has errors."})
    static final class Validate implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "CDM files (KVN or XML).")
        List<Path> files;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            CdmReader reader = reader();
            boolean anyErrors = false;
            for (Path file : files) {
                RepairedCdm outcome = reader.repair(file);
                for (Diagnostic d : outcome.result().diagnostics()) {
                    out.println(d);
                }
                int errors = outcome.result().errors().size();
                int repairs = outcome.result().warnings().size();
                if (outcome.isValid()) {
                    out.println(file + ": valid" + (repairs == 0 ? "" : ", " + repairs + (repairs == 1 ? " repair" : " repairs")));
                } else {
                    anyErrors = true;
                    out.println(file + ": rejected, " + errors + (errors == 1 ? " error" : " errors")
                            + (repairs == 0 ? "" : ", " + repairs + (repairs == 1 ? " repair" : " repairs")));
                }
            }
            out.flush();
            return anyErrors ? AstroShieldCommand.EXIT_CANNOT_RUN : 0;
        }
    }

    @Command(name = "repair",
            mixinStandardHelpOptions = true,
            description = {"Write the CDM with every repair applied (fields that cannot be repaired and are optional are removed).",
                "Repairs are listed on stderr as FILE:LINE: reason. Exit 2, writing nothing, when the file still has errors."})
    static final class Repair implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE", description = "The CDM file (KVN or XML).")
        Path file;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the repaired CDM here instead of stdout.")
        Path outFile;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            RepairedCdm outcome = reader().repair(file);
            for (Diagnostic d : outcome.result().diagnostics()) {
                err.println(d);
            }
            if (!outcome.isValid()) {
                err.println(file + ": not repaired: " + outcome.result().errors().size() + " error(s) remain");
                err.flush();
                return AstroShieldCommand.EXIT_CANNOT_RUN;
            }
            if (outFile == null) {
                PrintWriter out = spec.commandLine().getOut();
                out.print(outcome.repairedText());
                out.flush();
            } else {
                Files.writeString(outFile, outcome.repairedText(), StandardCharsets.UTF_8);
                err.println(file + ": repaired CDM written to " + outFile);
            }
            err.flush();
            return 0;
        }
    }
}
