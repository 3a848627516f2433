package io.astroshield.domain.alarms;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The alarm engine of one console: the ISA-18.2 state machine of DESIGN.md ("Alarm model")
 * over every open occurrence, operator actions with their permissions, shelving, flood and
 * chatter detection, the audit and the store. Inputs arrive through
 * {@link #telemetry()}, {@link #conjunctions()} and {@link #watchdog()}; time moves through
 * {@link #tick()}, which the application calls about once a second.
 *
 * <p>State machine (non-latching): NORMAL -trigger-> UNACK_ACTIVE -ack-> ACK_ACTIVE
 * -return to normal-> cleared; UNACK_ACTIVE -return to normal-> UNACK_RTN -ack-> cleared;
 * UNACK_RTN -violation-> UNACK_ACTIVE (same occurrence). A latching occurrence keeps its
 * state when the condition goes and clears only by a supervisor's reset after
 * acknowledgement. A severity above the acknowledged one turns ACK_ACTIVE back into
 * UNACK_ACTIVE. Shelving hides without acknowledging; manual unshelve acknowledges,
 * expiry un-acknowledges.
 *
 * <p>Each public operation is one unit of work: everything it changes (occurrences, audit,
 * outbox, tracks, limits) goes to {@link AlarmStore#commit} at once, and annunciations are
 * made only after that commit. If the commit or the operation fails, the engine reloads
 * itself from the store, so memory never runs ahead of what is stored.
 *
 * <p>Not thread-safe: confine it to one thread (the application's alarm executor). Only
 * {@link FeedWatchdog#delivered} and {@link FeedWatchdog#silentFeeds} may be called from
 * other threads.
 */
public final class AlarmEngine {

    private final AlarmConfiguration config;
    private final InstantSource clock;
    private final AlarmStore store;
    private final Annunciator annunciator;
    private final Map<String, AlarmDefinition> definitions = new HashMap<>();
    private final Map<AlarmKey, LiveOccurrence> open = new HashMap<>();
    private final Map<UUID, LiveOccurrence> openById = new HashMap<>();
    /** Violations counted towards minimum violations / on-delay, while the condition is not (yet) active. */
    private final Map<AlarmKey, Pending> pending = new HashMap<>();
    /** Recent activations per key, for chatter detection. */
    private final Map<AlarmKey, ArrayDeque<Instant>> activations = new HashMap<>();
    /** Recent live annunciations, for flood detection. */
    private final ArrayDeque<Instant> annunciations = new ArrayDeque<>();
    private final Work work = new Work();
    private final TelemetryAlarms telemetry;
    private final ConjunctionAlarms conjunctions;
    private final FeedWatchdog watchdog;
    private boolean flood;
    private long lastAuditSequence;
    private long lastOpId;

    private static final class Pending {
        final Instant since;
        int violations;

        Pending(Instant since) {
            this.since = since;
        }
    }

    private AlarmEngine(AlarmConfiguration config, InstantSource clock, AlarmStore store, Annunciator annunciator) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.store = Objects.requireNonNull(store, "store");
        this.annunciator = Objects.requireNonNull(annunciator, "annunciator");
        AlarmDefinition conjunctionDefinition = null;
        for (AlarmDefinition d : config.definitions()) {
            definitions.put(d.id(), d);
            if (d.source() == AlarmSource.CONJUNCTION) {
                conjunctionDefinition = d;
            }
        }
        this.telemetry = new TelemetryAlarms(this, config);
        this.conjunctions = new ConjunctionAlarms(this, config, conjunctionDefinition);
        this.watchdog = new FeedWatchdog(this, clock, config.definitions(), clock.instant());
    }

    /**
     * Builds the engine from what the store holds: open occurrences with their states,
     * conjunction tracks, limit sets changed at run time, and the audit and outbox counters.
     * A restart is exactly this call.
     */
    public static AlarmEngine start(AlarmConfiguration config, InstantSource clock, AlarmStore store,
                                    Annunciator annunciator) {
        AlarmEngine engine = new AlarmEngine(config, clock, store, annunciator);
        engine.reload(store.load());
        return engine;
    }

    /** {@link #start(AlarmConfiguration, InstantSource, AlarmStore, Annunciator)} without annunciation. */
    public static AlarmEngine start(AlarmConfiguration config, InstantSource clock, AlarmStore store) {
        return start(config, clock, store, Annunciator.SILENT);
    }

    public TelemetryAlarms telemetry() {
        return telemetry;
    }

    public ConjunctionAlarms conjunctions() {
        return conjunctions;
    }

    public FeedWatchdog watchdog() {
        return watchdog;
    }

    public String deviceId() {
        return config.deviceId();
    }

    public Optional<AlarmDefinition> definition(String id) {
        return Optional.ofNullable(definitions.get(id));
    }

    // ---- reading

    /** Open (not cleared) occurrences of every origin, oldest trigger first. */
    public List<AlarmOccurrence> openOccurrences() {
        return open.values().stream()
                .sorted(Comparator.comparing((LiveOccurrence o) -> o.triggeredAt).thenComparing(o -> o.id))
                .map(LiveOccurrence::snapshot).toList();
    }

    public Optional<AlarmOccurrence> occurrence(UUID id) {
        return Optional.ofNullable(openById.get(id)).map(LiveOccurrence::snapshot);
    }

    public Optional<AlarmOccurrence> occurrence(AlarmKey key) {
        return Optional.ofNullable(open.get(key)).map(LiveOccurrence::snapshot);
    }

    /** Violations counted so far towards the definition's minimum before the key triggers (0 when none). */
    public int pendingViolations(AlarmKey key) {
        Pending p = pending.get(key);
        return p == null ? 0 : p.violations;
    }

    /** Live occurrences that demand attention now: unacknowledged and not shelved. */
    public List<AlarmOccurrence> annunciating() {
        return openOccurrences().stream().filter(AlarmOccurrence::annunciating).toList();
    }

    /** True while live annunciations exceed the flood rule. */
    public boolean flood() {
        return flood;
    }

    /** The live alarm banner. */
    public AlarmSummary summary() {
        return summary(DataOrigin.LIVE);
    }

    /** The banner for one origin; replayed and offline-analysis alarms are summarised apart from live ones. */
    public AlarmSummary summary(DataOrigin origin) {
        AlarmSummary.Count unack = AlarmSummary.Count.NONE;
        AlarmSummary.Count ack = AlarmSummary.Count.NONE;
        AlarmSummary.Count shelved = AlarmSummary.Count.NONE;
        int stale = 0;
        int chattering = 0;
        int latched = 0;
        for (LiveOccurrence o : open.values()) {
            if (o.key.origin() != origin) {
                continue;
            }
            if (o.shelving != null) {
                shelved = shelved.plus(o.severity);
            } else if (o.state.unacknowledged()) {
                unack = unack.plus(o.severity);
            } else {
                ack = ack.plus(o.severity);
            }
            stale += o.quality == Quality.STALE ? 1 : 0;
            chattering += o.chattering ? 1 : 0;
            latched += o.latching && !o.conditionActive ? 1 : 0;
        }
        return new AlarmSummary(origin, unack, ack, shelved, stale, chattering, latched,
                origin == DataOrigin.LIVE && flood);
    }

    // ---- operator actions

    /**
     * Acknowledges an unacknowledged occurrence: UNACK_ACTIVE becomes ACK_ACTIVE, UNACK_RTN
     * clears. Irreversible; operator and above.
     */
    public ActionResult acknowledge(UUID occurrenceId, Actor actor, String comment) {
        return run(() -> {
            String text = comment == null ? "" : comment.strip();
            LiveOccurrence o = openFor(occurrenceId, actor);
            if (o == null) {
                return noSuchAlarm(occurrenceId, AuditAction.ACKNOWLEDGED, actor, text);
            }
            if (!actor.role().may(AlarmPermission.ACKNOWLEDGE)) {
                return refuse(o, AuditAction.ACKNOWLEDGED, actor, "", text, Refusal.NOT_PERMITTED,
                        actor.role() + " may not acknowledge alarms");
            }
            AlarmDefinition d = definitions.get(o.key.definitionId());
            // a definition dropped from the configuration keeps the stricter rule
            if ((d == null || d.commentRequiredOnAck()) && text.isEmpty()) {
                return refuse(o, AuditAction.ACKNOWLEDGED, actor, "", text, Refusal.COMMENT_REQUIRED,
                        "this alarm needs a comment to be acknowledged");
            }
            if (!o.state.unacknowledged()) {
                return refuse(o, AuditAction.ACKNOWLEDGED, actor, "", text, Refusal.ALREADY_ACKNOWLEDGED,
                        "already acknowledged");
            }
            Instant now = clock.instant();
            String before = o.stateText();
            o.acknowledgement = new Acknowledgement(actor.user(), actor.role(), now, o.severity, text);
            acknowledgeState(o, now);
            audit(o, AuditAction.ACKNOWLEDGED, actor, before, o.stateText(), text);
            command(AlarmCommand.Type.ACKNOWLEDGE, o, actor, Map.of("comment", text), now);
            changed(o);
            return ActionResult.accepted();
        });
    }

    /**
     * Says who works an open occurrence ({@code assignee} blank takes the assignment back). Operator and above;
     * audited with the old and new assignee; leaves the alarm state alone.
     */
    public ActionResult assign(UUID occurrenceId, Actor actor, String assignee) {
        return run(() -> {
            String who = assignee == null ? "" : assignee.strip();
            LiveOccurrence o = openFor(occurrenceId, actor);
            if (o == null) {
                return noSuchAlarm(occurrenceId, AuditAction.ASSIGNED, actor, who);
            }
            if (!actor.role().may(AlarmPermission.ASSIGN)) {
                return refuse(o, AuditAction.ASSIGNED, actor, who, "", Refusal.NOT_PERMITTED,
                        actor.role() + " may not assign alarms");
            }
            String before = o.assignee == null ? "" : o.assignee;
            o.assignee = who.isEmpty() ? null : who;
            o.updatedAt = clock.instant();
            audit(o, AuditAction.ASSIGNED, actor, before, who, "");
            command(AlarmCommand.Type.ASSIGN, o, actor, Map.of("assignee", who), o.updatedAt);
            changed(o);
            return ActionResult.accepted();
        });
    }

    /**
     * Hides an occurrence from annunciation for a duration from the menu, with a reason.
     * Does not acknowledge. Operators up to the definition's maximum shelve time;
     * longer or unlimited shelves need a supervisor. Shelving again replaces the shelve.
     */
    public ActionResult shelve(UUID occurrenceId, Actor actor, ShelveDuration duration, String reason) {
        Objects.requireNonNull(duration, "duration");
        return run(() -> {
            String text = reason == null ? "" : reason.strip();
            LiveOccurrence o = openFor(occurrenceId, actor);
            if (o == null) {
                return noSuchAlarm(occurrenceId, AuditAction.SHELVED, actor, text);
            }
            String requested = duration.name();
            if (!actor.role().may(AlarmPermission.SHELVE)) {
                return refuse(o, AuditAction.SHELVED, actor, requested, text, Refusal.NOT_PERMITTED,
                        actor.role() + " may not shelve alarms");
            }
            if (text.isEmpty()) {
                return refuse(o, AuditAction.SHELVED, actor, requested, text, Refusal.REASON_REQUIRED,
                        "shelving needs a reason");
            }
            AlarmDefinition d = definitions.get(o.key.definitionId());
            Duration maximum = d == null ? AlarmDefinition.DEFAULT_MAXIMUM_SHELVE : d.maximumShelve();
            Optional<Duration> length = duration.duration();
            if (!actor.role().may(AlarmPermission.SHELVE_UNLIMITED)) {
                if (length.isEmpty()) {
                    return refuse(o, AuditAction.SHELVED, actor, requested, text, Refusal.NOT_PERMITTED,
                            "only a supervisor may shelve without time limit");
                }
                if (length.get().compareTo(maximum) > 0) {
                    return refuse(o, AuditAction.SHELVED, actor, requested, text, Refusal.SHELVE_TOO_LONG,
                            "this alarm may be shelved for at most " + maximum);
                }
            }
            Instant now = clock.instant();
            String before = o.stateText();
            o.shelving = new Shelving(actor.user(), actor.role(), text, now, length.map(now::plus).orElse(null));
            audit(o, AuditAction.SHELVED, actor, before, o.stateText() + " until "
                    + (o.shelving.unlimited() ? "unshelved" : o.shelving.until()), text);
            command(AlarmCommand.Type.SHELVE, o, actor, Map.of("duration", requested, "reason", text), now);
            changed(o);
            return ActionResult.accepted();
        });
    }

    /**
     * Ends a shelve by hand. The person unshelving is looking at the alarm, so it comes back
     * acknowledged (DESIGN.md): UNACK_ACTIVE becomes ACK_ACTIVE, UNACK_RTN clears.
     */
    public ActionResult unshelve(UUID occurrenceId, Actor actor) {
        return run(() -> {
            LiveOccurrence o = openFor(occurrenceId, actor);
            if (o == null) {
                return noSuchAlarm(occurrenceId, AuditAction.UNSHELVED, actor, "");
            }
            if (!actor.role().may(AlarmPermission.SHELVE)) {
                return refuse(o, AuditAction.UNSHELVED, actor, "", "", Refusal.NOT_PERMITTED,
                        actor.role() + " may not unshelve alarms");
            }
            if (o.shelving == null) {
                return refuse(o, AuditAction.UNSHELVED, actor, "", "", Refusal.NOT_SHELVED, "not shelved");
            }
            Instant now = clock.instant();
            String before = o.stateText();
            o.shelving = null;
            boolean acknowledges = o.state.unacknowledged();
            if (acknowledges) {
                o.acknowledgement = new Acknowledgement(actor.user(), actor.role(), now, o.severity, "unshelved");
                acknowledgeState(o, now);
            }
            audit(o, AuditAction.UNSHELVED, actor, before, o.stateText(), "");
            // the backend records the acknowledgement an unshelve makes, so the other consoles take it too
            command(AlarmCommand.Type.UNSHELVE, o, actor, Map.of("acknowledges", Boolean.toString(acknowledges)), now);
            changed(o);
            return ActionResult.accepted();
        });
    }

    /**
     * Clears a latched occurrence: supervisor and above, after acknowledgement, once the
     * condition has gone. A refused reset is audited like any other refusal.
     */
    public ActionResult reset(UUID occurrenceId, Actor actor) {
        return run(() -> {
            LiveOccurrence o = openFor(occurrenceId, actor);
            if (o == null) {
                return noSuchAlarm(occurrenceId, AuditAction.RESET, actor, "");
            }
            if (!actor.role().may(AlarmPermission.RESET_LATCHED)) {
                return refuse(o, AuditAction.RESET, actor, "", "", Refusal.NOT_PERMITTED,
                        "only a supervisor may reset a latched alarm");
            }
            if (!o.latching) {
                return refuse(o, AuditAction.RESET, actor, "", "", Refusal.NOT_LATCHING,
                        "not a latching alarm; it clears by itself");
            }
            if (o.conditionActive) {
                return refuse(o, AuditAction.RESET, actor, "", "", Refusal.CONDITION_ACTIVE,
                        "the condition is still active");
            }
            if (o.state.unacknowledged()) {
                return refuse(o, AuditAction.RESET, actor, "", "", Refusal.NOT_ACKNOWLEDGED,
                        "acknowledge before resetting");
            }
            String before = o.stateText();
            Instant now = clock.instant();
            clear(o, now);
            audit(o, AuditAction.RESET, actor, before, o.stateText(), "");
            command(AlarmCommand.Type.RESET, o, actor, Map.of(), now);
            changed(o);
            return ActionResult.accepted();
        });
    }

    // ---- the backend's shared alarm state

    /**
     * Brings open live occurrences of this console to the backend's shared state of the same alarms: what another
     * console acknowledged, shelved, unshelved, assigned or reset becomes so here, audited with that console's user,
     * role, device and times ({@link AuditEvent#actorDevice()}), and is not queued for the backend again. An
     * action of this console the backend refused converges the same way (an acknowledgement that lost against
     * another console's shows that one's; a refused shelve is lifted). Acknowledgement stays irreversible: a record
     * never takes one back, and one covering a lower severity than the occurrence's is not taken. Idempotent: a
     * record already in force changes nothing and audits nothing.
     *
     * <p>The caller leaves out occurrences with an action of this console the backend has not answered yet: a
     * record that does not know that action yet would undo it.
     *
     * @param byOccurrence the shared record of each occurrence concerned (ids no longer open are skipped)
     * @return how many occurrences changed
     */
    public int applyShared(Map<UUID, SharedAlarm> byOccurrence) {
        Objects.requireNonNull(byOccurrence, "byOccurrence");
        if (byOccurrence.isEmpty()) {
            return 0;
        }
        return run(() -> {
            int changed = 0;
            for (Map.Entry<UUID, SharedAlarm> e : byOccurrence.entrySet()) {
                LiveOccurrence o = openById.get(e.getKey());
                if (o != null && o.key.origin() == DataOrigin.LIVE && applyShared(o, e.getValue())) {
                    changed++;
                }
            }
            return changed;
        });
    }

    private boolean applyShared(LiveOccurrence o, SharedAlarm r) {
        Instant now = clock.instant();
        if (r.reset() != null) {
            String before = o.stateText();
            clear(o, now);
            auditRemote(o, AuditAction.RESET, r.reset(), before, o.stateText(), "");
            changed(o);
            return true;
        }
        boolean changed = false;
        // shelving first: an unshelve that acknowledged arrives as the record's acknowledgement below
        if (r.shelvedAt(now)) {
            Shelving theirs = new Shelving(r.shelved().user(), r.shelved().role(), r.shelveReason(),
                    r.shelved().deviceTime(), r.shelvedUntil());
            if (!theirs.equals(o.shelving)) {
                String before = o.stateText();
                o.shelving = theirs;
                auditRemote(o, AuditAction.SHELVED, r.shelved(), before, o.stateText() + " until "
                        + (theirs.unlimited() ? "unshelved" : theirs.until()), theirs.reason());
                changed = true;
            }
        } else if (o.shelving != null && !(r.shelved() != null && o.shelving.expiredAt(now))) {
            // (a shelve that ran out there and here is the tick's to expire, with its return to unacknowledged)
            Shelving mine = o.shelving;
            String before = o.stateText();
            o.shelving = null;
            if (r.unshelved() != null && !r.unshelved().deviceTime().isBefore(mine.since())) {
                auditRemote(o, AuditAction.UNSHELVED, r.unshelved(), before, o.stateText(), "");
            } else {
                // neither shelved nor unshelved there since: the backend refused this console's shelve
                audit(o, AuditAction.UNSHELVED, null, before, o.stateText(), "the backend did not take this shelve");
            }
            changed = true;
        }
        if (r.acknowledged() != null && !o.severity.isAbove(r.ackSeverity())) {
            RemoteStamp by = r.acknowledged();
            Acknowledgement theirs = new Acknowledgement(by.user(), by.role(), by.deviceTime(), r.ackSeverity(),
                    r.ackComment());
            if (o.state.unacknowledged()) {
                String before = o.stateText();
                o.acknowledgement = theirs;
                acknowledgeState(o, now);
                auditRemote(o, AuditAction.ACKNOWLEDGED, by, before, o.stateText(), theirs.comment());
                changed(o);
                if (o.state == AlarmState.NORMAL) {
                    return true;
                }
                changed = true;
            } else if (o.acknowledgement == null || (!theirs.equals(o.acknowledgement)
                    && !o.acknowledgement.severity().isAbove(theirs.severity()))) {
                // this console's acknowledgement of the same level lost against another console's: theirs stands
                String before = o.acknowledgement == null ? o.stateText()
                        : o.stateText() + " by " + o.acknowledgement.user();
                o.acknowledgement = theirs;
                auditRemote(o, AuditAction.ACKNOWLEDGED, by, before, o.stateText() + " by " + by.user(),
                        theirs.comment());
                changed = true;
            }
        }
        if (r.assigned() != null && !Objects.equals(o.assignee, r.assignee())) {
            String before = o.assignee == null ? "" : o.assignee;
            o.assignee = r.assignee();
            auditRemote(o, AuditAction.ASSIGNED, r.assigned(), before, r.assignee() == null ? "" : r.assignee(), "");
            changed = true;
        }
        if (changed) {
            changed(o);
        }
        return changed;
    }

    // ---- time

    /**
     * Lets time act: shelve expiry, telemetry staleness, conjunction TCA + grace and
     * time-to-TCA bands, feed watchdogs (the evaluator's own included) and the end of a flood.
     */
    public void tick() {
        run(() -> {
            Instant now = clock.instant();
            expireShelves(now);
            telemetry.checkStaleness(now);
            conjunctions.tick(now);
            watchdog.tick(now);
            pruneAnnunciations(now);
            if (flood && annunciations.size() < config.floodRule().endBelow()) {
                flood = false;
                auditEngine(AuditAction.FLOOD_ENDED, "flood", "FLOOD", annunciations.size() + " in "
                        + config.floodRule().window());
            }
            return null;
        });
    }

    private void expireShelves(Instant now) {
        for (LiveOccurrence o : open.values()) {
            if (o.shelving != null && o.shelving.expiredAt(now)) {
                String before = o.stateText();
                o.shelving = null;
                // nobody watched it while shelved: it comes back as needing attention (DESIGN.md)
                if (o.state == AlarmState.ACK_ACTIVE) {
                    o.state = AlarmState.UNACK_ACTIVE;
                }
                audit(o, AuditAction.SHELVE_EXPIRED, null, before, o.stateText(), "");
                changed(o);
                annunciate(o, Annunciator.Reason.SHELVE_EXPIRED, now);
            }
        }
    }

    // ---- evaluation, for the input front-ends of this package

    Instant now() {
        return clock.instant();
    }

    AlarmStore store() {
        return store;
    }

    /**
     * One evaluation of a key: {@code severity} null means the condition is normal. Applies
     * minimum violations and on-delay before the condition becomes active, off-delay before
     * it returns to normal.
     */
    void evaluate(AlarmDefinition d, String subject, DataOrigin origin, Severity severity, double value,
                  Quality quality) {
        AlarmKey key = new AlarmKey(d.id(), subject, origin);
        Instant now = clock.instant();
        LiveOccurrence o = open.get(key);
        if (severity == null) {
            normal(d, key, o, value, quality, now, false);
            return;
        }
        if (o == null || !o.conditionActive) {
            Pending p = pending.get(key);
            if (p == null) {
                p = new Pending(now);
                pending.put(key, p);
            }
            p.violations++;
            if (p.violations < d.minimumViolations() || now.isBefore(p.since.plus(d.onDelay()))) {
                if (o != null) {
                    update(o, value, quality, now);
                }
                return;
            }
            pending.remove(key);
            if (o == null) {
                trigger(d, key, severity, value, quality, now);
                return;
            }
            reactivate(o, now);
        }
        o.normalSince = null;
        update(o, value, quality, now);
        changeSeverity(o, severity, value, now);
    }

    /** The condition of a key is over, now, whatever the off-delay (a conjunction past TCA, a cleared event). */
    void returnToNormalNow(AlarmDefinition d, String subject, DataOrigin origin, double value) {
        AlarmKey key = new AlarmKey(d.id(), subject, origin);
        normal(d, key, open.get(key), value, null, clock.instant(), true);
    }

    /** Sets the data quality of an open occurrence of the key, if there is one; severity is untouched. */
    void quality(AlarmDefinition d, String subject, DataOrigin origin, Quality quality) {
        LiveOccurrence o = open.get(new AlarmKey(d.id(), subject, origin));
        if (o != null) {
            setQuality(o, quality);
        }
    }

    Optional<UUID> openOccurrenceId(AlarmDefinition d, String subject, DataOrigin origin) {
        LiveOccurrence o = open.get(new AlarmKey(d.id(), subject, origin));
        return o == null ? Optional.empty() : Optional.of(o.id);
    }

    private void normal(AlarmDefinition d, AlarmKey key, LiveOccurrence o, double value, Quality quality,
                        Instant now, boolean immediate) {
        if (!pending.isEmpty()) {
            pending.remove(key);  // minimum violations count consecutive violations
        }
        if (o == null) {
            return;
        }
        update(o, value, quality, now);
        if (!o.conditionActive) {
            return;
        }
        if (!immediate) {
            if (o.normalSince == null) {
                o.normalSince = now;
            }
            if (now.isBefore(o.normalSince.plus(d.offDelay()))) {
                return;
            }
        }
        o.normalSince = null;
        String before = o.stateText();
        o.conditionActive = false;
        if (!o.latching) {
            if (o.state == AlarmState.ACK_ACTIVE) {
                clear(o, now);
            } else {
                o.state = AlarmState.UNACK_RTN;
            }
        }
        audit(o, AuditAction.RETURNED_TO_NORMAL, null, before, o.stateText(), "");
        changed(o);
    }

    private void trigger(AlarmDefinition d, AlarmKey key, Severity severity, double value, Quality quality,
                         Instant now) {
        LiveOccurrence o = new LiveOccurrence(UUID.randomUUID(), key, d.source(), d.latching(), severity, value,
                quality, now);
        open.put(key, o);
        openById.put(o.id, o);
        audit(o, AuditAction.TRIGGERED, null, AlarmState.NORMAL.name(), o.stateText(), "");
        recordActivation(o, now);
        changed(o);
        annunciate(o, Annunciator.Reason.NEW, now);
    }

    private void reactivate(LiveOccurrence o, Instant now) {
        String before = o.stateText();
        o.conditionActive = true;
        if (o.state == AlarmState.UNACK_RTN) {
            o.state = AlarmState.UNACK_ACTIVE;
        }
        audit(o, AuditAction.REACTIVATED, null, before, o.stateText(), "");
        recordActivation(o, now);
        changed(o);
        if (o.state.unacknowledged()) {
            annunciate(o, Annunciator.Reason.REACTIVATED, now);
        }
    }

    private void changeSeverity(LiveOccurrence o, Severity severity, double value, Instant now) {
        if (severity == o.severity) {
            return;
        }
        String before = o.stateText();
        o.severity = severity;
        if (severity.isAbove(o.mostSevere)) {
            o.mostSevere = severity;
            o.mostSevereValue = value;
        }
        // an acknowledgement covers the level acknowledged, not a worse one (DESIGN.md)
        if (o.state == AlarmState.ACK_ACTIVE
                && (o.acknowledgement == null || severity.isAbove(o.acknowledgement.severity()))) {
            o.state = AlarmState.UNACK_ACTIVE;
            audit(o, AuditAction.ESCALATED, null, before, o.stateText(), "");
            changed(o);
            annunciate(o, Annunciator.Reason.ESCALATED, now);
            return;
        }
        audit(o, AuditAction.SEVERITY_CHANGED, null, before, o.stateText(), "");
        changed(o);
    }

    private void update(LiveOccurrence o, double value, Quality quality, Instant now) {
        o.currentValue = value;
        o.updatedAt = now;
        if (quality != null) {
            setQuality(o, quality);
        }
    }

    private void setQuality(LiveOccurrence o, Quality quality) {
        if (o.quality != quality) {
            String before = o.quality.name();
            o.quality = quality;
            audit(o, AuditAction.QUALITY_CHANGED, null, before, quality.name(), "");
            changed(o);
        }
    }

    private void acknowledgeState(LiveOccurrence o, Instant now) {
        if (o.state == AlarmState.UNACK_RTN) {
            clear(o, now);
        } else {
            o.state = AlarmState.ACK_ACTIVE;
        }
    }

    private void clear(LiveOccurrence o, Instant now) {
        o.state = AlarmState.NORMAL;
        o.clearedAt = now;
        o.shelving = null;
        open.remove(o.key);
        openById.remove(o.id);
    }

    private void recordActivation(LiveOccurrence o, Instant now) {
        ChatterRule rule = config.chatterRule();
        ArrayDeque<Instant> recent = activations.computeIfAbsent(o.key, k -> new ArrayDeque<>());
        Instant horizon = now.minus(rule.window());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(horizon)) {
            recent.removeFirst();
        }
        recent.addLast(now);
        if (recent.size() >= rule.activations() && !o.chattering) {
            o.chattering = true;
            audit(o, AuditAction.CHATTER_DETECTED, null, "", recent.size() + " activations in " + rule.window(), "");
        }
    }

    private void annunciate(LiveOccurrence o, Annunciator.Reason reason, Instant now) {
        if (o.key.origin() != DataOrigin.LIVE || o.shelving != null) {
            return;
        }
        work.annunciations.add(new Announcement(o, reason));
        annunciations.addLast(now);
        pruneAnnunciations(now);
        if (!flood && annunciations.size() >= config.floodRule().beginAt()) {
            flood = true;
            auditEngine(AuditAction.FLOOD_BEGAN, "flood", "", "FLOOD " + annunciations.size() + " in "
                    + config.floodRule().window());
        }
    }

    private void pruneAnnunciations(Instant now) {
        Instant horizon = now.minus(config.floodRule().window());
        while (!annunciations.isEmpty() && !annunciations.peekFirst().isAfter(horizon)) {
            annunciations.removeFirst();
        }
    }

    // ---- units of work, audit and outbox

    private record Announcement(LiveOccurrence occurrence, Annunciator.Reason reason) {
    }

    /** What the running operation changed; reused between operations so a quiet sample allocates nothing here. */
    private static final class Work {
        boolean active;
        final Map<UUID, LiveOccurrence> occurrences = new LinkedHashMap<>();
        final List<AuditEvent> audit = new ArrayList<>();
        final List<AlarmCommand> outbox = new ArrayList<>();
        final Map<String, ConjunctionTrack> tracks = new LinkedHashMap<>();
        final List<ConjunctionTrendPoint> trend = new ArrayList<>();
        final Map<String, TelemetryLimitSet> telemetryLimitSets = new LinkedHashMap<>();
        final Map<String, ConjunctionLimitSet> conjunctionLimitSets = new LinkedHashMap<>();
        String activeTelemetryLimitSet;
        final List<Announcement> annunciations = new ArrayList<>();

        boolean isEmpty() {
            return occurrences.isEmpty() && audit.isEmpty() && outbox.isEmpty() && tracks.isEmpty()
                    && trend.isEmpty() && telemetryLimitSets.isEmpty() && conjunctionLimitSets.isEmpty()
                    && activeTelemetryLimitSet == null;
        }

        AlarmChangeSet changeSet() {
            return new AlarmChangeSet(occurrences.values().stream().map(LiveOccurrence::snapshot).toList(),
                    audit, outbox, List.copyOf(tracks.values()), trend, List.copyOf(telemetryLimitSets.values()),
                    List.copyOf(conjunctionLimitSets.values()), activeTelemetryLimitSet);
        }

        void reset() {
            active = false;
            occurrences.clear();
            audit.clear();
            outbox.clear();
            tracks.clear();
            trend.clear();
            telemetryLimitSets.clear();
            conjunctionLimitSets.clear();
            activeTelemetryLimitSet = null;
            annunciations.clear();
        }
    }

    /** Runs one operation as a unit of work; nested calls join the running one. */
    <T> T run(Supplier<T> operation) {
        if (work.active) {
            return operation.get();
        }
        work.active = true;
        List<Announcement> toAnnounce;
        T result;
        try {
            result = operation.get();
            if (!work.isEmpty()) {
                store.commit(work.changeSet());
            }
            toAnnounce = work.annunciations.isEmpty() ? List.of() : List.copyOf(work.annunciations);
        } catch (RuntimeException e) {
            work.reset();
            reload(store.load());
            throw e;
        }
        work.reset();
        for (Announcement a : toAnnounce) {
            AlarmOccurrence snapshot = a.occurrence().snapshot();
            if (snapshot.annunciating()) {
                annunciator.annunciate(snapshot, a.reason());
            }
        }
        return result;
    }

    private void reload(StoredAlarms stored) {
        open.clear();
        openById.clear();
        pending.clear();
        activations.clear();
        annunciations.clear();
        flood = false;
        for (AlarmOccurrence o : stored.openOccurrences()) {
            LiveOccurrence l = LiveOccurrence.of(o);
            open.put(l.key, l);
            openById.put(l.id, l);
        }
        lastAuditSequence = stored.lastAuditSequence();
        lastOpId = stored.lastOpId();
        telemetry.reload(stored);
        conjunctions.reload(stored);
    }

    void changed(LiveOccurrence o) {
        work.occurrences.put(o.id, o);
    }

    void changedTrack(ConjunctionTrack track) {
        work.tracks.put(track.eventId(), track);
    }

    void addTrendPoint(ConjunctionTrendPoint point) {
        work.trend.add(point);
    }

    void changedLimitSet(TelemetryLimitSet set) {
        work.telemetryLimitSets.put(set.name(), set);
    }

    void changedLimitSet(ConjunctionLimitSet set) {
        work.conjunctionLimitSets.put(set.name(), set);
    }

    void activatedTelemetryLimitSet(String name) {
        work.activeTelemetryLimitSet = name;
    }

    private void audit(LiveOccurrence o, AuditAction action, Actor actor, String oldValue, String newValue,
                       String comment) {
        appendAudit(o.id, o.key.toString(), action, actor, o.key.origin(), oldValue, newValue, comment, null);
    }

    /** A transition another console made, as the backend recorded it: its person, role, device and times. */
    private void auditRemote(LiveOccurrence o, AuditAction action, RemoteStamp by, String oldValue, String newValue,
                             String comment) {
        work.audit.add(new AuditEvent(++lastAuditSequence, config.deviceId(), by.deviceTime(), by.serverTime(), o.id,
                o.key.toString(), action, by.user(), by.role(), o.key.origin(), oldValue, newValue, comment, null,
                false, by.device()));
    }

    private void auditEngine(AuditAction action, String subject, String oldValue, String newValue) {
        appendAudit(null, subject, action, null, DataOrigin.LIVE, oldValue, newValue, "", null);
    }

    /** An accepted action that concerns no single occurrence (limits, disposition). */
    void auditAction(UUID occurrenceId, String subject, AuditAction action, Actor actor, DataOrigin origin,
                     String oldValue, String newValue, String comment) {
        appendAudit(occurrenceId, subject, action, actor, origin, oldValue, newValue, comment, null);
    }

    private void appendAudit(UUID occurrenceId, String subject, AuditAction action, Actor actor, DataOrigin origin,
                             String oldValue, String newValue, String comment, Refusal refusal) {
        work.audit.add(new AuditEvent(++lastAuditSequence, config.deviceId(), clock.instant(), null,
                occurrenceId, subject, action, actor == null ? AuditEvent.ENGINE : actor.user(),
                actor == null ? null : actor.role(), origin, oldValue, newValue, comment, refusal,
                actor != null && actor.offline()));
    }

    private ActionResult refuse(LiveOccurrence o, AuditAction action, Actor actor, String requested, String comment,
                                Refusal refusal, String message) {
        return refuse(o.id, o.key.toString(), action, actor, o.key.origin(), o.stateText(), requested, comment,
                refusal, message);
    }

    /** Audits a refused action (the audited new value is what was requested) and says why. */
    ActionResult refuse(UUID occurrenceId, String subject, AuditAction action, Actor actor, DataOrigin origin,
                        String oldValue, String requested, String comment, Refusal refusal, String message) {
        appendAudit(occurrenceId, subject, action, actor, origin, oldValue, requested, comment, refusal);
        return ActionResult.refused(refusal, message);
    }

    private ActionResult noSuchAlarm(UUID occurrenceId, AuditAction action, Actor actor, String comment) {
        return refuse(occurrenceId, String.valueOf(occurrenceId), action, actor, DataOrigin.LIVE, "", "", comment,
                Refusal.NO_SUCH_ALARM, "no open alarm " + occurrenceId);
    }

    /**
     * Queues an action on an occurrence, at {@code now} (the time the action itself recorded, so that the backend's
     * copy of an acknowledgement or shelve is equal to this console's), with what the backend needs to make the
     * consoles' occurrences of one alarm meet in one shared record ({@link SharedAlarm}): the definition, the key's
     * subject, the source, the trigger time and the severity acted on, and for a conjunction alarm its pair and
     * latest TCA.
     */
    private void command(AlarmCommand.Type type, LiveOccurrence o, Actor actor, Map<String, String> arguments,
                         Instant now) {
        Map<String, String> all = new HashMap<>(arguments);
        all.put("definition", o.key.definitionId());
        all.put("key", o.key.subject());
        all.put("source", o.source.name());
        all.put("triggeredAt", o.triggeredAt.toString());
        all.put("severity", o.severity.name());
        if (o.source == AlarmSource.CONJUNCTION) {
            conjunctions.track(o.key.subject()).ifPresent(t -> {
                all.put("primary", Integer.toString(t.primaryId()));
                all.put("secondary", Integer.toString(t.secondaryId()));
                all.put("tca", t.latestTca().toString());
            });
        }
        command(type, o.id, o.key.toString(), o.key.origin(), actor, all, now);
    }

    /**
     * Queues a command for the backend. Only actions on live data travel: replayed and
     * offline-analysis alarms are this console's own business.
     */
    void command(AlarmCommand.Type type, UUID occurrenceId, String subject, DataOrigin origin, Actor actor,
                 Map<String, String> arguments) {
        command(type, occurrenceId, subject, origin, actor, arguments, clock.instant());
    }

    private void command(AlarmCommand.Type type, UUID occurrenceId, String subject, DataOrigin origin, Actor actor,
                         Map<String, String> arguments, Instant now) {
        if (origin != DataOrigin.LIVE) {
            return;
        }
        work.outbox.add(new AlarmCommand(config.deviceId(), ++lastOpId, type, occurrenceId, subject, actor.user(),
                actor.role(), now, arguments));
    }

    /** Actions come from this console: the audit sequence and op ids are per device. */
    void checkDevice(Actor actor) {
        Objects.requireNonNull(actor, "actor");
        if (!actor.device().equals(config.deviceId())) {
            throw new IllegalArgumentException("actor on device " + actor.device() + " acting on the engine of "
                    + config.deviceId());
        }
    }

    private LiveOccurrence openFor(UUID occurrenceId, Actor actor) {
        Objects.requireNonNull(occurrenceId, "occurrenceId");
        checkDevice(actor);
        return openById.get(occurrenceId);
    }
}
