package io.astroshield.app.workstation;

import io.astroshield.app.fx.BackgroundPriority;
import io.astroshield.app.fx.Progress;
import io.astroshield.app.telemetry.DemoSpacecraft;
import io.astroshield.domain.alarms.AlarmConfiguration;
import io.astroshield.domain.alarms.AlarmDefinition;
import io.astroshield.domain.alarms.AlarmEngine;
import io.astroshield.domain.alarms.Annunciator;
import io.astroshield.domain.alarms.AuditEvent;
import io.astroshield.domain.alarms.ConjunctionAlarms;
import io.astroshield.domain.alarms.ConjunctionTrack;
import io.astroshield.domain.alarms.ConjunctionUpdate;
import io.astroshield.domain.alarms.DataOrigin;
import io.astroshield.domain.alarms.ParameterLimits;
import io.astroshield.domain.alarms.Role;
import io.astroshield.domain.alarms.Severity;
import io.astroshield.domain.alarms.TelemetryLimitSet;
import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.cdm.CdmWriter;
import io.astroshield.domain.cdm.ScreeningCdms;
import io.astroshield.domain.propagation.Propagation;
import io.astroshield.domain.propagation.PropagationResult;
import io.astroshield.domain.risk.PcCalculator;
import io.astroshield.domain.risk.TleOnlyPc;
import io.astroshield.domain.screening.EncounterType;
import io.astroshield.domain.screening.MissVectorRtn;
import io.astroshield.domain.screening.CatalogScreening;
import io.astroshield.domain.screening.ConjunctionEvent;
import io.astroshield.domain.screening.ScreeningProgress;
import io.astroshield.domain.screening.ScreeningRequest;
import io.astroshield.domain.time.ReferenceData;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.StoreOptions;
import io.astroshield.persistence.alarms.H2AlarmStore;
import io.astroshield.persistence.cdm.StoredCdm;
import io.astroshield.persistence.screening.ConjunctionObservation;
import io.astroshield.persistence.screening.StoredEvent;
import io.astroshield.persistence.screening.StoredUpdate;
import io.astroshield.persistence.workspace.NoteRow;
import io.astroshield.persistence.workspace.NoteSubject;
import io.astroshield.persistence.workspace.SettingScope;
import io.astroshield.persistence.workspace.StoredNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The workstation's services behind every view: the local store, the reference data, the alarm engine, the catalog
 * in memory, who is at the console. No JavaFX here: views reach it through their view-models, on background
 * threads ({@link io.astroshield.app.fx.BackgroundTasks}); it tells listeners what changed, from the thread that
 * changed it, and the view-models throttle that onto the FX thread.
 */
public final class Workstation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Workstation.class);

    /** What changed, for listeners. */
    /** What changed; {@code OUTBOX}: a local change was queued for the backend (an alarm action), to send soon. */
    public enum Change { CATALOG, EVENTS, ALARMS, TELEMETRY, IDENTITY, SYNC, OUTBOX }

    /** Default hard-body radius of TLE-only screening (the CLI's default too). */
    public static final double DEFAULT_HBR_M = 10.0;

    /** Shared with the sync client (LocalOps.DEVICE_ID_SETTING): one device id for alarms, audit and the outbox. */
    static final String DEVICE_KEY = "sync.device_id";
    static final String IDENTITY_USER_KEY = "identity.user";
    static final String IDENTITY_ROLE_KEY = "identity.role";
    static final String IDENTITY_VERIFIED_KEY = "identity.verified_at";

    private final Path dataDirectory;
    private final ReferenceData data;
    private final Store store;
    private final InstantSource clock;
    private final String deviceId;
    /** Replaced (on the alarm thread) when the configuration changes: a restart from the store is exact. */
    private AlarmEngine alarms;
    private final Annunciator annunciator;
    private final H2AlarmStore alarmStore;
    /** The alarm engine is confined to this thread (it is not thread-safe); {@link #alarms(Function)} goes through it. */
    private volatile Thread alarmThreadRef;
    private final ScheduledExecutorService alarmThread = BackgroundPriority.startedScheduler(r -> {
        Thread t = new Thread(r, "astroshield-alarms");
        t.setDaemon(true);
        alarmThreadRef = t;
        return t;
    });
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private volatile Identity identity;
    private volatile CatalogSnapshot catalog;
    private final ConsoleLock consoleLock;

    private Workstation(Path dataDirectory, ReferenceData data, Store store, InstantSource clock,
                        Annunciator annunciator) {
        this.dataDirectory = dataDirectory;
        this.data = data;
        this.store = store;
        this.clock = clock;
        this.deviceId = store.write(tx -> tx.settings().get(SettingScope.LOCAL, DEVICE_KEY)
                .map(s -> s.value())
                .orElseGet(() -> {
                    String id = "ws-" + UUID.randomUUID();
                    tx.settings().put(SettingScope.LOCAL, DEVICE_KEY, id, clock.instant());
                    return id;
                }));
        this.identity = loadIdentity();
        this.consoleLock = new ConsoleLock(store, clock);
        this.alarmStore = new H2AlarmStore(store, deviceId);
        this.annunciator = (occurrence, reason) -> {
            annunciator.annunciate(occurrence, reason);
            fire(Change.ALARMS);
        };
        this.alarms = onAlarmThread(this::startAlarmEngine);
        // shelving expiry, return to normal after TCA + grace, silent feeds: the engine's own clock work
        alarmThread.scheduleWithFixedDelay(() -> {
            try {
                alarms.tick();
                fire(Change.ALARMS);
            } catch (RuntimeException e) {
                LOG.warn("alarm tick failed", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
        this.catalog = CatalogSnapshot.load(store, clock.instant());
    }

    /** Opens the store of {@code dataDirectory} (created on first use) and everything built on it. */
    public static Workstation open(Path dataDirectory, StoreOptions options, ReferenceData data, InstantSource clock,
                                   Annunciator annunciator) {
        Store store = Store.open(dataDirectory, options);
        try {
            return new Workstation(dataDirectory, data, store, clock, annunciator);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private AlarmEngine startAlarmEngine() {
        boolean demo = store.read(tx -> tx.telemetry().spacecraft().stream()
                .anyMatch(s -> s.spacecraftId().equals(DemoSpacecraft.SPACECRAFT_ID)));
        return AlarmEngine.start(alarmConfiguration(deviceId, demo), clock, alarmStore, annunciator);
    }

    /**
     * Restarts the alarm engine from the store with the configuration the store now calls for (e.g. after the demo
     * spacecraft was installed, its telemetry limits and feed watchdog). Open alarms, tracks and audit carry over.
     */
    public void reloadAlarmConfiguration() {
        onAlarmThread(() -> {
            alarms = startAlarmEngine();
            return null;
        });
        fire(Change.ALARMS);
    }

    /**
     * Alarm definitions of the console: conjunctions on CARA's matrix; with the demo spacecraft, its telemetry
     * limits and a watchdog on its feed (a store without it has no feed to watch).
     */
    static AlarmConfiguration alarmConfiguration(String deviceId, boolean demoSpacecraft) {
        AlarmConfiguration.Builder b = AlarmConfiguration.builder(deviceId)
                .define(AlarmDefinition.conjunction("conjunction"));
        if (!demoSpacecraft) {
            return b.build();
        }
        b.define(AlarmDefinition.watchdog("feed." + DemoSpacecraft.FEED, DemoSpacecraft.FEED,
                Duration.ofSeconds(10), Severity.WARNING));
        Map<String, ParameterLimits> limits = new LinkedHashMap<>();
        for (DemoSpacecraft.Parameter p : DemoSpacecraft.PARAMETERS) {
            b.define(AlarmDefinition.telemetry("tm." + p.name(), p.name(), p.deadband(), Duration.ofSeconds(10)));
            limits.put(p.name(), p.limits());
        }
        return b.telemetryLimitSet(new TelemetryLimitSet("NOMINAL", limits)).activeTelemetryLimitSet("NOMINAL").build();
    }

    private Identity loadIdentity() {
        return store.read(tx -> {
            String user = tx.settings().get(SettingScope.LOCAL, IDENTITY_USER_KEY).map(s -> s.value())
                    .orElse(System.getProperty("user.name", "operator"));
            Role role = tx.settings().get(SettingScope.LOCAL, IDENTITY_ROLE_KEY).map(s -> Role.valueOf(s.value()))
                    .orElse(Role.OPERATOR);
            Instant verified = tx.settings().get(SettingScope.LOCAL, IDENTITY_VERIFIED_KEY)
                    .map(s -> Instant.parse(s.value())).orElse(null);
            return new Identity(user, role, deviceId, verified, false);
        });
    }

    /** Records an identity the backend confirmed; offline, the console keeps it as the last verified one. */
    public void verified(String user, Role role) {
        Instant now = clock.instant();
        store.write(tx -> {
            tx.settings().put(SettingScope.LOCAL, IDENTITY_USER_KEY, user, now);
            tx.settings().put(SettingScope.LOCAL, IDENTITY_ROLE_KEY, role.name(), now);
            tx.settings().put(SettingScope.LOCAL, IDENTITY_VERIFIED_KEY, now.toString(), now);
            return null;
        });
        identity = new Identity(user, role, deviceId, now, true);
        fire(Change.IDENTITY);
    }

    /** The connection was lost: same person, now marked offline. */
    public void wentOffline() {
        Identity i = identity;
        identity = new Identity(i.user(), i.role(), i.device(), i.verifiedAt(), false);
        fire(Change.IDENTITY);
    }

    // ------------------------------------------------------------------ listeners

    public void addListener(Consumer<Change> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Change> listener) {
        listeners.remove(listener);
    }

    public void fire(Change change) {
        for (Consumer<Change> l : listeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("listener failed on {}", change, e);
            }
        }
    }

    // ------------------------------------------------------------------ catalog and events

    public Importer.Report importFiles(List<Path> files) {
        Importer.Report report = new Importer(data, store).importFiles(files, clock.instant());
        reloadCatalog();
        fire(Change.EVENTS);
        List<ConjunctionUpdate> updates = report.alarmUpdates();
        if (!updates.isEmpty()) {
            alarms(engine -> engine.conjunctions().acceptAll(updates));
            fire(Change.ALARMS);
        }
        return report;
    }

    public void reloadCatalog() {
        catalog = CatalogSnapshot.load(store, clock.instant());
        fire(Change.CATALOG);
    }

    public CatalogSnapshot catalog() {
        return catalog;
    }

    /** Latest state of every event with TCA in [from, to), in TCA order. */
    public List<StoredEvent> events(Instant from, Instant to) {
        return store.read(tx -> tx.conjunctionEvents().inWindow(from, to));
    }

    /** Every update of an event in the order recorded: its Pc and miss trend. */
    public List<StoredUpdate> trend(long eventId) {
        return store.read(tx -> tx.conjunctionEvents().trend(eventId));
    }

    /**
     * The alarm engine's track of a stored event: same pair, latest TCA within the engine's matching window (the
     * two sides match events the same way, DESIGN.md alarm model). Empty when the engine never saw the event.
     */
    public Optional<ConjunctionTrack> track(StoredEvent event) {
        return alarms(engine -> engine.conjunctions().openTracks().stream()
                .filter(t -> t.primaryId() == event.primaryNorad() && t.secondaryId() == event.secondaryNorad())
                .filter(t -> Duration.between(t.latestTca(), event.tca()).abs()
                        .compareTo(ConjunctionAlarms.TCA_MATCH_WINDOW) <= 0)
                .findFirst());
    }

    /** The audit history of one alarm occurrence, oldest first (read from the store: any thread). */
    public List<AuditEvent> audit(UUID occurrenceId) {
        return alarmStore.audit(occurrenceId);
    }

    /** Notes on an event, oldest first. */
    public List<StoredNote> notes(StoredEvent event) {
        return store.read(tx -> tx.notes().forSubject(NoteSubject.EVENT, eventKey(event)));
    }

    /** Adds a note to an event as the person at the console. */
    public void addNote(StoredEvent event, String body) {
        Instant now = clock.instant();
        store.write(tx -> tx.notes().add(new NoteRow(NoteSubject.EVENT, eventKey(event), identity.user(), now, now,
                body)));
        fire(Change.EVENTS);
    }

    /** Notes key on the pair and TCA to the minute, so that they survive the event's re-numbering on a new store. */
    static String eventKey(StoredEvent e) {
        return e.primaryNorad() + "/" + e.secondaryNorad() + "@" + e.tca().truncatedTo(ChronoUnit.MINUTES);
    }

    /**
     * The event as a CCSDS CDM (KVN): the stored message when its latest update came from a CDM, else one written
     * from the two objects' element sets propagated to the stored TCA, with the TLE-only Pc (default covariance).
     */
    public String cdmText(StoredEvent event) {
        List<StoredUpdate> updates = trend(event.id());
        StoredUpdate latest = updates.isEmpty() ? null : updates.get(updates.size() - 1);
        if (latest != null && latest.cdmId() != null && latest.runId() == null) {
            Optional<StoredCdm> stored = store.read(tx -> tx.cdms().find(latest.cdmId()));
            if (stored.isPresent() && stored.get().cdm().rawText() != null) {
                return stored.get().cdm().rawText();
            }
        }
        CatalogSnapshot snapshot = catalog;
        ElementSet a = snapshot.find(event.primaryNorad()).orElseThrow(() -> new IllegalStateException(
                "object " + event.primaryNorad() + " is not in the catalog: no CDM can be written"));
        ElementSet b = snapshot.find(event.secondaryNorad()).orElseThrow(() -> new IllegalStateException(
                "object " + event.secondaryNorad() + " is not in the catalog: no CDM can be written"));
        Propagation propagation = new Propagation(data);
        PropagationResult pa = propagation.propagate(a, event.tca());
        PropagationResult pb = propagation.propagate(b, event.tca());
        if (pa.state() == null || pb.state() == null) {
            throw new IllegalStateException("cannot propagate the pair to TCA: "
                    + (pa.error() != null ? pa.error() : pb.error()));
        }
        ConjunctionObservation o = event.latest();
        ConjunctionEvent e = new ConjunctionEvent(event.primaryNorad(), event.secondaryNorad(), event.tca(),
                event.missDistanceM(), event.relativeSpeedMps(),
                new MissVectorRtn(o.radialM(), o.inTrackM(), o.crossTrackM()),
                o.encounter() == io.astroshield.persistence.screening.EncounterKind.LONG ? EncounterType.LONG
                        : EncounterType.SHORT,
                pa.elementSetAgeDays(), pb.elementSetAgeDays(), pa.state(), pb.state());
        TleOnlyPc pc = ScreeningArchive.tleOnlyPc(new PcCalculator(), e, DEFAULT_HBR_M, p -> { });
        return new CdmWriter().write(ScreeningCdms.of(e, pc, DEFAULT_HBR_M, "ASTROSHIELD", clock.instant()));
    }

    // ------------------------------------------------------------------ screening

    /** What the operator asked for in the screening dialog. */
    public record ScreeningSpec(Set<Integer> primaryIds, Instant start, Duration duration, double thresholdM,
                                int threads) {
        public ScreeningSpec {
            primaryIds = Set.copyOf(primaryIds);
        }
    }

    /** A finished run. */
    public record ScreeningReport(long runId, int events, int objects, double wallS, List<String> notes) {
    }

    /**
     * Screens the stored catalog. Each sub-window's events reach {@code streamed} (scored, fed to the alarm engine)
     * while the run goes on; at the end the run and its events are stored and the event list refreshed.
     */
    public ScreeningReport screen(ScreeningSpec spec, Progress progress,
                                  Consumer<List<ScreeningArchive.ScoredEvent>> streamed) {
        CatalogSnapshot snapshot = catalog;
        List<ElementSet> sets = snapshot.elementSets();
        if (sets.isEmpty()) {
            throw new IllegalStateException("the store holds no catalog: import one or open the demo first");
        }
        Instant startedAt = clock.instant();
        long t0 = System.nanoTime();
        ScreeningRequest request = new ScreeningRequest(spec.start(), spec.duration().toMillis() / 1000.0,
                spec.primaryIds(), io.astroshield.domain.screening.ScreeningSettings.defaults(spec.thresholdM(),
                spec.threads()));
        List<String> problems = new CopyOnWriteArrayList<>();
        Set<String> fed = java.util.concurrent.ConcurrentHashMap.newKeySet();
        // each streamed event is scored once: the outcome hands back the same instances (Pc is most of the CPU a
        // run costs after the screening itself)
        Map<ConjunctionEvent, ScreeningArchive.ScoredEvent> scoredSoFar = Collections.synchronizedMap(
                new IdentityHashMap<>());
        String runTag = "ui-" + startedAt.toEpochMilli();
        DataOrigin origin = DataOrigin.LIVE;
        CatalogScreening.Result result = new CatalogScreening(data).screen(request, sets, List.of(),
                new ScreeningProgress() {
                    @Override
                    public void update(double fractionDone, int eventsSoFar) {
                        progress.update(fractionDone * 0.95, String.format(java.util.Locale.ROOT,
                                "%.0f %% of the window, %d events", fractionDone * 100, eventsSoFar));
                    }

                    @Override
                    public void eventsFound(List<ConjunctionEvent> shortEvents) {
                        List<ScreeningArchive.ScoredEvent> scored = ScreeningArchive.scoreOnCallingThread(shortEvents,
                                DEFAULT_HBR_M, problems::add, progress.cancellation());
                        scored.forEach(s -> scoredSoFar.put(s.event(), s));
                        feedAlarms(scored, origin, runTag, fed);
                        streamed.accept(scored);
                    }
                }, progress.cancellation());
        progress.update(0.96, "collecting " + result.outcome().events().size() + " events");
        PcCalculator calculator = new PcCalculator();
        List<ScreeningArchive.ScoredEvent> scored = result.outcome().events().stream()
                .map(e -> scoredSoFar.computeIfAbsent(e, unstreamed -> {
                    progress.cancellation().check();
                    return new ScreeningArchive.ScoredEvent(unstreamed,
                            ScreeningArchive.tleOnlyPc(calculator, unstreamed, DEFAULT_HBR_M, problems::add));
                }))
                .toList();
        feedAlarms(scored, origin, runTag, fed);
        double wallS = (System.nanoTime() - t0) / 1e9;
        progress.update(0.99, "storing " + scored.size() + " events");
        long runId = ScreeningArchive.save(store, request, spec.primaryIds(), result.outcome(), scored, wallS,
                io.astroshield.persistence.DataOrigin.LIVE, startedAt);
        fire(Change.EVENTS);
        List<String> notes = new ArrayList<>(result.notes());
        notes.addAll(result.outcome().droppedObjects());
        notes.addAll(problems);
        return new ScreeningReport(runId, scored.size(), result.outcome().statistics().objects(), wallS, notes);
    }

    private void feedAlarms(List<ScreeningArchive.ScoredEvent> scored, DataOrigin origin, String runTag,
                            Set<String> fed) {
        List<ConjunctionUpdate> updates = new ArrayList<>();
        for (ScreeningArchive.ScoredEvent s : scored) {
            ConjunctionEvent e = s.event();
            // a streamed event comes again in the outcome: the alarm engine sees it once
            if (fed.add(e.primaryId() + "/" + e.secondaryId() + "@" + e.tca())) {
                Double pc = s.pc() == null ? null : s.pc().underDefaultCovariance().pc();
                updates.add(ConjunctionUpdate.fromScreening(e, pc, origin, runTag));
            }
        }
        if (!updates.isEmpty()) {
            alarms(engine -> engine.conjunctions().acceptAll(updates));
            fire(Change.ALARMS);
        }
    }

    // ------------------------------------------------------------------ accessors

    /** Runs {@code operation} on the alarm engine's thread and waits for it (call from background threads). */
    public <T> T alarms(Function<AlarmEngine, T> operation) {
        return onAlarmThread(() -> operation.apply(alarms));
    }

    /** Runs {@code operation} on the alarm engine's thread without waiting; {@code then} gets the result there. */
    public <T> void alarmsLater(Function<AlarmEngine, T> operation, Consumer<T> then) {
        alarmThread.execute(() -> {
            try {
                then.accept(operation.apply(alarms));
            } catch (RuntimeException e) {
                LOG.warn("alarm operation failed", e);
            }
        });
    }

    private <T> T onAlarmThread(Callable<T> work) {
        if (Thread.currentThread() == alarmThreadRef) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return alarmThread.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the alarm engine", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    public Store store() {
        return store;
    }

    public ReferenceData referenceData() {
        return data;
    }

    public InstantSource clock() {
        return clock;
    }

    public Identity identity() {
        return identity;
    }

    public String deviceId() {
        return deviceId;
    }

    public ConsoleLock consoleLock() {
        return consoleLock;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        alarmThread.shutdownNow();
        store.close();
    }
}
