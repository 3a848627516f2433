package io.astroshield.sync.client;

import io.astroshield.persistence.Store;
import io.astroshield.sync.protocol.OpenApiDocument;
import io.astroshield.sync.server.ApiRoutes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /sync/v1/stream}: a change on the server reaches a connected client without polling. */
class LiveStreamIT {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStreamIT.class);
    private static SyncFixture fx;

    @BeforeAll
    static void start() {
        fx = new SyncFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @Test
    void aChangeOnTheServerReachesAConnectedClientThroughTheStream() {
        // given: a client whose fallback poll is an hour away, so only the stream can bring changes in time
        Store store = fx.store("live");
        SyncClient client = fx.client(store, "http://127.0.0.1:" + fx.port(), SyncFixture.OPERATOR,
                SyncFixture.fastOptions(31).withPollInterval(Duration.ofHours(1)));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        List<Long> latenciesMs = new ArrayList<>();
        try {
            client.start(scheduler);
            SyncFaultsIT.waitFor(Duration.ofSeconds(30), () -> client.status().live());
            for (int i = 0; i < 5; i++) {
                // when
                long t0 = System.nanoTime();
                long id = fx.createSpacecraft("LIVE-" + i, 50_000 + i);
                // then: it arrives; the issue asks for 1 s, asserted here only with a generous bound against hangs
                SyncFaultsIT.waitFor(Duration.ofSeconds(5),
                        () -> store.read(tx -> tx.syncMirror().find("spacecraft", id)).isPresent());
                latenciesMs.add((System.nanoTime() - t0) / 1_000_000);
            }
        } finally {
            client.stop();
            scheduler.shutdownNow();
        }
        LOG.info("live stream: server change to local copy in {} ms (server polls the log every {} ms)",
                latenciesMs, 100);
        assertThat(latenciesMs).hasSize(5);
        assertThat(Mirrors.of(store)).isEqualTo(fx.snapshot());
    }

    @Test
    void theStreamNeedsABearerToken() throws Exception {
        // when
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + fx.port() + "/sync/v1/stream")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        // then
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void everyRouteTheServerServesIsInTheOpenApiDocument() {
        // given
        String yaml = OpenApiDocument.yaml();
        // then: each route's path has a block in paths with its method (the contract tests validate against it)
        assertThat(fx.server().routes().table()).isNotEmpty().allSatisfy(route -> {
            String head = "\n  " + route.path() + ":\n";
            int at = yaml.indexOf(head);
            assertThat(at).as(route.path() + " in the OpenAPI document").isPositive();
            int end = yaml.indexOf("\n  /", at + head.length());
            String block = yaml.substring(at, end < 0 ? yaml.length() : end);
            assertThat(block).as(route.method() + " " + route.path())
                    .contains("\n    " + route.method().toLowerCase(Locale.ROOT) + ":");
        });
        assertThat(fx.server().routes().table()).extracting(ApiRoutes.Route::path).contains("/sync/v1/stream");
    }
}
