package io.astroshield.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.sync.OutboxStatus;
import io.astroshield.persistence.sync.StoredOp;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three consoles and the server change data at random while the consoles drop off the network and come back and
 * answers get lost; after quiet every console's copy equals the server's and every op had exactly its one effect.
 */
class ConvergenceIT {
    private static final Logger LOG = LoggerFactory.getLogger(ConvergenceIT.class);
    private static final long SEED = 20_261_122L;
    private static final int CLIENTS = 3;
    private static final int ROUNDS = 150;
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
            for (int i = 0; i < CLIENTS; i++) {
                FaultProxy proxy = fx.proxy();
                Store store = fx.store("console-" + i);
                SyncClient client = fx.client(store, proxy.url(), SyncFixture.OPERATOR,
                        SyncFixture.fastOptions(SEED + i).withMaxAttempts(1000).withBatches(5, 7)
                                .withPollInterval(Duration.ofMillis(300)));
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
                    if (dice < 30) {
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
            Snapshot server = fx.snapshot();
            Map<OutboxStatus, Integer> outcomes = new EnumMap<>(OutboxStatus.class);
            for (Store store : stores) {
                assertThat(Mirrors.of(store)).isEqualTo(server);
                for (StoredOp op : store.read(tx -> tx.outbox().all())) {
                    outcomes.merge(op.status(), 1, Integer::sum);
                    assertThat(op.status()).as(op.op().opType() + " " + op.op().opId()).isIn(OutboxStatus.APPLIED,
                            OutboxStatus.DUPLICATE, OutboxStatus.REJECTED, OutboxStatus.PARKED);
                    if (op.status() == OutboxStatus.REJECTED || op.status() == OutboxStatus.PARKED) {
                        assertThat(op.lastError()).as("reason of " + op.op().opId()).isNotBlank();
                    }
                }
            }
            assertOneEffectPerOp(stores, server);
            LOG.info("convergence (seed {}): actions {}; op outcomes {}; server now {} spacecraft, {} conjunctions, "
                            + "{} notes, {} dispositions", SEED, actions, outcomes, server.spacecraft().size(),
                    server.conjunctions().size(), server.conjunctionNotes().size(),
                    server.conjunctionDispositions().size());
            assertThat(outcomes.get(OutboxStatus.APPLIED)).isPositive();
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
