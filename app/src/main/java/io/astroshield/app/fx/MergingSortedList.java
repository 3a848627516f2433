package io.astroshield.app.fx;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A filtered, sorted view of a list that grows in batches while it is shown (a screening streaming its events into
 * the conjunction table).
 * <p>
 * JavaFX's {@code SortedList} inserts each added element with a pass over its whole index map, k·n work for a batch
 * of k into n rows, which held the FX thread for tens of milliseconds per streamed batch of a full-catalog screening.
 * Here an appended batch is filtered and sorted on its own and merged in one pass (n + k·log n), and reaches the
 * table as one change whose sub-changes are the insertions, so the selection stays on its row. A new comparator
 * arrives as a permutation (selection kept); a new predicate or any other source change rebuilds the view.
 * <p>
 * Not thread-safe: source changes, {@link #setComparator} and {@link #setPredicate} on the FX thread. A
 * {@code TableView} shows it through {@link #showIn}.
 */
public final class MergingSortedList<E> extends ObservableListBase<E> {

    private final ObservableList<? extends E> source;
    private List<E> view = new ArrayList<>();
    private Predicate<? super E> predicate = e -> true;
    /** Null: source order. */
    private Comparator<? super E> comparator;
    /** How many source elements the view has taken in; an append beyond it is merged, anything else rebuilds. */
    private int taken;

    public MergingSortedList(ObservableList<? extends E> source) {
        this.source = source;
        source.addListener((ListChangeListener<E>) this::sourceChanged);
        rebuild();
    }

    /**
     * Shows this list in {@code table}: the column headers sort it, and the selected row stays selected while
     * batches arrive. (TableView's selection model moves a selection by the total of a change's insertions from the
     * last one's position only, so after a merged batch it would highlight another row.)
     */
    public void showIn(javafx.scene.control.TableView<E> table) {
        table.setItems(this);
        table.setSortPolicy(t -> {
            setComparator(t.getComparator());
            return true;
        });
        ListChangeListener<E> keepSelection = c -> {
            var selection = table.getSelectionModel();
            E selected = selection.getSelectedItem();
            int index = selection.getSelectedIndex();
            if (selected != null && (index < 0 || index >= size() || get(index) != selected)) {
                selection.select(selected);
            }
        };
        // added after setItems: runs after the table's own selection update, which it needs up to date
        addListener(keepSelection);
        // the table's selection model listens again when its items are set again (cells prepared on sample rows,
        // then this list put back): go behind it once more
        table.itemsProperty().addListener((o, was, now) -> {
            if (now == this) {
                removeListener(keepSelection);
                addListener(keepSelection);
            }
        });
    }

    @Override
    public E get(int index) {
        return view.get(index);
    }

    @Override
    public int size() {
        return view.size();
    }

    public Comparator<? super E> getComparator() {
        return comparator;
    }

    public void setPredicate(Predicate<? super E> predicate) {
        this.predicate = predicate == null ? e -> true : predicate;
        rebuild();
    }

    /** Re-sorts the shown elements and tells listeners as a permutation; null shows them in source order. */
    public void setComparator(Comparator<? super E> comparator) {
        this.comparator = comparator;
        if (view.isEmpty()) {
            return;
        }
        Comparator<? super E> order = comparator != null ? comparator : sourceOrder();
        int n = view.size();
        Integer[] byNewPosition = new Integer[n];
        for (int i = 0; i < n; i++) {
            byNewPosition[i] = i;
        }
        // stable: equal rows keep their relative order, so re-applying a comparator changes nothing
        Arrays.sort(byNewPosition, (a, b) -> order.compare(view.get(a), view.get(b)));
        int[] permutation = new int[n];
        List<E> sorted = new ArrayList<>(n);
        boolean moved = false;
        for (int newIndex = 0; newIndex < n; newIndex++) {
            int oldIndex = byNewPosition[newIndex];
            permutation[oldIndex] = newIndex;
            sorted.add(view.get(oldIndex));
            moved |= oldIndex != newIndex;
        }
        if (!moved) {
            return;
        }
        beginChange();
        view = sorted;
        nextPermutation(0, n, permutation);
        endChange();
    }

    private Comparator<E> sourceOrder() {
        // only used to restore source order after a sort was removed: one index lookup per element, not per compare
        java.util.IdentityHashMap<E, Integer> index = new java.util.IdentityHashMap<>();
        for (int i = 0; i < source.size(); i++) {
            index.putIfAbsent(source.get(i), i);
        }
        return Comparator.comparingInt(e -> index.getOrDefault(e, Integer.MAX_VALUE));
    }

    private void sourceChanged(ListChangeListener.Change<? extends E> c) {
        boolean appendOnly = true;
        while (c.next()) {
            appendOnly &= c.wasAdded() && !c.wasRemoved() && !c.wasPermutated() && !c.wasUpdated()
                    && c.getFrom() >= taken;
        }
        if (appendOnly && source.size() >= taken) {
            merge(new ArrayList<>(source.subList(taken, source.size())));
        } else {
            rebuild();
        }
    }

    private void merge(List<E> added) {
        taken = source.size();
        List<E> batch = new ArrayList<>(added.size());
        for (E e : added) {
            if (predicate.test(e)) {
                batch.add(e);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        if (comparator == null) {
            int from = view.size();
            beginChange();
            view.addAll(batch);
            nextAdd(from, view.size());
            endChange();
            return;
        }
        batch.sort(comparator);
        List<E> merged = new ArrayList<>(view.size() + batch.size());
        int[] insertedAt = new int[batch.size()];
        int next = 0;
        for (int b = 0; b < batch.size(); b++) {
            E e = batch.get(b);
            // after equal elements, as a stable sort of source order would put it
            int pos = upperBound(next, e);
            merged.addAll(view.subList(next, pos));
            next = pos;
            insertedAt[b] = merged.size();
            merged.add(e);
        }
        merged.addAll(view.subList(next, view.size()));
        beginChange();
        view = merged;
        for (int at : insertedAt) {
            nextAdd(at, at + 1);
        }
        endChange();
    }

    /** The first index in [from, size) whose element sorts after {@code e}. */
    private int upperBound(int from, E e) {
        int lo = from;
        int hi = view.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (comparator.compare(view.get(mid), e) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void rebuild() {
        List<E> next = new ArrayList<>();
        for (E e : source) {
            if (predicate.test(e)) {
                next.add(e);
            }
        }
        if (comparator != null) {
            next.sort(comparator);
        }
        taken = source.size();
        List<E> removed = view;
        beginChange();
        view = next;
        if (!removed.isEmpty()) {
            nextRemove(0, removed);
        }
        if (!next.isEmpty()) {
            nextAdd(0, next.size());
        }
        endChange();
    }
}
