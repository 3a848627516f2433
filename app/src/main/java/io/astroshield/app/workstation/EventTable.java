package io.astroshield.app.workstation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.astroshield.persistence.screening.ConjunctionObservation;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Conjunction events as the CLI and the window's CSV export write them: the CSV columns of DESIGN.md, in that
 * order, and JSON with the same fields per event. An absent value is an empty CSV field or a JSON null.
 */
public final class EventTable {

    public static final String CSV_HEADER = "primary,secondary,tca_utc,miss_km,rel_speed_kms,radial_km,in_track_km,"
            + "cross_track_km,pc,pc_method,pc_max,covariance_source,encounter,primary_epoch_age_d,secondary_epoch_age_d";

    private EventTable() {
    }

    public static void writeCsv(List<ConjunctionObservation> rows, PrintWriter out) {
        out.println(CSV_HEADER);
        for (ConjunctionObservation e : rows) {
            out.println(String.join(",",
                    Integer.toString(e.primaryNorad()),
                    Integer.toString(e.secondaryNorad()),
                    Formats.utcMillis(e.tca()),
                    km(e.missDistanceM()),
                    km(e.relativeSpeedMps()),
                    km(e.radialM()),
                    km(e.inTrackM()),
                    km(e.crossTrackM()),
                    e.pc() == null ? "" : probability(e.pc()),
                    e.pcMethod() == null ? "" : e.pcMethod(),
                    e.pcMax() == null ? "" : probability(e.pcMax()),
                    e.covarianceSource() == null ? "" : e.covarianceSource(),
                    e.encounter().name(),
                    days(e.primaryAgeDays()),
                    days(e.secondaryAgeDays())));
        }
    }

    public static void writeJson(List<ConjunctionObservation> rows, PrintWriter out) {
        try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (ConjunctionObservation e : rows) {
                g.writeStartObject();
                g.writeNumberField("primary", e.primaryNorad());
                g.writeNumberField("secondary", e.secondaryNorad());
                g.writeStringField("tca_utc", Formats.utcMillis(e.tca()));
                g.writeNumberField("miss_km", e.missDistanceM() / 1e3);
                g.writeNumberField("rel_speed_kms", e.relativeSpeedMps() / 1e3);
                g.writeNumberField("radial_km", e.radialM() / 1e3);
                g.writeNumberField("in_track_km", e.inTrackM() / 1e3);
                g.writeNumberField("cross_track_km", e.crossTrackM() / 1e3);
                nullable(g, "pc", e.pc());
                g.writeStringField("pc_method", e.pcMethod());
                nullable(g, "pc_max", e.pcMax());
                g.writeStringField("covariance_source", e.covarianceSource());
                g.writeStringField("encounter", e.encounter().name());
                nullable(g, "primary_epoch_age_d", e.primaryAgeDays());
                nullable(g, "secondary_epoch_age_d", e.secondaryAgeDays());
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

    private static String days(Double d) {
        if (d == null) {
            return "";
        }
        // rounded first so that a tiny negative age prints 0.0000, not -0.0000
        return String.format(Locale.ROOT, "%.4f", Math.round(d * 1e4) / 1e4 + 0.0);
    }
}
