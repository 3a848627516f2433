package io.astroshield.app.cli;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.propagation.Sgp4Batch;
import io.astroshield.domain.propagation.Sgp4Error;
import io.astroshield.domain.time.ReferenceData;
import org.orekit.time.AbsoluteDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code propagate --tle FILE --start T --stop T --step-s S}: SGP4 states in TEME as CSV. */
@Command(name = "propagate", mixinStandardHelpOptions = true,
        description = "Propagate element sets with SGP4/SDP4; CSV norad,t_utc,x_km,y_km,z_km,vx_kms,vy_kms,vz_kms,error in TEME.")
final class PropagateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--tle", required = true, paramLabel = "FILE", description = "TLE/3LE, OMM or GP file.")
    Path tle;

    @Option(names = "--start", required = true, paramLabel = "T", description = "First time (ISO-8601, UTC if no zone).")
    String start;

    @Option(names = "--stop", required = true, paramLabel = "T", description = "Last time (ISO-8601, UTC if no zone).")
    String stop;

    @Option(names = "--step-s", required = true, paramLabel = "S", description = "Step in seconds.")
    double stepS;

    @Mixin
    OutputOption output;

    @Mixin
    ReferenceOptions reference;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Instant t0 = CliTime.parseInstant(start);
        Instant t1 = CliTime.parseInstant(stop);
        if (!(stepS > 0)) {
            throw new IllegalArgumentException("--step-s must be positive: " + stepS);
        }
        if (t1.isBefore(t0)) {
            throw new IllegalArgumentException("--stop " + stop + " is before --start " + start);
        }
        ReferenceData data = reference.load(err);
        List<ElementSet> sets = InputFiles.readCatalogs(List.of(tle), data, err);
        if (sets.isEmpty()) {
            err.println("astroshield propagate: no valid element set in " + tle);
            return AstroShieldCommand.EXIT_CANNOT_RUN;
        }
        Sgp4Batch batch = Sgp4Batch.of(sets, data);
        AbsoluteDate start = data.toDate(t0);
        double spanS = data.toDate(t1).durationFrom(start);
        long steps = (long) Math.floor(spanS / stepS + 1e-9);
        double[] state = new double[6];
        try (PrintWriter out = output.open(spec)) {
            out.println("norad,t_utc,x_km,y_km,z_km,vx_kms,vy_kms,vz_kms,error");
            for (int i = 0; i < batch.size(); i++) {
                double epochOffset = batch.epochOffsetS(i, start);
                for (long k = 0; k <= steps; k++) {
                    double t = k * stepS;
                    int code = batch.propagate(i, (t - epochOffset) / 60.0, state, 0);
                    String time = CliTime.format(data.toInstant(start.shiftedBy(t)));
                    if (code != 0) {
                        out.printf(Locale.ROOT, "%d,%s,,,,,,,SGP4 error %d: %s%n", sets.get(i).noradId(), time, code,
                                Sgp4Error.ofCode(code).description());
                        // SGP4 errors persist once reached (decay, out-of-range elements): stop this object.
                        break;
                    }
                    out.printf(Locale.ROOT, "%d,%s,%.6f,%.6f,%.6f,%.9f,%.9f,%.9f,%n", sets.get(i).noradId(), time,
                            state[0] / 1e3, state[1] / 1e3, state[2] / 1e3, state[3] / 1e3, state[4] / 1e3, state[5] / 1e3);
                }
            }
        }
        return 0;
    }
}
