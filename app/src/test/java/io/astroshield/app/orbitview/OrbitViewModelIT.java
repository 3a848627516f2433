package io.astroshield.app.orbitview;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The 3D view's scene computations on the real FX thread (headless: nothing is drawn, only computed). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OrbitViewModelIT {

    @TempDir
    static Path store;
    private static ViewFixture fixture;

    @BeforeAll
    static void start() {
        ViewFixture.startFx();
        fixture = ViewFixture.synthetic(store, 300);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void quarterSecondTicksRecomputeTheSceneOnlyWhenANewSecondStarts() throws Exception {
        // given the scene computed at a whole second
        Stage stage = ViewFixture.onFx(Stage::new);
        Instant t0 = ViewFixture.EPOCH.plusSeconds(600);
        List<Instant> computed = new CopyOnWriteArrayList<>();
        OrbitViewModel vm = ViewFixture.onFx(() -> {
            var ctx = fixture.context(stage);
            ctx.time().replayAt(t0);
            OrbitViewModel m = new OrbitViewModel(ctx);
            m.sceneProperty().addListener((o, a, b) -> computed.add(b.time()));
            return m;
        });
        assertThat(ViewFixture.waitFor(() -> vm.sceneProperty().get() != null
                && vm.sceneProperty().get().time().equals(t0), 60_000)).as("first scene").isTrue();
        computed.clear();

        // when the time moves as live time does, a quarter second a tick, each tick given time to be computed (the
        // throttle's 150 ms and a 300-object propagation fit well inside 600 ms)
        for (int ms = 250; ms <= 1000; ms += 250) {
            Instant t = t0.plusMillis(ms);
            ViewFixture.onFx(() -> {
                fixture.context(stage).time().replayAt(t);
                return null;
            });
            Thread.sleep(600);
        }
        assertThat(ViewFixture.waitFor(() -> !computed.isEmpty(), 30_000)).as("a scene for the new second").isTrue();
        Thread.sleep(600);

        // then the three ticks inside the second computed nothing; the one that starts the next second did
        assertThat(computed).containsExactly(t0.plusSeconds(1));
        ViewFixture.onFx(() -> {
            vm.dispose();
            return null;
        });
    }
}
