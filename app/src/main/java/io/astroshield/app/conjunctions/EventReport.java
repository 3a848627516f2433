package io.astroshield.app.conjunctions;

import io.astroshield.app.workstation.CatalogSnapshot;
import io.astroshield.app.workstation.Formats;
import io.astroshield.persistence.screening.ConjunctionObservation;
import io.astroshield.persistence.screening.StoredEvent;
import io.astroshield.persistence.screening.StoredUpdate;
import io.astroshield.persistence.workspace.StoredNote;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one-page event report an analyst hands to the flight director: the pair, TCA, miss and its RTN components,
 * relative speed, Pc with method and covariance source, data ages, disposition, the update history (Pc trend as a
 * table), the charts as an image when given, and the notes. Standard PDF fonts only (nothing to ship).
 */
public final class EventReport {

    private static final float MARGIN = 50;
    private static final float LINE = 14;

    private EventReport() {
    }

    public static void write(Path file, EventDetailViewModel.Details d, CatalogSnapshot catalog, String author,
                             Instant generatedAt, BufferedImage charts) {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
            float y = page.getMediaBox().getHeight() - MARGIN;
            try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                StoredEvent e = d.event();
                ConjunctionObservation o = e.latest();
                y = text(out, bold, 16, MARGIN, y, "Conjunction report: " + catalog.label(e.primaryNorad()) + "  vs  "
                        + catalog.label(e.secondaryNorad()));
                y = text(out, regular, 9, MARGIN, y, "Generated " + Formats.utcSeconds(generatedAt) + " by " + author
                        + " with AstroShield Workstation");
                y -= LINE / 2;
                for (String[] f : fields(d, catalog)) {
                    text(out, bold, 10, MARGIN, y, f[0]);
                    y = text(out, regular, 10, MARGIN + 170, y, f[1]);
                }
                y -= LINE / 2;
                y = text(out, bold, 11, MARGIN, y, "Update history (oldest first)");
                y = text(out, mono, 8, MARGIN, y, String.format(Locale.ROOT, "%-20s %-8s %10s %11s %-14s %s",
                        "recorded (UTC)", "source", "miss km", "Pc", "method", "TCA (UTC)"));
                List<StoredUpdate> trend = d.trend();
                int from = Math.max(0, trend.size() - 12);
                for (StoredUpdate u : trend.subList(from, trend.size())) {
                    ConjunctionObservation uo = u.observation();
                    y = text(out, mono, 8, MARGIN, y, String.format(Locale.ROOT, "%-20s %-8s %10.3f %11s %-14s %s",
                            Formats.utcSeconds(u.recordedAt()), u.cdmId() != null ? "CDM" : "screen",
                            uo.missDistanceM() / 1000, Formats.pc(uo.pc()), uo.pcMethod() == null ? "" : uo.pcMethod(),
                            Formats.utcMillis(uo.tca())));
                }
                if (from > 0) {
                    y = text(out, regular, 8, MARGIN, y, "(" + from + " earlier updates not shown)");
                }
                if (charts != null) {
                    PDImageXObject image = LosslessFactory.createFromImage(doc, charts);
                    float width = page.getMediaBox().getWidth() - 2 * MARGIN;
                    float height = Math.min(220, width * charts.getHeight() / charts.getWidth());
                    y -= height + 6;
                    out.drawImage(image, MARGIN, y, width, height);
                    y -= 6;
                }
                y -= LINE / 2;
                y = text(out, bold, 11, MARGIN, y, "Notes");
                if (d.notes().isEmpty()) {
                    y = text(out, regular, 9, MARGIN, y, "none");
                }
                for (StoredNote n : d.notes()) {
                    for (String line : wrap(Formats.utcMinutes(n.note().createdAt()) + "  " + n.note().author() + ": "
                            + n.note().body(), 110)) {
                        if (y < MARGIN + LINE) {
                            break;
                        }
                        y = text(out, regular, 9, MARGIN, y, line);
                    }
                }
            }
            doc.save(file.toFile());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + ex.getMessage(), ex);
        }
    }

    static List<String[]> fields(EventDetailViewModel.Details d, CatalogSnapshot catalog) {
        StoredEvent e = d.event();
        ConjunctionObservation o = e.latest();
        List<String[]> f = new ArrayList<>();
        f.add(new String[] {"TCA", Formats.utcMillis(e.tca())});
        f.add(new String[] {"Miss distance", Formats.km(e.missDistanceM())});
        f.add(new String[] {"Miss radial / in-track / cross", String.format(Locale.ROOT, "%.3f / %.3f / %.3f km",
                o.radialM() / 1000, o.inTrackM() / 1000, o.crossTrackM() / 1000)});
        f.add(new String[] {"Relative speed", Formats.kmPerS(e.relativeSpeedMps()) + " (" + e.encounter() + ")"});
        f.add(new String[] {"Pc", Formats.pc(e.pc()) + (e.pcMethod() == null ? "" : " by " + e.pcMethod())});
        f.add(new String[] {"Covariance source", o.covarianceSource() == null ? "none" : o.covarianceSource()});
        f.add(new String[] {"Pc max (covariance scale)", Formats.pc(e.pcMax())});
        f.add(new String[] {"Element-set ages at TCA", "primary " + Formats.days(o.primaryAgeDays()) + ", secondary "
                + Formats.days(o.secondaryAgeDays())});
        f.add(new String[] {"Object types", catalog.type(e.primaryNorad()) + " / " + catalog.type(e.secondaryNorad())});
        f.add(new String[] {"Alarm", d.occurrence().map(a -> a.severity() + " " + a.state()).orElse("none")});
        f.add(new String[] {"Disposition", d.track().map(t -> t.disposition().name()).orElse("not assessed")});
        return f;
    }

    private static float text(PDPageContentStream out, PDType1Font font, float size, float x, float y, String s)
            throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(ascii(s));
        out.endText();
        return y - Math.max(LINE * size / 10, size + 3);
    }

    /** The standard 14 fonts encode WinAnsi only: replace what they cannot show. */
    static String ascii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c == '—' ? '-' : c == '≥' ? '>' : c < 256 ? c : '?');
        }
        return b.toString();
    }

    static List<String> wrap(String s, int width) {
        List<String> lines = new ArrayList<>();
        String rest = s;
        while (rest.length() > width) {
            int cut = rest.lastIndexOf(' ', width);
            cut = cut <= 0 ? width : cut;
            lines.add(rest.substring(0, cut));
            rest = rest.substring(cut).stripLeading();
        }
        lines.add(rest);
        return lines;
    }
}
