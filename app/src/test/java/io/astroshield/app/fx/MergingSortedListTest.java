package io.astroshield.app.fx;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list behind the conjunction table: after any mix of streamed batches, filter and sort changes it shows exactly
 * what a stable sort of the filtered source shows, and a listener replaying its changes (as a TableView does) ends
 * with the same list.
 */
class MergingSortedListTest {

    /** A row: a sort key with many ties, and an arrival number that tells equal keys apart. */
    record Row(int key, int arrival) {
    }

    private static final Comparator<Row> BY_KEY = Comparator.comparingInt(Row::key);

    private final ObservableList<Row> source = FXCollections.observableArrayList();
    private final MergingSortedList<Row> list = new MergingSortedList<>(source);
    private final List<Row> replayed = new ArrayList<>();
    private final List<String> changeKinds = new ArrayList<>();
    private int arrivals;
    private int changes;

    MergingSortedListTest() {
        list.addListener((ListChangeListener<Row>) this::replay);
    }

    @Test
    void streamedBatchesLandWhereAStableSortOfEverythingPutsThem() {
        list.setComparator(BY_KEY);
        Random random = new Random(7);
        for (int batch = 0; batch < 40; batch++) {
            changeKinds.clear();
            changes = 0;
            source.addAll(rows(random, 1 + random.nextInt(300)));

            assertThat(list).containsExactlyElementsOf(expected(BY_KEY, r -> true));
            assertThat(replayed).containsExactlyElementsOf(list);
            assertThat(changes).as("changes fired for one batch").isEqualTo(1);
            assertThat(changeKinds).as("its sub-changes").containsOnly("add").isNotEmpty();
        }
    }

    @Test
    void aBatchOnlyShowsTheRowsTheFilterLets() {
        list.setComparator(BY_KEY.reversed());
        Predicate<Row> evenKeys = r -> r.key() % 2 == 0;
        list.setPredicate(evenKeys);
        Random random = new Random(11);
        for (int batch = 0; batch < 10; batch++) {
            source.addAll(rows(random, 200));
        }

        assertThat(list).containsExactlyElementsOf(expected(BY_KEY.reversed(), evenKeys));
        assertThat(replayed).containsExactlyElementsOf(list);
    }

    @Test
    void aNewComparatorArrivesAsOnePermutation() {
        Random random = new Random(3);
        source.addAll(rows(random, 500));
        list.setComparator(BY_KEY);
        changeKinds.clear();

        changes = 0;
        list.setComparator(BY_KEY.reversed().thenComparing(Row::arrival));

        assertThat(changes).isEqualTo(1);
        assertThat(changeKinds).containsExactly("permutation");
        assertThat(list).containsExactlyElementsOf(expected(BY_KEY.reversed().thenComparing(Row::arrival), r -> true));
        assertThat(replayed).containsExactlyElementsOf(list);
    }

    @Test
    void noComparatorMeansSourceOrderAgain() {
        Random random = new Random(5);
        list.setComparator(BY_KEY);
        source.addAll(rows(random, 300));
        list.setComparator(null);
        source.addAll(rows(random, 50));

        assertThat(list).containsExactlyElementsOf(source);
        assertThat(replayed).containsExactlyElementsOf(list);
    }

    @Test
    void removalsAndReplacementsRebuildTheView() {
        Random random = new Random(9);
        list.setComparator(BY_KEY);
        source.addAll(rows(random, 400));
        source.remove(10, 60);
        source.set(0, new Row(-1, ++arrivals));
        source.addAll(rows(random, 40));

        assertThat(list).containsExactlyElementsOf(expected(BY_KEY, r -> true));
        assertThat(replayed).containsExactlyElementsOf(list);

        source.setAll(rows(random, 30));
        assertThat(list).containsExactlyElementsOf(expected(BY_KEY, r -> true));
        assertThat(replayed).containsExactlyElementsOf(list);
    }

    private List<Row> rows(Random random, int count) {
        List<Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(new Row(random.nextInt(50), ++arrivals));
        }
        return rows;
    }

    /** What the list must show: the filtered source, stably sorted (equal keys stay in arrival order). */
    private List<Row> expected(Comparator<Row> order, Predicate<Row> filter) {
        List<Row> rows = new ArrayList<>(source.stream().filter(filter).toList());
        rows.sort(order);
        return rows;
    }

    private void replay(ListChangeListener.Change<? extends Row> c) {
        changes++;
        while (c.next()) {
            if (c.wasPermutated()) {
                changeKinds.add("permutation");
                List<Row> before = new ArrayList<>(replayed.subList(c.getFrom(), c.getTo()));
                for (int i = c.getFrom(); i < c.getTo(); i++) {
                    replayed.set(c.getPermutation(i), before.get(i - c.getFrom()));
                }
            } else {
                changeKinds.add(c.wasRemoved() ? (c.wasAdded() ? "replace" : "remove") : "add");
                replayed.subList(c.getFrom(), c.getFrom() + c.getRemovedSize()).clear();
                replayed.addAll(c.getFrom(), c.getAddedSubList());
            }
        }
    }
}
