package io.astroshield.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.domain.alarms.Acknowledgement;
import io.astroshield.domain.alarms.ActionResult;
import io.astroshield.domain.alarms.Actor;
import io.astroshield.domain.alarms.AlarmConfiguration;
import io.astroshield.domain.alarms.AlarmDefinition;
import io.astroshield.domain.alarms.AlarmEngine;
import io.astroshield.domain.alarms.AlarmOccurrence;
import io.astroshield.domain.alarms.AlarmState;
import io.astroshield.domain.alarms.ConjunctionUpdate;
import io.astroshield.domain.alarms.DataOrigin;
import io.astroshield.domain.alarms.Role;
import io.astroshield.domain.alarms.SharedAlarm;
import io.astroshield.domain.alarms.ShelveDuration;
import io.astroshield.domain.alarms.Shelving;
import io.astroshield.domain.alarms.UpdateSource;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.alarms.H2AlarmStore;
import io.astroshield.persistence.sync.OutboxStatus;
import io.astroshield.persistence.sync.StoredOp;
import io.astroshield.sync.protocol.AlarmRecord;
import io.astroshield.sync.protocol.Conjunction;
import io.astroshield.sync.protocol.ConjunctionDisposition;
import io.astroshield.sync.protocol.ConjunctionNote;
import io.astroshield.sync.protocol.Json;
import io.astroshield.sync.protocol.Snapshot;
import io.astroshield.sync.protocol.SpacecraftCreate;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three consoles and the server change data at random while the consoles drop off the network and come back and
 * answers get lost; after quiet every console's copy equals the server's and every op had exactly its one effect.
 * The consoles' alarm engines follow the same conjunction events and act on them at random (acknowledge, shelve,
 * unshelve, assign, and escalations that call for a new acknowledgement); after quiet every console's occurrences
 * show what the server's shared alarm records say.
 */
class ConvergenceIT {
    private static final Logger LOG = LoggerFactory.getLogger(ConvergenceIT.class);
    private static final long SEED = 20_261_122L;
    private static final int CLIENTS = 3;
    private static final int ROUNDS = 150;
    private static final int EVENTS = 3;
    private final ObjectMapper json = Json.newMapper();

    @Test
    void consolesThatComeAndGoConvergeOnTheServersStateWithOneEffectPerOp() throws Exception {
        Random random = new Random(SEED);
        try (SyncFixture fx = new SyncFixture()) {
            // given
            List<Long> conjunctions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                conjunctions.add(fx.createConjunction(fx.createSpacecraft("CONV-" + i, 40_000 + i), 0.5 + i));
            }
            List<FaultProxy> proxies = new ArrayList<>();
            List<Store> stores = new ArrayList<>();
            List<SyncClient> clients = new ArrayList<>();
            List<ScheduledExecutorService> schedulers = new ArrayList<>();
            List<Console> consoles = new ArrayList<>();
            Instant tca = Instant.now().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.SECONDS);
            for (int i = 0; i < CLIENTS; i++) {
                FaultProxy proxy = fx.proxy();
                Store store = fx.store("console-" + i);
                SyncClient client = fx.client(store, proxy.url(), SyncFixture.OPERATOR,
                        SyncFixture.fastOptions(SEED + i).withMaxAttempts(1000).withBatches(5, 7)
                                .withPollInterval(Duration.ofMillis(300)));
                Console console = Console.start(store, client);
                consoles.add(console);
                for (int e = 0; e < EVENTS; e++) {
                    console.feed(event(e, tca, 3e-5));
                }
                ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
                client.start(scheduler);
                proxies.add(proxy);
                stores.add(store);
                clients.add(client);
                schedulers.add(scheduler);
            }
            int serverNorad = 41_000;
            int notes = 0;
            Map<String, Integer> actions = new HashMap<>();
            try {
                // when: random changes, disconnects, lost answers and failing servers
                for (int round = 0; round < ROUNDS; round++) {
                    int c = random.nextInt(CLIENTS);
                    Store store = stores.get(c);
                    SyncClient client = clients.get(c);
                    FaultProxy proxy = proxies.get(c);
                    int dice = random.nextInt(100);
                    String action;
                    if (random.nextInt(100) < 30) {
                        action = alarmAction(random, consoles, c, tca);
                    } else if (dice < 30) {
                        long conj = pick(random, knownConjunctions(store, conjunctions));
                        String text = "conv note " + (notes++) + " from console " + c;
                        store.write(tx -> client.localOps().addNote(tx, conj, text));
                        action = "note";
                    } else if (dice < 45) {
                        long conj = pick(random, knownConjunctions(store, conjunctions));
                        long seen = Mirrors.of(store).conjunctionDispositions().stream()
                                .filter(d -> d.conjunctionId() == conj).mapToLong(ConjunctionDisposition::version)
                                .findFirst().orElse(0);
                        String value = ConjunctionDisposition.VALUES.get(random.nextInt(ConjunctionDisposition.VALUES.size()));
                        store.write(tx -> client.localOps().setDisposition(tx, conj, value, seen));
                        action = "disposition";
                    } else if (dice < 52) {
                        // a small NORAD range, so that consoles collide and the server refuses the second
                        int norad = 42_000 + random.nextInt(6);
                        store.write(tx -> client.localOps().createSpacecraft(tx,
                                new SpacecraftCreate("CONSOLE-" + norad, norad, "active", "LEO", null, null, null)));
                        action = "spacecraft";
                    } else if (dice < 62) {
                        long sc = fx.createSpacecraft("SERVER-" + serverNorad, serverNorad++);
                        if (random.nextBoolean()) {
                            conjunctions.add(fx.createConjunction(sc, random.nextDouble() * 5));
                        }
                        action = "server change";
                    } else if (dice < 72) {
                        proxy.offline(true);
                        action = "offline";
                    } else if (dice < 82) {
                        proxy.offline(false);
                        action = "online";
                    } else if (dice < 91) {
                        proxy.inject("POST", "/sync/v1/upload", FaultProxy.Fault.DROP_RESPONSE, 1);
                        action = "lost answer";
                    } else {
                        proxy.inject("GET", "/sync/v1/changes", FaultProxy.Fault.SERVICE_UNAVAILABLE, 1);
                        action = "503";
                    }
                    actions.merge(action, 1, Integer::sum);
                    client.requestSync();
                    Thread.sleep(10 + random.nextInt(40));
                }
                proxies.forEach(p -> p.offline(false));
                // then, after quiet
                SyncFaultsIT.waitFor(Duration.ofSeconds(120), () -> {
                    long head = fx.head();
                    return clients.stream().allMatch(cl -> cl.status().pending() == 0 && cl.status().cursor() == head);
                });
            } finally {
                clients.forEach(SyncClient::stop);
                schedulers.forEach(ScheduledExecutorService::shutdownNow);
            }
            List<AlarmRecord> records = fx.snapshot().alarms();
            try {
                assertAlarmsFollowTheServer(consoles, records);
            } finally {
                consoles.forEach(Console::close);
            }
            Snapshot server = fx.snapshot();
            Map<OutboxStatus, Integer> outcomes = new EnumMap<>(OutboxStatus.class);
            Map<OutboxStatus, Integer> alarmOutcomes = new EnumMap<>(OutboxStatus.class);
            for (Store store : stores) {
                assertThat(Mirrors.of(store)).isEqualTo(server);
                for (StoredOp op : store.read(tx -> tx.outbox().all())) {
                    outcomes.merge(op.status(), 1, Integer::sum);
                    if (op.op().opType().startsWith("ALARM_")) {
                        alarmOutcomes.merge(op.status(), 1, Integer::sum);
                    }
                    assertThat(op.status()).as(op.op().opType() + " " + op.op().opId()).isIn(OutboxStatus.APPLIED,
                            OutboxStatus.DUPLICATE, OutboxStatus.REJECTED, OutboxStatus.PARKED);
                    if (op.status() == OutboxStatus.REJECTED || op.status() == OutboxStatus.PARKED) {
                        assertThat(op.lastError()).as("reason of " + op.op().opId()).isNotBlank();
                    }
                }
            }
            assertOneEffectPerOp(stores, server);
            LOG.info("convergence (seed {}): actions {}; op outcomes {} (alarm ops {}); server now {} spacecraft, {} conjunctions, "
                            + "{} notes, {} dispositions, {} shared alarms", SEED, actions, outcomes, alarmOutcomes,
                    server.spacecraft().size(), server.conjunctions().size(), server.conjunctionNotes().size(),
                    server.conjunctionDispositions().size(), server.alarms().size());
            assertThat(outcomes.get(OutboxStatus.APPLIED)).isPositive();
            assertThat(alarmOutcomes.get(OutboxStatus.APPLIED)).isPositive();
        }
    }

    /** Notes: an answered op's text is on the server exactly once, a refused one's not at all. Dispositions:
     * the version equals the number of ops the server took for that conjunction. */
    private void assertOneEffectPerOp(List<Store> stores, Snapshot server) {
        Map<String, Long> noteCount = server.conjunctionNotes().stream()
                .collect(Collectors.groupingBy(ConjunctionNote::text, Collectors.counting()));
        Map<Long, Long> dispositionsTaken = new HashMap<>();
        StringBuilder dispositionOps = new StringBuilder();
        for (Store store : stores) {
            for (StoredOp op : store.read(tx -> tx.outbox().all())) {
                JsonNode payload = read(op.op().payload());
                boolean took = op.status() == OutboxStatus.APPLIED || op.status() == OutboxStatus.DUPLICATE;
                if (op.op().opType().equals("conjunction.note")) {
                    assertThat(noteCount.getOrDefault(payload.get("text").asText(), 0L)).as(op.op().opId())
                            .isEqualTo(took ? 1L : 0L);
                } else if (op.op().opType().equals("conjunction.disposition")) {
                    dispositionOps.append('\n').append(op.op().deviceId()).append(' ').append(op.op().opId())
                            .append(' ').append(op.op().payload()).append(" -> ").append(op.status()).append(' ')
                            .append(op.lastError());
                    if (took) {
                        dispositionsTaken.merge(payload.get("conjunction_id").asLong(), 1L, Long::sum);
                    }
                }
            }
        }
        Map<Long, Long> versions = server.conjunctionDispositions().stream()
                .collect(Collectors.toMap(ConjunctionDisposition::conjunctionId, ConjunctionDisposition::version));
        assertThat(versions).as("disposition versions vs ops taken:" + dispositionOps).isEqualTo(dispositionsTaken);
    }

    /** One random alarm action on console {@code c}, or an escalation every console sees; returns its name. */
    private static String alarmAction(Random random, List<Console> consoles, int c, Instant tca) {
        int kind = random.nextInt(100);
        if (kind < 10) {
            // a new CDM raises one event's Pc to 3e-4 (SEVERE within a day): an acknowledgement of a lower level no
            // longer covers it, on every console alike
            int e = random.nextInt(EVENTS);
            consoles.forEach(console -> console.feed(event(e, tca, 3e-4)));
            return "alarm escalation";
        }
        Console console = consoles.get(c);
        List<AlarmOccurrence> open = console.on(e -> e.openOccurrences());
        if (open.isEmpty()) {
            return "alarm none open";
        }
        UUID id = open.get(random.nextInt(open.size())).id();
        Actor actor = new Actor(SyncFixture.OPERATOR, Role.OPERATOR, console.device());
        String name;
        ActionResult result;
        if (kind < 45) {
            name = "alarm ack";
            result = console.on(e -> e.acknowledge(id, actor, "ack from " + console.device()));
        } else if (kind < 65) {
            name = "alarm shelve";
            ShelveDuration duration = ShelveDuration.values()[random.nextInt(ShelveDuration.values().length - 1)];
            result = console.on(e -> e.shelve(id, actor, duration, "shelved from " + console.device()));
        } else if (kind < 80) {
            name = "alarm unshelve";
            result = console.on(e -> e.unshelve(id, actor));
        } else {
            name = "alarm assign";
            String assignee = List.of("olga", "otto", "").get(random.nextInt(3));
            result = console.on(e -> e.assign(id, actor, assignee));
        }
        return result.isAccepted() ? name : name + " refused locally";
    }

    /**
     * Every open occurrence of every console that has a shared record shows that record: its acknowledgement when
     * it covers the occurrence's severity (else none), its shelve, its assignee.
     */
    private static void assertAlarmsFollowTheServer(List<Console> consoles, List<AlarmRecord> records) {
        assertThat(records).as("one shared record per event at most").hasSizeLessThanOrEqualTo(EVENTS);
        Instant now = Instant.now();
        int compared = 0;
        for (Console console : consoles) {
            Map<UUID, SharedAlarm> matched = console.on(e -> SharedAlarms.match(e, records, Set.of()));
            for (AlarmOccurrence o : console.on(AlarmEngine::openOccurrences)) {
                SharedAlarm r = matched.get(o.id());
                if (r == null) {
                    continue;
                }
                compared++;
                String what = console.device() + " " + o.key() + " vs record " + r.id();
                if (r.acknowledged() != null && !o.severity().isAbove(r.ackSeverity())) {
                    assertThat(o.state()).as(what).isEqualTo(AlarmState.ACK_ACTIVE);
                    assertThat(o.acknowledgement()).as(what).isEqualTo(new Acknowledgement(r.acknowledged().user(),
                            r.acknowledged().role(), r.acknowledged().deviceTime(), r.ackSeverity(), r.ackComment()));
                } else {
                    assertThat(o.state().unacknowledged()).as(what).isTrue();
                }
                if (r.shelvedAt(now)) {
                    assertThat(o.shelving()).as(what).isEqualTo(new Shelving(r.shelved().user(), r.shelved().role(),
                            r.shelveReason(), r.shelved().deviceTime(), r.shelvedUntil()));
                } else {
                    assertThat(o.shelving()).as(what).isNull();
                }
                if (r.assigned() != null) {
                    assertThat(o.assignee()).as(what).isEqualTo(r.assignee());
                }
            }
        }
        LOG.info("convergence: {} occurrences compared with {} shared alarm records", compared, records.size());
        assertThat(compared).isPositive();
    }

    private static ConjunctionUpdate event(int e, Instant tca, double pc) {
        return new ConjunctionUpdate(60_001 + 2 * e, 60_002 + 2 * e, tca.plus(Duration.ofHours(e)), 150.0, pc,
                UpdateSource.CDM, DataOrigin.LIVE, "conv-cdm-" + e + "-" + pc);
    }

    /** A console's alarm engine, confined to a thread of its own; after each sync it takes the shared records. */
    private record Console(Store store, AlarmEngine engine, ExecutorService thread, String device)
            implements AutoCloseable {
        static Console start(Store store, SyncClient client) {
            ExecutorService thread = Executors.newSingleThreadExecutor();
            String device = client.localOps().deviceId();
            AlarmEngine engine = call(thread, () -> AlarmEngine.start(AlarmConfiguration.builder(device)
                    .define(AlarmDefinition.conjunction("conjunction")).build(), Clock.systemUTC(),
                    new H2AlarmStore(store, device)));
            Console console = new Console(store, engine, thread, device);
            SharedAlarms shared = new SharedAlarms(store);
            client.addSyncListener(r -> console.on(shared::apply));
            return console;
        }

        <T> T on(Function<AlarmEngine, T> work) {
            return call(thread, () -> work.apply(engine));
        }

        void feed(ConjunctionUpdate update) {
            on(e -> e.conjunctions().accept(update));
        }

        private static <T> T call(ExecutorService thread, Callable<T> work) {
            try {
                return thread.submit(work).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }

        @Override
        public void close() {
            thread.shutdownNow();
        }
    }

    private static List<Long> knownConjunctions(Store store, List<Long> fallback) {
        List<Long> mine = Mirrors.of(store).conjunctions().stream().map(Conjunction::id).toList();
        return mine.isEmpty() ? fallback : mine;
    }

    private static long pick(Random random, List<Long> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
