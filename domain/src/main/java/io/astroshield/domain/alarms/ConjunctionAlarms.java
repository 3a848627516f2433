package io.astroshield.domain.alarms;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Conjunction alarms: one occurrence per conjunction event. An update (CDM or re-screen)
 * belongs to an open event of the same pair, in either order, whose latest TCA is within
 * {@link #TCA_MATCH_WINDOW} of the update's TCA; otherwise it opens a new event. Each update
 * is graded by the event's {@link ConjunctionLimitSet} (Pc x time to TCA x miss distance),
 * recorded in the trend, and fed to the engine's state machine.
 *
 * <p>Return to normal: when {@code clearAfterUpdates} consecutive updates match no rule
 * (until then the last severity stands, so one optimistic CDM does not clear a red event),
 * or at TCA plus the grace period, when the event also closes. Between updates, a tick
 * raises the severity when the time to TCA enters a more urgent band of the matrix.
 *
 * <p>Times to TCA are measured on the engine's clock: a replay of old CDMs runs its own
 * engine whose clock follows the replay.
 */
public final class ConjunctionAlarms {

    /** Updates of a pair within this of an event's latest TCA belong to that event (DESIGN.md). */
    public static final Duration TCA_MATCH_WINDOW = Duration.ofMinutes(5);

    private record PairKey(int lowId, int highId, DataOrigin origin) {
        static PairKey of(int a, int b, DataOrigin origin) {
            return new PairKey(Math.min(a, b), Math.max(a, b), origin);
        }
    }

    /** The working copy of an open event. */
    private static final class Track {
        final String eventId;
        final int primaryId;
        final int secondaryId;
        final DataOrigin origin;
        final Instant firstTca;
        final String limitSetName;
        Instant latestTca;
        Disposition disposition = Disposition.NOT_ASSESSED;
        Double lastPc;
        double lastMissDistanceM;
        Severity alarmSeverity;
        int updatesWithoutSeverity;
        int updateCount;
        boolean closed;

        Track(String eventId, int primaryId, int secondaryId, DataOrigin origin, Instant firstTca, String limitSetName) {
            this.eventId = eventId;
            this.primaryId = primaryId;
            this.secondaryId = secondaryId;
            this.origin = origin;
            this.firstTca = firstTca;
            this.latestTca = firstTca;
            this.limitSetName = limitSetName;
        }

        static Track of(ConjunctionTrack t) {
            Track track = new Track(t.eventId(), t.primaryId(), t.secondaryId(), t.origin(), t.firstTca(),
                    t.limitSetName());
            track.latestTca = t.latestTca();
            track.disposition = t.disposition();
            track.lastPc = t.lastPc();
            track.lastMissDistanceM = t.lastMissDistanceM();
            track.alarmSeverity = t.alarmSeverity();
            track.updatesWithoutSeverity = t.updatesWithoutSeverity();
            track.updateCount = t.updateCount();
            track.closed = t.closed();
            return track;
        }

        ConjunctionTrack snapshot() {
            return new ConjunctionTrack(eventId, primaryId, secondaryId, origin, firstTca, latestTca, limitSetName,
                    disposition, lastPc, lastMissDistanceM, alarmSeverity, updatesWithoutSeverity, updateCount, closed);
        }
    }

    private final AlarmEngine engine;
    private final AlarmDefinition definition;
    private final List<ConjunctionLimitSet> configuredSets;
    private final String defaultSet;
    private final Map<Integer, String> setByPrimary;
    private final Map<String, ConjunctionLimitSet> limitSets = new LinkedHashMap<>();
    private final Map<PairKey, List<Track>> byPair = new HashMap<>();
    private final Map<String, Track> byEvent = new LinkedHashMap<>();

    ConjunctionAlarms(AlarmEngine engine, AlarmConfiguration config, AlarmDefinition definition) {
        this.engine = engine;
        this.definition = definition;
        this.configuredSets = config.conjunctionLimitSets();
        this.defaultSet = config.defaultConjunctionLimitSet();
        this.setByPrimary = config.conjunctionLimitSetByPrimary();
    }

    /**
     * Takes a batch of updates (a re-screen, a bundle of CDMs) as one unit of work: the store
     * sees one commit instead of one per update, and nothing of the batch if any of it fails.
     *
     * @return per update, in order, what {@link #accept(ConjunctionUpdate)} returns for it
     */
    public List<Optional<ConjunctionTrack>> acceptAll(List<ConjunctionUpdate> updates) {
        Objects.requireNonNull(updates, "updates");
        return engine.run(() -> {
            List<Optional<ConjunctionTrack>> results = new ArrayList<>(updates.size());
            for (ConjunctionUpdate update : updates) {
                results.add(accept(update));
            }
            return results;
        });
    }

    /**
     * Takes one update: finds or opens its event, grades it, records it in the trend and
     * updates the event's alarm.
     *
     * @return the event after the update; empty when the update is for an event already
     *         over (TCA plus grace passed) that is no longer followed
     * @throws IllegalStateException when no conjunction alarm definition is configured
     */
    public Optional<ConjunctionTrack> accept(ConjunctionUpdate update) {
        Objects.requireNonNull(update, "update");
        if (definition == null) {
            throw new IllegalStateException("no conjunction alarm definition configured");
        }
        return engine.run(() -> {
            Instant now = engine.now();
            PairKey pair = PairKey.of(update.primaryId(), update.secondaryId(), update.origin());
            Track track = find(pair, update.tca());
            if (track == null) {
                String setName = setByPrimary.getOrDefault(update.primaryId(), defaultSet);
                if (!now.isBefore(update.tca().plus(limitSet(setName).graceAfterTca()))) {
                    return Optional.<ConjunctionTrack>empty();
                }
                track = new Track(eventId(update), update.primaryId(), update.secondaryId(), update.origin(),
                        update.tca(), setName);
                byPair.computeIfAbsent(pair, k -> new ArrayList<>(1)).add(track);
                byEvent.put(track.eventId, track);
            }
            ConjunctionLimitSet set = limitSet(track.limitSetName);
            double timeToTcaS = seconds(now, update.tca());
            Severity graded = set.severity(update.pc(), update.missDistanceM(), timeToTcaS);
            track.latestTca = update.tca();
            track.lastPc = update.pc();
            track.lastMissDistanceM = update.missDistanceM();
            track.updateCount++;
            track.updatesWithoutSeverity = graded == null ? track.updatesWithoutSeverity + 1 : 0;
            engine.addTrendPoint(new ConjunctionTrendPoint(track.eventId, now, update.source(), update.reference(),
                    update.tca(), update.missDistanceM(), update.pc(), timeToTcaS, graded));
            Severity fed = graded != null ? graded
                    : track.updatesWithoutSeverity < set.clearAfterUpdates() ? track.alarmSeverity : null;
            feed(track, fed);
            if (!now.isBefore(track.latestTca.plus(set.graceAfterTca()))) {
                close(track);
            }
            engine.changedTrack(track.snapshot());
            return Optional.of(track.snapshot());
        });
    }

    void tick(Instant now) {
        if (definition == null || byEvent.isEmpty()) {
            return;
        }
        for (Track track : List.copyOf(byEvent.values())) {
            ConjunctionLimitSet set = limitSet(track.limitSetName);
            if (!now.isBefore(track.latestTca.plus(set.graceAfterTca()))) {
                feed(track, null);
                close(track);
                engine.changedTrack(track.snapshot());
                continue;
            }
            // time alone moves an event into a more urgent band (e.g. Pc 2e-4 entering the last day)
            Severity byTime = set.severity(track.lastPc, track.lastMissDistanceM, seconds(now, track.latestTca));
            if (byTime != null && byTime.isAbove(track.alarmSeverity)) {
                feed(track, byTime);
                engine.changedTrack(track.snapshot());
            }
        }
    }

    private void feed(Track track, Severity severity) {
        track.alarmSeverity = severity;
        double value = track.lastPc == null ? Double.NaN : track.lastPc;
        if (severity == null) {
            engine.returnToNormalNow(definition, track.eventId, track.origin, value);
        } else {
            engine.evaluate(definition, track.eventId, track.origin, severity, value, Quality.GOOD);
        }
    }

    private void close(Track track) {
        track.closed = true;
        byEvent.remove(track.eventId);
        PairKey pair = PairKey.of(track.primaryId, track.secondaryId, track.origin);
        List<Track> tracks = byPair.get(pair);
        if (tracks != null) {
            tracks.remove(track);
            if (tracks.isEmpty()) {
                byPair.remove(pair);
            }
        }
    }

    private Track find(PairKey pair, Instant tca) {
        List<Track> tracks = byPair.get(pair);
        if (tracks == null) {
            return null;
        }
        long windowS = TCA_MATCH_WINDOW.getSeconds();
        Track best = null;
        long bestGapNs = Long.MAX_VALUE;
        for (Track t : tracks) {
            long gapNs = Math.abs(Duration.between(t.latestTca, tca).toNanos());
            if (gapNs <= windowS * 1_000_000_000L && gapNs < bestGapNs) {
                best = t;
                bestGapNs = gapNs;
            }
        }
        return best;
    }

    private static String eventId(ConjunctionUpdate u) {
        return u.origin() + ":" + u.primaryId() + "x" + u.secondaryId() + "@" + u.tca().truncatedTo(ChronoUnit.SECONDS);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }

    private ConjunctionLimitSet limitSet(String name) {
        ConjunctionLimitSet set = limitSets.get(name);
        // a set removed from the configuration since the event opened: fall back to the default
        return set != null ? set : limitSets.get(defaultSet);
    }

    /** The open events, in the order they opened. */
    public List<ConjunctionTrack> openTracks() {
        return byEvent.values().stream().map(Track::snapshot).toList();
    }

    public Optional<ConjunctionTrack> track(String eventId) {
        return Optional.ofNullable(byEvent.get(eventId)).map(Track::snapshot);
    }

    /** Every update recorded for the event, oldest first, as the store holds them. */
    public List<ConjunctionTrendPoint> trend(String eventId) {
        return engine.store().trend(eventId);
    }

    public Optional<ConjunctionLimitSet> limitSetNamed(String name) {
        return Optional.ofNullable(limitSets.get(name));
    }

    /** The event's open alarm occurrence, if it is in alarm. */
    public Optional<AlarmOccurrence> occurrence(String eventId) {
        Track t = byEvent.get(eventId);
        if (t == null || definition == null) {
            return Optional.empty();
        }
        return engine.occurrence(new AlarmKey(definition.id(), eventId, t.origin));
    }

    /**
     * Records what the team decided about an event. Operator and above; audited and queued
     * for the backend. Leaves the alarm state alone.
     */
    public ActionResult setDisposition(String eventId, Actor actor, Disposition disposition, String comment) {
        Objects.requireNonNull(disposition, "disposition");
        return engine.run(() -> {
            engine.checkDevice(actor);
            String text = comment == null ? "" : comment.strip();
            Track t = byEvent.get(eventId);
            if (t == null) {
                return engine.refuse(null, String.valueOf(eventId), AuditAction.DISPOSITION_CHANGED, actor,
                        DataOrigin.LIVE, "", disposition.name(), text, Refusal.NO_SUCH_ALARM,
                        "no open conjunction event " + eventId);
            }
            var occurrenceId = definition == null ? null
                    : engine.openOccurrenceId(definition, eventId, t.origin).orElse(null);
            if (!actor.role().may(AlarmPermission.SET_DISPOSITION)) {
                return engine.refuse(occurrenceId, eventId, AuditAction.DISPOSITION_CHANGED, actor, t.origin,
                        t.disposition.name(), disposition.name(), text, Refusal.NOT_PERMITTED,
                        actor.role() + " may not set dispositions");
            }
            String old = t.disposition.name();
            t.disposition = disposition;
            engine.auditAction(occurrenceId, eventId, AuditAction.DISPOSITION_CHANGED, actor, t.origin, old,
                    disposition.name(), text);
            engine.command(AlarmCommand.Type.SET_DISPOSITION, occurrenceId, eventId, t.origin, actor,
                    Map.of("disposition", disposition.name(), "comment", text));
            engine.changedTrack(t.snapshot());
            return ActionResult.accepted();
        });
    }

    /**
     * Adds or replaces a named conjunction limit set. Supervisor and above; audited with the
     * old and the new matrix, and queued for the backend. Open events use it from their next
     * update or tick.
     */
    public ActionResult changeLimitSet(Actor actor, ConjunctionLimitSet newSet) {
        Objects.requireNonNull(newSet, "newSet");
        return engine.run(() -> {
            engine.checkDevice(actor);
            ConjunctionLimitSet old = limitSets.get(newSet.name());
            String oldText = old == null ? "none" : old.toString();
            if (!actor.role().may(AlarmPermission.CHANGE_LIMITS)) {
                return engine.refuse(null, newSet.name(), AuditAction.LIMITS_CHANGED, actor, DataOrigin.LIVE, oldText,
                        newSet.toString(), "", Refusal.NOT_PERMITTED, "only a supervisor may change limits");
            }
            limitSets.put(newSet.name(), newSet);
            engine.auditAction(null, newSet.name(), AuditAction.LIMITS_CHANGED, actor, DataOrigin.LIVE, oldText,
                    newSet.toString(), "");
            engine.changedLimitSet(newSet);
            engine.command(AlarmCommand.Type.CHANGE_CONJUNCTION_LIMITS, null, newSet.name(), DataOrigin.LIVE, actor,
                    Map.of("limitSet", newSet.toString()));
            return ActionResult.accepted();
        });
    }

    void reload(StoredAlarms stored) {
        limitSets.clear();
        configuredSets.forEach(s -> limitSets.put(s.name(), s));
        stored.conjunctionLimitSets().forEach(s -> limitSets.put(s.name(), s));
        byPair.clear();
        byEvent.clear();
        for (ConjunctionTrack t : stored.openTracks()) {
            Track track = Track.of(t);
            byEvent.put(track.eventId, track);
            byPair.computeIfAbsent(PairKey.of(track.primaryId, track.secondaryId, track.origin),
                    k -> new ArrayList<>(1)).add(track);
        }
    }
}
