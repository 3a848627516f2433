package io.astroshield.persistence;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.Ephemeris;
import io.astroshield.domain.catalog.EphemerisPoint;
import io.astroshield.domain.catalog.ObjectType;
import io.astroshield.persistence.alarms.AlarmDefinitionRow;
import io.astroshield.persistence.alarms.AlarmKind;
import io.astroshield.persistence.alarms.AlarmOccurrenceRow;
import io.astroshield.persistence.alarms.AlarmSeverity;
import io.astroshield.persistence.alarms.AlarmState;
import io.astroshield.persistence.alarms.AuditEntry;
import io.astroshield.persistence.cdm.CdmObjectRow;
import io.astroshield.persistence.cdm.CdmRow;
import io.astroshield.persistence.screening.ConjunctionObservation;
import io.astroshield.persistence.screening.EncounterKind;
import io.astroshield.persistence.screening.RunOutcome;
import io.astroshield.persistence.screening.RunParameters;
import io.astroshield.persistence.screening.RunStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random values for the round-trip tests, edge values included: instants from year 1 to 2999
 * with nanoseconds (Sputnik's launch among them), absent optional values, non-ASCII text.
 */
final class Generated {

    private static final String[] NAMES = {"ISS (ZARYA)", "SL-16 R/B", "Ærø-Sat ÆØÅ", "Ромашка-1", "天宫二号",
            "COSMOS 2251 DEB", "nüll — “quoted” 'single'", "🚀 STARLINK-1007", "", " padded "};

    private static final Instant[] EDGE_INSTANTS = {Instant.parse("1957-10-04T19:28:34Z"),
            Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("1900-02-28T23:59:59.999999999Z"),
            Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2999-12-31T23:59:59.999999999Z"),
            Instant.parse("2016-12-31T23:59:59.5Z")};

    private final Random r;

    Generated(long seed) {
        this.r = new Random(seed);
    }

    Instant instant() {
        if (r.nextInt(8) == 0) {
            return EDGE_INSTANTS[r.nextInt(EDGE_INSTANTS.length)];
        }
        long seconds = Instant.parse("1957-01-01T00:00:00Z").getEpochSecond()
                + (long) (r.nextDouble() * 150 * 365.25 * 86_400);
        return Instant.ofEpochSecond(seconds, r.nextInt(1_000_000_000));
    }

    String text() {
        return NAMES[r.nextInt(NAMES.length)];
    }

    String textOrNull() {
        return r.nextInt(4) == 0 ? null : text();
    }

    Double doubleOrNull(double scale) {
        return r.nextInt(3) == 0 ? null : r.nextGaussian() * scale;
    }

    Double probabilityOrNull() {
        return switch (r.nextInt(5)) {
            case 0 -> null;
            case 1 -> 0.0;
            case 2 -> 1.0;
            default -> Math.pow(10, -12 * r.nextDouble());
        };
    }

    ElementSet elementSet(int norad, Instant epoch) {
        ObjectType[] types = ObjectType.values();
        return new ElementSet(norad, textOrNull(), r.nextBoolean() ? "98067A" : null, "UCS".charAt(r.nextInt(3)),
                epoch, 1e-5 + r.nextDouble() * 1e-3, r.nextInt(10) == 0 ? 0.0 : r.nextDouble() * 0.99,
                r.nextInt(10) == 0 ? Math.PI : r.nextDouble() * Math.PI, r.nextDouble() * 2 * Math.PI,
                r.nextDouble() * 2 * Math.PI, r.nextDouble() * 2 * Math.PI, r.nextGaussian() * 1e-4,
                r.nextGaussian() * 1e-12, r.nextGaussian() * 1e-18, r.nextInt(10_000), r.nextInt(100_000), 0,
                types[r.nextInt(types.length)], r.nextBoolean() ? "catalog.3le:" + (1 + r.nextInt(70_000)) : null);
    }

    Ephemeris ephemeris() {
        int n = 2 + r.nextInt(50);
        Instant t = instant();
        List<EphemerisPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(new EphemerisPoint(t, r.nextGaussian() * 7e6, r.nextGaussian() * 7e6, r.nextGaussian() * 7e6,
                    r.nextGaussian() * 7e3, r.nextGaussian() * 7e3, r.nextGaussian() * 7e3));
            t = t.plusNanos(1 + (long) (r.nextDouble() * 60e9));
        }
        return new Ephemeris(r.nextBoolean() ? -1 : r.nextInt(339_999), textOrNull(), textOrNull(), "EARTH",
                r.nextBoolean() ? "EME2000" : "ITRF2000", 1 + r.nextInt(9), points, "oem.txt:" + r.nextInt(1000));
    }

    private List<Double> doubles(int n) {
        List<Double> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(r.nextGaussian() * 1e3);
        }
        return values;
    }

    CdmRow cdm(int index) {
        CdmObjectRow o1 = new CdmObjectRow(Integer.toString(r.nextInt(99_999)), textOrNull(),
                r.nextBoolean() ? r.nextInt(339_999) : null, r.nextBoolean() ? doubles(6) : null,
                r.nextBoolean() ? doubles(21) : null);
        CdmObjectRow o2 = new CdmObjectRow("UNKNOWN-" + index, textOrNull(), null, doubles(6), null);
        return new CdmRow("MSG-" + index + "-" + r.nextInt(1000), r.nextBoolean() ? "CSpOC" : "Ésa",
                instant(), instant(), r.nextDouble() * 1e4, r.nextBoolean() ? null : r.nextDouble() * 15e3, o1, o2,
                r.nextBoolean() ? null : r.nextDouble() * 20, probabilityOrNull(), textOrNull(),
                r.nextBoolean() ? "KVN" : "XML", "CCSDS_CDM_VERS = 1.0\nCOMMENT " + text() + "\n", textOrNull());
    }

    ConjunctionObservation observation(int primary, int secondary, Instant tca) {
        Double pc = probabilityOrNull();
        return new ConjunctionObservation(primary, secondary, tca, r.nextDouble() * 5e3, r.nextDouble() * 15e3,
                r.nextGaussian() * 1e3, r.nextGaussian() * 1e3, r.nextGaussian() * 1e3,
                r.nextInt(10) == 0 ? EncounterKind.LONG : EncounterKind.SHORT, doubleOrNull(10), doubleOrNull(10), pc,
                pc == null ? null : "PATERA_2005", probabilityOrNull(), textOrNull());
    }

    RunParameters runParameters() {
        List<Integer> primaries = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            primaries.add(10_000 * i + r.nextInt(10_000));
        }
        return new RunParameters(instant(), Duration.ofMinutes(1 + r.nextInt(20_000)), 1 + r.nextDouble() * 1e4,
                primaries, DataOrigin.values()[r.nextInt(3)]);
    }

    RunOutcome runOutcome() {
        RunStatus[] ended = {RunStatus.COMPLETED, RunStatus.CANCELLED, RunStatus.FAILED};
        return new RunOutcome(instant(), ended[r.nextInt(3)], r.nextBoolean() ? r.nextInt(30_000) : null,
                r.nextBoolean() ? r.nextLong() : null, r.nextBoolean() ? r.nextInt() : null, doubleOrNull(100),
                doubleOrNull(100), doubleOrNull(100), doubleOrNull(100), textOrNull());
    }

    AlarmDefinitionRow alarmDefinition(int index) {
        return new AlarmDefinitionRow("def-" + index + " " + text(), AlarmKind.values()[r.nextInt(2)], textOrNull(),
                textOrNull(), r.nextBoolean(), 1 + r.nextInt(5), r.nextDouble(), r.nextDouble() * 60,
                r.nextDouble() * 60, textOrNull(), r.nextBoolean(), instant());
    }

    AlarmOccurrenceRow occurrence() {
        boolean shelved = r.nextBoolean();
        AlarmSeverity[] severities = AlarmSeverity.values();
        return new AlarmOccurrenceRow(null, r.nextBoolean() ? r.nextLong() : null, text(),
                DataOrigin.values()[r.nextInt(3)], AlarmState.values()[r.nextInt(4)],
                severities[r.nextInt(severities.length)], r.nextBoolean() ? severities[r.nextInt(5)] : null,
                r.nextBoolean(), instant(), instant(), r.nextBoolean() ? instant() : null, textOrNull(),
                shelved ? instant() : null, shelved ? text() : null, shelved ? "maintenance pass " + text() : null,
                r.nextBoolean() ? instant() : null);
    }

    AuditEntry audit() {
        return new AuditEntry(instant(), r.nextBoolean() ? instant() : null, text(), "operator", "console-" + r.nextInt(9),
                DataOrigin.values()[r.nextInt(3)], "ACKNOWLEDGE", r.nextBoolean() ? (long) r.nextInt(1000) : null,
                r.nextBoolean() ? (long) r.nextInt(1000) : null, textOrNull(), textOrNull());
    }

    int nextInt(int bound) {
        return r.nextInt(bound);
    }
}
