package io.astroshield.app.workstation;

import io.astroshield.persistence.screening.StoredEvent;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the operator has selected, shared by every view (FX thread): the conjunction event (the table, the event
 * detail, the 3D view's miss vector, the charts) and the objects whose orbits and ground tracks are drawn.
 */
public final class Selection {

    private final ObjectProperty<StoredEvent> event = new SimpleObjectProperty<>(this, "event");
    private final ObservableList<Integer> objects = FXCollections.observableArrayList();

    public ObjectProperty<StoredEvent> eventProperty() {
        return event;
    }

    public StoredEvent event() {
        return event.get();
    }

    /** Catalog numbers of the selected objects; selecting an event puts its two objects here. */
    public ObservableList<Integer> objects() {
        return objects;
    }

    public void selectEvent(StoredEvent e) {
        event.set(e);
        if (e != null) {
            objects.setAll(e.primaryNorad(), e.secondaryNorad());
        }
    }
}
