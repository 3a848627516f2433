package io.astroshield.domain.time;

import io.astroshield.domain.DomainError;
import io.astroshield.domain.DomainException;
import org.orekit.data.DataContext;
import org.orekit.data.DirectoryCrawler;
import org.orekit.data.LazyLoadedDataContext;
import org.orekit.errors.OrekitException;
import org.orekit.frames.Frame;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.DateComponents;
import org.orekit.time.OffsetModel;
import org.orekit.time.TimeOffset;
import org.orekit.time.UTCScale;
import org.orekit.utils.IERSConventions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Orekit {@link DataContext} the whole domain works in, built from the project's own
 * leap-second table and, optionally, IERS EOP files the user supplies. Nothing is read from
 * an orekit-data folder and nothing is downloaded. Without EOP, TEME and TOD-based frames are
 * exact (SGP4 needs no EOP) and ITRF uses zero polar motion and UT1 = UTC, good to ~1 km at
 * the equator only for Earth-fixed display, never used for screening.
 */
public final class ReferenceData {

    private static volatile ReferenceData builtIn;

    private final LazyLoadedDataContext context;
    private final LeapSecondTable leapSeconds;
    private final boolean hasEop;
    private final UTCScale utc;
    private final Frame teme;
    private final Frame gcrf;
    private final Frame eme2000;

    private ReferenceData(LeapSecondTable leapSeconds, Optional<Path> eopDirectory) {
        this.leapSeconds = Objects.requireNonNull(leapSeconds, "leapSeconds");
        this.context = new LazyLoadedDataContext();
        context.getTimeScales().clearUTCTAIOffsetsLoaders();
        context.getTimeScales().addUTCTAIOffsetsLoader(() -> toOffsetModels(leapSeconds));
        context.getFrames().clearEOPHistoryLoaders();
        if (eopDirectory.isPresent()) {
            Path dir = eopDirectory.get();
            if (!Files.isDirectory(dir)) {
                throw new DomainException(DomainError.REFERENCE_DATA, dir + ": EOP directory does not exist");
            }
            context.getDataProvidersManager().addProvider(new DirectoryCrawler(dir.toFile()));
            context.getFrames().addDefaultEOP2000HistoryLoaders(null, null, null, null, null, null);
            context.getFrames().addDefaultEOP1980HistoryLoaders(null, null, null, null, null, null);
        }
        try {
            this.utc = context.getTimeScales().getUTC();
            this.teme = context.getFrames().getTEME();
            this.gcrf = context.getFrames().getGCRF();
            this.eme2000 = context.getFrames().getEME2000();
            if (eopDirectory.isPresent()
                    && context.getFrames().getEOPHistory(IERSConventions.IERS_2010, true).getEntries().isEmpty()) {
                throw new DomainException(DomainError.REFERENCE_DATA, eopDirectory.get()
                        + ": no IERS EOP data found (expected finals2000A, EOP C04 or bulletin files)");
            }
        } catch (OrekitException ex) {
            throw new DomainException(DomainError.REFERENCE_DATA, "cannot build time and frame data: " + ex.getMessage(), ex);
        }
        this.hasEop = eopDirectory.isPresent();
    }

    /** The context from the built-in leap-second table and no EOP; shared, built once. */
    public static ReferenceData builtIn() {
        ReferenceData local = builtIn;
        if (local == null) {
            synchronized (ReferenceData.class) {
                local = builtIn;
                if (local == null) {
                    local = new ReferenceData(LeapSecondTable.builtIn(), Optional.empty());
                    builtIn = local;
                }
            }
        }
        return local;
    }

    /** A context from a user-supplied leap-second list and/or EOP directory (either may be empty). */
    public static ReferenceData load(Optional<Path> leapSecondsList, Optional<Path> eopDirectory) {
        if (leapSecondsList.isEmpty() && eopDirectory.isEmpty()) {
            return builtIn();
        }
        LeapSecondTable table = leapSecondsList.map(LeapSecondTable::readLeapSecondsList).orElseGet(LeapSecondTable::builtIn);
        return new ReferenceData(table, eopDirectory);
    }

    private static List<OffsetModel> toOffsetModels(LeapSecondTable table) {
        List<OffsetModel> models = new ArrayList<>();
        for (LeapSecondTable.Entry e : table.entries()) {
            DateComponents start = new DateComponents(e.start().getYear(), e.start().getMonthValue(), e.start().getDayOfMonth());
            if (e.driftSPerDay() == 0.0) {
                models.add(new OffsetModel(start, (int) Math.round(e.offsetS())));
            } else {
                // Orekit's slope unit is nanoseconds of drift per second: (s/day) * 1e9 / 86400.
                models.add(new OffsetModel(start, e.mjdRef(), TimeOffset.parse(Double.toString(e.offsetS())),
                        (int) Math.round(e.driftSPerDay() * 1e9 / 86_400.0)));
            }
        }
        return models;
    }

    public DataContext context() {
        return context;
    }

    public LeapSecondTable leapSeconds() {
        return leapSeconds;
    }

    public boolean hasEop() {
        return hasEop;
    }

    public UTCScale utc() {
        return utc;
    }

    /** True Equator Mean Equinox frame, in which SGP4 works. */
    public Frame teme() {
        return teme;
    }

    public Frame gcrf() {
        return gcrf;
    }

    public Frame eme2000() {
        return eme2000;
    }

    /**
     * The frame a CCSDS REF_FRAME value names: EME2000, GCRF, ICRF (Earth-centred, so GCRF),
     * TEME, or any ITRF realisation (Orekit's ITRF, IERS 2010 conventions).
     *
     * @param source where the name was read, for the message when it is not supported
     */
    public Frame ccsdsFrame(String frameName, String source) {
        String name = frameName.trim().toUpperCase(java.util.Locale.ROOT);
        switch (name) {
            case "EME2000":
                return eme2000;
            case "GCRF":
            case "ICRF":
                // An Earth-centred ICRF state is in GCRF: same axes, geocentre origin.
                return gcrf;
            case "TEME":
                return teme;
            default:
                if (name.startsWith("ITRF")) {
                    return context.getFrames().getITRF(IERSConventions.IERS_2010, true);
                }
                throw new DomainException(DomainError.INVALID_ARGUMENT, source + ": REF_FRAME " + frameName
                        + " is not supported (EME2000, GCRF, ICRF, TEME, ITRF*)");
        }
    }

    public AbsoluteDate toDate(Instant instant) {
        return new AbsoluteDate(instant, utc);
    }

    public Instant toInstant(AbsoluteDate date) {
        return date.toInstant(context.getTimeScales());
    }

    /** Warnings a person should see before trusting times: stale leap seconds, missing EOP. */
    public List<String> warnings(LocalDate today) {
        List<String> warnings = new ArrayList<>();
        leapSeconds.stalenessWarning(today).ifPresent(warnings::add);
        return warnings;
    }
}
