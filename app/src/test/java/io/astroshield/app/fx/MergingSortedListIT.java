package io.astroshield.app.fx;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table showing a {@link MergingSortedList}: its sort order comes from the column headers, and a batch streamed
 * in while a row is selected leaves that row selected (the operator's place is kept while a screening runs).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class MergingSortedListIT {

    private final ObservableList<Integer> source = FXCollections.observableArrayList();
    private final MergingSortedList<Integer> rows = new MergingSortedList<>(source);
    private TableView<Integer> table;
    private TableColumn<Integer, Integer> value;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        value = new TableColumn<>("value");
        value.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        table.getColumns().add(value);
        rows.showIn(table);
        stage.setScene(new Scene(table, 300, 400));
        stage.show();
    }

    @Test
    void theColumnHeadersSortAndAStreamedBatchKeepsTheSelectedRow() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            source.addAll(IntStream.range(0, 500).map(i -> i * 2).boxed().toList());
            value.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(value));
            table.getSelectionModel().select(Integer.valueOf(500));
        }).get();
        assertThat(rows).as("descending by the column").isSortedAccordingTo(Comparator.reverseOrder());

        // odd numbers land between the selected row's neighbours, above and below it
        WaitForAsyncUtils.asyncFx(() -> source.addAll(IntStream.range(0, 500).map(i -> i * 2 + 1).boxed().toList()))
                .get();

        int index = WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().getSelectedIndex()).get();
        assertThat(WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().getSelectedItem()).get()).isEqualTo(500);
        assertThat(index).as("the selected row's new place").isEqualTo(999 - 500);
        assertThat(rows).hasSize(1000).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void afterTheTableShowedAnotherListAndThisOneAgainAFilterAndABatchKeepTheSelectedRow() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            source.addAll(IntStream.range(0, 100).map(i -> i * 2).boxed().toList());
            table.getSortOrder().setAll(List.of(value));
            // what the conjunction table does when it prepares its cells on sample rows (setting items clears the
            // sort order, so it is put back)
            table.setItems(FXCollections.observableArrayList(-1, -2, -3));
            table.setItems(rows);
            table.getSortOrder().setAll(List.of(value));
            table.getSelectionModel().select(Integer.valueOf(60));
        }).get();

        // a filter that drops rows before the selected one, then a batch: the selection follows its row
        WaitForAsyncUtils.asyncFx(() -> rows.setPredicate(i -> i >= 40)).get();
        WaitForAsyncUtils.asyncFx(() -> source.addAll(41, 43, 45)).get();

        assertThat(WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().getSelectedItem()).get()).isEqualTo(60);
        assertThat(WaitForAsyncUtils.asyncFx(() -> rows.get(table.getSelectionModel().getSelectedIndex())).get())
                .as("the row at the selected index").isEqualTo(60);
        assertThat(rows).as("ascending by the column").isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().getSelectedIndex()).get())
                .as("40..58 even (10) and 41, 43, 45 sort before 60").isEqualTo(13);
    }
}
