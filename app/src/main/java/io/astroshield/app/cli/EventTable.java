package io.astroshield.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.domain.risk.CollisionProbability;
import io.astroshield.domain.risk.TleOnlyPc;
import io.astroshield.domain.screening.ConjunctionEvent;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Screening results as the CLI writes them: the CSV columns of DESIGN.md, in that order, and
 * JSON with the same fields per event. An absent value is an empty CSV field or a JSON null.
 */
final class EventTable {

    static final String CSV_HEADER = "primary,secondary,tca_utc,miss_km,rel_speed_kms,radial_km,in_track_km,"
            + "cross_track_km,pc,pc_method,pc_max,covariance_source,encounter,primary_epoch_age_d,secondary_epoch_age_d";

    /** One event and its TLE-only Pc figures (null when none could be computed). */
    record Row(ConjunctionEvent event, TleOnlyPc pc) {
    }

    private EventTable() {
    }

    static void writeCsv(List<Row> rows, PrintWriter out) {
        out.println(CSV_HEADER);
        for (Row row : rows) {
            ConjunctionEvent e = row.event();
            CollisionProbability pc = row.pc() == null ? null : row.pc().underDefaultCovariance();
            CollisionProbability max = row.pc() == null ? null : row.pc().maximum();
            out.println(String.join(",",
                    Integer.toString(e.primaryId()),
                    Integer.toString(e.secondaryId()),
                    CliTime.format(e.tca()),
                    km(e.missDistanceM()),
                    km(e.relativeSpeedMps()),
                    km(e.missRtnM().radialM()),
                    km(e.missRtnM().inTrackM()),
                    km(e.missRtnM().crossTrackM()),
                    pc == null ? "" : probability(pc.pc()),
                    pc == null ? "" : pc.method().name(),
                    max == null ? "" : probability(max.pc()),
                    pc == null ? "" : pc.covarianceSource().name(),
                    e.encounter().name(),
                    days(e.primaryEpochAgeDays()),
                    days(e.secondaryEpochAgeDays())));
        }
    }

    static void writeJson(List<Row> rows, PrintWriter out) {
        try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (Row row : rows) {
                ConjunctionEvent e = row.event();
                CollisionProbability pc = row.pc() == null ? null : row.pc().underDefaultCovariance();
                CollisionProbability max = row.pc() == null ? null : row.pc().maximum();
                g.writeStartObject();
                g.writeNumberField("primary", e.primaryId());
                g.writeNumberField("secondary", e.secondaryId());
                g.writeStringField("tca_utc", CliTime.format(e.tca()));
                g.writeNumberField("miss_km", e.missDistanceM() / 1e3);
                g.writeNumberField("rel_speed_kms", e.relativeSpeedMps() / 1e3);
                g.writeNumberField("radial_km", e.missRtnM().radialM() / 1e3);
                g.writeNumberField("in_track_km", e.missRtnM().inTrackM() / 1e3);
                g.writeNumberField("cross_track_km", e.missRtnM().crossTrackM() / 1e3);
                nullable(g, "pc", pc == null ? null : pc.pc());
                g.writeStringField("pc_method", pc == null ? null : pc.method().name());
                nullable(g, "pc_max", max == null ? null : max.pc());
                g.writeStringField("covariance_source", pc == null ? null : pc.covarianceSource().name());
                g.writeStringField("encounter", e.encounter().name());
                g.writeNumberField("primary_epoch_age_d", e.primaryEpochAgeDays());
                g.writeNumberField("secondary_epoch_age_d", e.secondaryEpochAgeDays());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeRaw('\n');
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void nullable(JsonGenerator g, String name, Double value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    /** Metres (or m/s) as km (km/s) to the millimetre (mm/s). */
    private static String km(double si) {
        return String.format(Locale.ROOT, "%.6f", si / 1e3);
    }

    private static String probability(double p) {
        return String.format(Locale.ROOT, "%.6e", p);
    }

    private static String days(double d) {
        // rounded first so that a tiny negative age prints 0.0000, not -0.0000
        return String.format(Locale.ROOT, "%.4f", Math.round(d * 1e4) / 1e4 + 0.0);
    }
}
