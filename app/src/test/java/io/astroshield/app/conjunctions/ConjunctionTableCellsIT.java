package io.astroshield.app.conjunctions;

import io.astroshield.app.fx.Theme;
import io.astroshield.app.orbitview.ViewFixture;
import io.astroshield.app.workstation.ScreeningArchive;
import io.astroshield.domain.frames.CartesianState;
import io.astroshield.domain.screening.ConjunctionEvent;
import io.astroshield.domain.screening.EncounterType;
import io.astroshield.domain.screening.MissVectorRtn;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.astroshield.app.orbitview.ViewFixture.onFx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conjunction table creates its row cells before the first rows arrive, without ever showing its sample rows, and
 * a screening's first rows then fill those same cells instead of building new ones.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ConjunctionTableCellsIT {

    @TempDir
    static Path dir;
    static ViewFixture fixture;

    @BeforeAll
    static void open() {
        ViewFixture.startFx();
        fixture = ViewFixture.synthetic(dir, 40);
    }

    @AfterAll
    static void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void preparedCellsAreNeverShownWithSampleRowsAndTheFirstRealRowsReuseThem() throws Exception {
        Stage[] stage = new Stage[1];
        ConjunctionTableViewModel[] vm = new ConjunctionTableViewModel[1];
        ConjunctionTableView view = onFx(() -> {
            stage[0] = new Stage();
            vm[0] = new ConjunctionTableViewModel(fixture.context(stage[0]));
            ConjunctionTableView v = new ConjunctionTableView(vm[0]);
            Scene scene = new Scene(v, 800, 600);
            Theme.DARK.apply(scene);
            stage[0].setScene(scene);
            stage[0].show();
            return v;
        });
        ViewFixture.waitFor(() -> view.table().getHeight() > 0, 10_000);
        Object items = onFx(() -> view.table().getItems());
        List<Object> sortOrder = onFx(() -> List.copyOf(view.table().getSortOrder()));

        Set<Node> prepared = onFx(() -> {
            view.prepareCells();
            return rowCells(view);
        });
        // the rows that fit under the header at the table's fixed row height
        int fit = onFx(() -> (int) ((view.table().getHeight()
                - view.table().lookup(".column-header-background").getLayoutBounds().getHeight())
                / view.table().getFixedCellSize()));
        List<String> textsAfterPrepare = onFx(() -> texts(view));

        // every row the window shows has its cell ready
        assertThat(fit).as("rows that fit").isGreaterThan(5);
        assertThat(prepared).as("row cells prepared").hasSizeGreaterThanOrEqualTo(fit);
        assertThat(onFx(() -> view.table().getItems())).as("the table's list, put back").isSameAs(items).isEmpty();
        assertThat(textsAfterPrepare).as("texts showing after preparing").noneMatch(t -> t.contains("SAMPLE"));
        assertThat(onFx(() -> List.<Object>copyOf(view.table().getSortOrder()))).as("sort order (TCA first), kept")
                .isEqualTo(sortOrder).isNotEmpty();

        // when a screening streams its first rows
        List<ScreeningArchive.ScoredEvent> first = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            first.add(new ScreeningArchive.ScoredEvent(new ConjunctionEvent(90_001, 91_000 + i,
                    ViewFixture.EPOCH.plusSeconds(600L * (i + 1)), 100.0 * (i + 1), 10_000,
                    new MissVectorRtn(10, 50, 20), EncounterType.SHORT, 0.5, 0.7,
                    new CartesianState(7e6, 0, 0, 0, 7.5e3, 0), new CartesianState(7e6, 100, 0, 0, 0, 7.5e3)), null));
        }
        vm[0].streamed(first);
        ViewFixture.waitFor(() -> view.table().getItems().size() == 30, 10_000);
        Set<Node> afterFirstRows = onFx(() -> {
            view.table().layout();
            return rowCells(view);
        });

        assertThat(afterFirstRows).as("row cells showing the first rows are the prepared ones").isSubsetOf(prepared);
        assertThat(onFx(() -> texts(view))).as("the first rows show").anyMatch(t -> t.contains("91000"));
        onFx(() -> {
            stage[0].close();
            return null;
        });
    }

    private static Set<Node> rowCells(ConjunctionTableView view) {
        Set<Node> cells = Collections.newSetFromMap(new IdentityHashMap<>());
        cells.addAll(view.table().lookupAll(".table-row-cell"));
        return cells;
    }

    /** Texts of the cells that would be drawn: the cell and every parent up to the table visible. */
    private static List<String> texts(ConjunctionTableView view) {
        return view.table().lookupAll(".table-cell").stream().filter(n -> drawn(n, view.table()))
                .map(n -> ((TableCell<?, ?>) n).getText()).filter(t -> t != null).toList();
    }

    private static boolean drawn(Node node, Node upTo) {
        for (Node n = node; n != null && n != upTo; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
