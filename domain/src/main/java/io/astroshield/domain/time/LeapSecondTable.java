package io.astroshield.domain.time;

import io.astroshield.domain.DomainError;
import io.astroshield.domain.DomainException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * TAI-UTC as a table of steps, from 1961 (rubber-second era, offset plus a drift) through
 * the integer leap seconds since 1972.
 *
 * <p>The built-in table is written down from the USNO {@code tai-utc.dat} series and IERS
 * Bulletin C: the last leap second was inserted at the end of 2016-12-31 (TAI-UTC = 37 s).
 * IERS Bulletin C 70 (July 2025) announced no leap second at the end of December 2025, which
 * makes the table valid until 2026-06-28 (the expiry the IERS gave its leap-seconds list).
 * A newer IERS/NIST {@code leap-seconds.list} supplied by the user replaces the integer part.
 *
 * @param entries    steps in date order
 * @param validUntil last day the table is known to be complete, or empty when the source does not say
 * @param source     where the table came from, for messages
 */
public record LeapSecondTable(List<Entry> entries, Optional<LocalDate> validUntil, String source) {

    /**
     * TAI-UTC from {@code start} on: {@code offsetS + (MJD - mjdRef) * driftSPerDay}.
     * Since 1972 the drift is zero and the offset an integer.
     */
    public record Entry(LocalDate start, double offsetS, int mjdRef, double driftSPerDay) {
        public Entry {
            Objects.requireNonNull(start, "start");
        }
    }

    /** Expiry of the IERS leap-second list published after Bulletin C 70. */
    public static final LocalDate BUILT_IN_VALID_UNTIL = LocalDate.of(2026, 6, 28);

    /** Seconds from 1900-01-01 (NTP epoch) to 1970-01-01. */
    private static final long NTP_TO_UNIX_S = 2_208_988_800L;

    public LeapSecondTable {
        entries = List.copyOf(entries);
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(source, "source");
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("empty leap-second table from " + source);
        }
    }

    public static LeapSecondTable builtIn() {
        List<Entry> e = new ArrayList<>();
        // USNO tai-utc.dat, 1961-1968: TAI-UTC = offset + (MJD - mjdRef) * drift.
        e.add(new Entry(LocalDate.of(1961, 1, 1), 1.4228180, 37300, 0.001296));
        e.add(new Entry(LocalDate.of(1961, 8, 1), 1.3728180, 37300, 0.001296));
        e.add(new Entry(LocalDate.of(1962, 1, 1), 1.8458580, 37665, 0.0011232));
        e.add(new Entry(LocalDate.of(1963, 11, 1), 1.9458580, 37665, 0.0011232));
        e.add(new Entry(LocalDate.of(1964, 1, 1), 3.2401300, 38761, 0.001296));
        e.add(new Entry(LocalDate.of(1964, 4, 1), 3.3401300, 38761, 0.001296));
        e.add(new Entry(LocalDate.of(1964, 9, 1), 3.4401300, 38761, 0.001296));
        e.add(new Entry(LocalDate.of(1965, 1, 1), 3.5401300, 38761, 0.001296));
        e.add(new Entry(LocalDate.of(1965, 3, 1), 3.6401300, 38761, 0.001296));
        e.add(new Entry(LocalDate.of(1965, 7, 1), 3.7401300, 38761, 0.001296));
        e.add(new Entry(LocalDate.of(1965, 9, 1), 3.8401300, 38761, 0.001296));
        e.add(new Entry(LocalDate.of(1966, 1, 1), 4.3131700, 39126, 0.002592));
        e.add(new Entry(LocalDate.of(1968, 2, 1), 4.2131700, 39126, 0.002592));
        // Integer leap seconds, IERS Bulletin C: date from which TAI-UTC takes the value.
        int[][] steps = {
            {1972, 1, 10}, {1972, 7, 11}, {1973, 1, 12}, {1974, 1, 13}, {1975, 1, 14}, {1976, 1, 15},
            {1977, 1, 16}, {1978, 1, 17}, {1979, 1, 18}, {1980, 1, 19}, {1981, 7, 20}, {1982, 7, 21},
            {1983, 7, 22}, {1985, 7, 23}, {1988, 1, 24}, {1990, 1, 25}, {1991, 1, 26}, {1992, 7, 27},
            {1993, 7, 28}, {1994, 7, 29}, {1996, 1, 30}, {1997, 7, 31}, {1999, 1, 32}, {2006, 1, 33},
            {2009, 1, 34}, {2012, 7, 35}, {2015, 7, 36}, {2017, 1, 37},
        };
        for (int[] s : steps) {
            e.add(integerStep(LocalDate.of(s[0], s[1], 1), s[2]));
        }
        return new LeapSecondTable(e, Optional.of(BUILT_IN_VALID_UNTIL), "built-in table (IERS Bulletin C 70)");
    }

    private static Entry integerStep(LocalDate start, int offsetS) {
        return new Entry(start, offsetS, (int) (start.toEpochDay() + 40587), 0.0);
    }

    /**
     * Reads an IERS/NIST {@code leap-seconds.list} (as shipped in {@code /usr/share/zoneinfo}):
     * lines {@code NTP-seconds TAI-UTC}, comments with {@code #}, expiry in the {@code #@} line.
     * The pre-1972 drift entries of the built-in table are kept, since the list starts in 1972.
     */
    public static LeapSecondTable readLeapSecondsList(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException ex) {
            throw new DomainException(DomainError.REFERENCE_DATA, file + ": cannot read leap-second list: " + ex.getMessage(), ex);
        }
        List<Entry> entries = new ArrayList<>(builtIn().entries().stream().filter(en -> en.driftSPerDay() != 0.0).toList());
        Optional<LocalDate> expiry = Optional.empty();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            try {
                if (line.startsWith("#@")) {
                    long ntp = Long.parseLong(line.substring(2).trim().split("\\s+")[0]);
                    expiry = Optional.of(LocalDate.ofEpochDay(Math.floorDiv(ntp - NTP_TO_UNIX_S, 86_400L)));
                    continue;
                }
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                long ntp = Long.parseLong(parts[0]);
                int offset = Integer.parseInt(parts[1]);
                entries.add(integerStep(LocalDate.ofEpochDay(Math.floorDiv(ntp - NTP_TO_UNIX_S, 86_400L)), offset));
            } catch (RuntimeException ex) {
                throw new DomainException(DomainError.REFERENCE_DATA,
                        file + ":" + (i + 1) + ": not a leap-seconds.list line: '" + line + "'", ex);
            }
        }
        if (entries.stream().noneMatch(en -> en.driftSPerDay() == 0.0)) {
            throw new DomainException(DomainError.REFERENCE_DATA, file + ": no leap-second entries found");
        }
        for (int i = 1; i < entries.size(); i++) {
            if (!entries.get(i).start().isAfter(entries.get(i - 1).start())) {
                throw new DomainException(DomainError.REFERENCE_DATA, file + ": entries not in date order near "
                        + entries.get(i).start());
            }
        }
        return new LeapSecondTable(entries, expiry, file.toString());
    }

    /** A warning sentence when {@code today} is past the table's validity, else empty. */
    public Optional<String> stalenessWarning(LocalDate today) {
        return validUntil.filter(today::isAfter).map(until ->
                "leap-second table (" + source + ") was valid until " + until
                        + "; UTC after that date may be off by a leap second. Load a newer IERS leap-seconds.list"
                        + " with --leap-seconds FILE.");
    }

    /** TAI-UTC in seconds at the start of the given UTC day. */
    public double taiMinusUtcS(LocalDate day) {
        Entry current = null;
        for (Entry entry : entries) {
            if (!entry.start().isAfter(day)) {
                current = entry;
            }
        }
        if (current == null) {
            return 0.0;
        }
        long mjd = day.toEpochDay() + 40587;
        return current.offsetS() + (mjd - current.mjdRef()) * current.driftSPerDay();
    }
}
