package io.astroshield.app.cli;

import io.astroshield.app.workstation.Importer;
import io.astroshield.app.workstation.Workstation;
import io.astroshield.domain.alarms.Annunciator;
import io.astroshield.domain.time.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code import FILE…}: catalogs, OEM ephemerides and CDMs into the local store. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Store catalogs (TLE/3LE, OMM, GP), OEM ephemerides and CDMs in the local store.")
final class ImportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import; the kind is detected from content.")
    List<Path> files;

    @Mixin
    StoreAccess storeAccess;

    @Mixin
    ReferenceOptions reference;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        ReferenceData data = reference.load(err);
        // through the workstation's services, so that new CDMs update their alarms as they do in the window
        try (Workstation ws = Workstation.open(storeAccess.dataDirectory(spec), storeAccess.options(), data,
                Clock.systemUTC(), Annunciator.SILENT)) {
            Importer.Report report = ws.importFiles(files);
            for (Importer.FileReport file : report.files()) {
                file.diagnostics().forEach(err::println);
                if (file.kind() != Importer.Kind.UNREADABLE) {
                    out.println(file.summary());
                }
            }
            return report.records() == 0 ? AstroShieldCommand.EXIT_CANNOT_RUN : 0;
        }
    }
}
