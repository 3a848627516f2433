package io.astroshield.sync.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.domain.alarms.ConjunctionAlarms;
import io.astroshield.domain.alarms.ConjunctionUpdate;
import io.astroshield.domain.alarms.DataOrigin;
import io.astroshield.domain.alarms.UpdateSource;
import io.astroshield.domain.screening.MissVectorRtn;
import io.astroshield.domain.screening.ScreeningSettings;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.screening.ConjunctionObservation;
import io.astroshield.persistence.screening.EncounterKind;
import io.astroshield.persistence.screening.StoredEvent;
import io.astroshield.persistence.sync.MirrorRow;
import io.astroshield.persistence.workspace.SettingScope;
import io.astroshield.sync.protocol.Conjunction;
import io.astroshield.sync.protocol.ConjunctionObject;
import io.astroshield.sync.protocol.Json;
import io.astroshield.sync.protocol.StateVector;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The backend's conjunctions as events of this console: each downloaded {@code Conjunction} that says something new
 * about its event (pair and TCA, as the store files events) becomes an update of that event, so the table, the Pc
 * trend and the alarms show what the other consoles see. Download-only reference data (DESIGN.md, sync): nothing
 * goes back.
 * <p>
 * Only rows the download changed since the last pass are read (a cursor on the change-log position, kept in the same
 * transaction as the updates); a row that repeats its event's latest update (a snapshot re-sends every row) adds
 * nothing. A conjunction that cannot be an event here is skipped with the reason: an object without a catalog
 * number (events are filed by catalog numbers), or without state vectors at TCA (the miss vector's radial,
 * in-track and cross-track parts, which every event carries, come from them).
 */
public final class SharedConjunctions {

    /** The change-log entity of a conjunction (the published API's name). */
    public static final String ENTITY = "conjunction";
    static final String APPLIED_SETTING = "sync.conjunctions_applied_seq";
    /** The label of a Pc the backend published without naming its method. */
    static final String PC_METHOD = "BACKEND";
    static final String COVARIANCE_SOURCE = "BACKEND";
    /** State vectors further than this from TCA are not at TCA. */
    private static final Duration AT_TCA = Duration.ofMillis(1);
    private static final ObjectMapper JSON = Json.newMapper();

    /** What one pass did: the updates recorded (for the alarm engine) and the conjunctions skipped, with why. */
    public record Applied(List<ConjunctionUpdate> updates, List<String> skipped) {
        public Applied {
            updates = List.copyOf(updates);
            skipped = List.copyOf(skipped);
        }
    }

    private SharedConjunctions() {
    }

    /** Records the conjunctions downloaded since the last pass as event updates, at {@code now}. */
    public static Applied apply(Store store, Instant now) {
        return store.write(tx -> {
            long from = tx.settings().get(SettingScope.LOCAL, APPLIED_SETTING).map(s -> Long.parseLong(s.value()))
                    .orElse(0L);
            List<MirrorRow> rows = tx.syncMirror().changedSince(ENTITY, from);
            List<ConjunctionUpdate> updates = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            long to = from;
            for (MirrorRow row : rows) {
                to = Math.max(to, row.changeSeq());
                Conjunction c;
                try {
                    c = JSON.readValue(row.payload(), Conjunction.class);
                } catch (IOException e) {
                    skipped.add("conjunction " + row.entityId() + ": not a Conjunction (" + e.getMessage() + ")");
                    continue;
                }
                Optional<ConjunctionObservation> o = observation(c, skipped, id -> tx.syncMirror()
                        .find("spacecraft", id).map(r -> noradOfSpacecraft(r.payload())).orElse(null));
                if (o.isEmpty() || repeatsLatest(o.get(), tx.conjunctionEvents().forPair(o.get().primaryNorad(),
                        o.get().secondaryNorad(), o.get().tca().minus(ConjunctionAlarms.TCA_MATCH_WINDOW),
                        o.get().tca().plus(ConjunctionAlarms.TCA_MATCH_WINDOW)))) {
                    continue;
                }
                tx.conjunctionEvents().record(List.of(o.get()), null, null, now);
                updates.add(new ConjunctionUpdate(o.get().primaryNorad(), o.get().secondaryNorad(), o.get().tca(),
                        o.get().missDistanceM(), o.get().pc(), UpdateSource.CDM, DataOrigin.LIVE,
                        "backend conjunction " + c.id() + (c.updatedAt() == null ? "" : " of " + c.updatedAt())));
            }
            if (to != from) {
                tx.settings().put(SettingScope.LOCAL, APPLIED_SETTING, Long.toString(to), now);
            }
            return new Applied(updates, skipped);
        });
    }

    /**
     * The conjunction as an event update (SI units), or empty with the reason added to {@code skipped}. An object
     * named by its spacecraft id only gets the catalog number of that spacecraft ({@code spacecraftNorad}, null when
     * unknown).
     */
    static Optional<ConjunctionObservation> observation(Conjunction c, List<String> skipped,
                                                        java.util.function.LongFunction<Integer> spacecraftNorad) {
        String name = "conjunction " + c.id();
        Integer primary = norad(c.primaryObject(), spacecraftNorad);
        Integer secondary = norad(c.secondaryObject(), spacecraftNorad);
        if (primary == null || secondary == null || primary.equals(secondary)) {
            skipped.add(name + ": both objects need distinct catalog numbers (norad_id) to be filed as an event");
            return Optional.empty();
        }
        if (c.tca() == null) {
            skipped.add(name + ": no tca");
            return Optional.empty();
        }
        double[][] p = state(c.primaryObject().stateVector(), c.tca());
        double[][] s = state(c.secondaryObject().stateVector(), c.tca());
        if (p == null || s == null) {
            skipped.add(name + ": no state vectors of both objects at TCA, so no radial, in-track and cross-track miss");
            return Optional.empty();
        }
        double[] d = {s[0][0] - p[0][0], s[0][1] - p[0][1], s[0][2] - p[0][2]};
        MissVectorRtn rtn = MissVectorRtn.of(p[0], p[1], d);
        double speedMps = c.relativeVelocity() != null ? c.relativeVelocity() * 1000.0
                : Math.sqrt(square(s[1][0] - p[1][0]) + square(s[1][1] - p[1][1]) + square(s[1][2] - p[1][2]));
        Double pc = c.collisionProbability();
        if (pc != null && !(pc >= 0 && pc <= 1)) {
            skipped.add(name + ": collision_probability " + pc + " is not a probability");
            return Optional.empty();
        }
        boolean covariances = c.covariancePrimary() != null && c.covarianceSecondary() != null;
        EncounterKind encounter = speedMps < ScreeningSettings.DEFAULT_LONG_ENCOUNTER_SPEED_MPS
                ? EncounterKind.LONG : EncounterKind.SHORT;
        try {
            return Optional.of(new ConjunctionObservation(primary, secondary, c.tca(), c.missDistance() * 1000.0,
                    speedMps, rtn.radialM(), rtn.inTrackM(), rtn.crossTrackM(), encounter, null, null, pc,
                    pc == null ? null : PC_METHOD, null, covariances ? COVARIANCE_SOURCE : null));
        } catch (IllegalArgumentException e) {
            skipped.add(name + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Integer norad(ConjunctionObject o, java.util.function.LongFunction<Integer> spacecraftNorad) {
        if (o == null) {
            return null;
        }
        return o.noradId() != null ? o.noradId() : o.id() == null ? null : spacecraftNorad.apply(o.id());
    }

    private static Integer noradOfSpacecraft(String payload) {
        try {
            var n = JSON.readTree(payload).get("norad_id");
            return n == null || !n.canConvertToInt() ? null : n.asInt();
        } catch (IOException e) {
            return null;
        }
    }

    /** Position (m) and velocity (m/s) of a published state vector at {@code tca}, or null. */
    private static double[][] state(StateVector v, Instant tca) {
        if (v == null || v.position() == null || v.velocity() == null || v.position().size() != 3
                || v.velocity().size() != 3 || v.epoch() == null
                || Duration.between(v.epoch(), tca).abs().compareTo(AT_TCA) > 0) {
            return null;
        }
        double[][] pv = new double[2][3];
        for (int i = 0; i < 3; i++) {
            Double r = v.position().get(i);
            Double dr = v.velocity().get(i);
            if (r == null || dr == null || !Double.isFinite(r) || !Double.isFinite(dr)) {
                return null;
            }
            pv[0][i] = r * 1000.0;
            pv[1][i] = dr * 1000.0;
        }
        return pv;
    }

    /** True when an event of the pair near TCA already has exactly this as its latest update. */
    private static boolean repeatsLatest(ConjunctionObservation o, List<StoredEvent> events) {
        return events.stream().map(StoredEvent::latest).anyMatch(l -> l != null && l.tca().equals(o.tca())
                && Math.abs(l.missDistanceM() - o.missDistanceM()) < 1e-6
                && java.util.Objects.equals(l.pc(), o.pc()));
    }

    private static double square(double x) {
        return x * x;
    }
}
