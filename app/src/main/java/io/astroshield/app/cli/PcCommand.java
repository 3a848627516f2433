package io.astroshield.app.cli;

import io.astroshield.domain.DomainException;
import io.astroshield.domain.cdm.CdmReader;
import io.astroshield.domain.cdm.ConjunctionDataMessage;
import io.astroshield.domain.input.Diagnostic;
import io.astroshield.domain.input.ReadResult;
import io.astroshield.domain.risk.CdmEncounters;
import io.astroshield.domain.risk.CollisionProbability;
import io.astroshield.domain.risk.PcCalculator;
import io.astroshield.domain.risk.PcMethod;
import io.astroshield.domain.time.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

/** {@code pc --cdm FILE…}: probability of collision of each CDM's encounter. */
@Command(name = "pc", mixinStandardHelpOptions = true,
        description = "Probability of collision from CDMs; CSV file,pc,method,hbr_m,miss_m,warnings.")
final class PcCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--cdm", required = true, arity = "1..*", paramLabel = "FILE", description = "CCSDS CDM files (KVN or XML).")
    List<Path> cdms;

    @Option(names = "--hbr-m", paramLabel = "R",
            description = "Combined hard-body radius, m. Default: the CDM's HBR comment; required when a CDM has none.")
    Double hbrM;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "PATERA_2005",
            description = "PATERA_2005 (default), LAAS_2015, ALFANO_2005, CHAN_1997 (approximate) or"
                    + " CARA_PC_CIRCLE_64 (NASA CARA PcCircle's quadrature, to cross-check CARA's numbers).")
    PcMethod method;

    @Mixin
    OutputOption output;

    @Mixin
    ReferenceOptions reference;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (method.maximum()) {
            throw new IllegalArgumentException("--method " + method + " is a maximum, not a Pc; use "
                    + "PATERA_2005, LAAS_2015, ALFANO_2005, CHAN_1997 or CARA_PC_CIRCLE_64");
        }
        if (hbrM != null && !(hbrM >= 0)) {
            throw new IllegalArgumentException("--hbr-m must not be negative: " + hbrM);
        }
        ReferenceData data = reference.load(err);
        CdmReader reader = new CdmReader(data);
        CdmEncounters encounters = new CdmEncounters(data);
        PcCalculator calculator = new PcCalculator();
        List<String> rows = new ArrayList<>();
        int failed = 0;
        for (Path file : cdms) {
            ReadResult<ConjunctionDataMessage> read = reader.read(file);
            read.errors().forEach(err::println);
            List<String> repairs = read.warnings().stream().map(Diagnostic::toString).toList();
            for (ConjunctionDataMessage cdm : read.records()) {
                OptionalDouble hbr = hbrM != null ? OptionalDouble.of(hbrM) : cdm.combinedHardBodyRadiusM();
                if (hbr.isEmpty()) {
                    err.println("astroshield pc: " + file + ": the CDM gives no hard-body radius; give one with --hbr-m");
                    return AstroShieldCommand.EXIT_CANNOT_RUN;
                }
                try {
                    CollisionProbability pc = calculator.compute(encounters.encounter(cdm, hbr.getAsDouble()), method);
                    List<String> warnings = new ArrayList<>(repairs);
                    warnings.addAll(pc.warnings());
                    rows.add(String.join(",", csv(file.toString()), String.format(Locale.ROOT, "%.6e", pc.pc()),
                            pc.method().name(), String.format(Locale.ROOT, "%.3f", pc.hardBodyRadiusM()),
                            String.format(Locale.ROOT, "%.3f", pc.missDistanceM()), csv(String.join("; ", warnings))));
                } catch (DomainException ex) {
                    err.println(file + ": " + ex.getMessage());
                    failed++;
                }
            }
            if (read.records().isEmpty()) {
                failed++;
            }
        }
        try (PrintWriter out = output.open(spec)) {
            out.println("file,pc,method,hbr_m,miss_m,warnings");
            rows.forEach(out::println);
        }
        return rows.isEmpty() && failed > 0 ? AstroShieldCommand.EXIT_CANNOT_RUN : 0;
    }

    /** RFC 4180 quoting when a field holds a comma, quote or line break. */
    private static String csv(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
