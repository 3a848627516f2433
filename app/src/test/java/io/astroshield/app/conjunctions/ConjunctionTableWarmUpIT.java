package io.astroshield.app.conjunctions;

import io.astroshield.app.fx.Theme;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up really runs the table's cell code: the throwaway table it lays out holds a window's height of row cells
 * with the app's formatting (an unknown Pc as a dash, a provisional row marked), under the app's fixed row height.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class ConjunctionTableWarmUpIT {

    @Start
    void start(Stage stage) {
        // the toolkit is all this test needs
    }

    @Test
    void theWarmUpLaysOutAScreenfulOfFormattedRowsOffScreen() throws Exception {
        TableView<EventRow> table = WaitForAsyncUtils.asyncFx(() -> ConjunctionTableView.warmUp(List.of(Theme.APP_CSS)))
                .get(30, TimeUnit.SECONDS);

        List<String> texts = WaitForAsyncUtils.asyncFx(() -> table.lookupAll(".table-cell").stream()
                .map(n -> ((TableCell<?, ?>) n).getText()).filter(t -> t != null).toList()).get(10, TimeUnit.SECONDS);
        Set<Node> rows = WaitForAsyncUtils.asyncFx(() -> table.lookupAll(".table-row-cell")).get(10, TimeUnit.SECONDS);

        // 48 sample rows in a scene 48 rows of 30 px high: more than a tall console window shows (30 rows at 1000 px)
        assertThat(rows).as("row cells created").hasSizeGreaterThanOrEqualTo(30);
        assertThat(table.getItems()).hasSize(48);
        assertThat(table.getFixedCellSize()).as("the theme's fixed row height applied, px").isPositive();
        assertThat(texts).as("cell texts").contains("—", "screening…").anyMatch(t -> t.startsWith("SAMPLE "));
    }
}
