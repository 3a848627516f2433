package io.astroshield.app.workstation;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.ObjectType;
import io.astroshield.persistence.Store;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newest element set of every stored object, as loaded at one moment: what the 3D view draws and screening
 * screens. Immutable; a new import makes a new snapshot.
 */
public record CatalogSnapshot(List<ElementSet> elementSets, Map<Integer, ElementSet> byNorad, Instant loadedAt) {

    public CatalogSnapshot {
        elementSets = List.copyOf(elementSets);
        byNorad = Map.copyOf(byNorad);
    }

    public static CatalogSnapshot of(List<ElementSet> sets, Instant loadedAt) {
        Map<Integer, ElementSet> byNorad = new HashMap<>();
        for (ElementSet e : sets) {
            byNorad.merge(e.noradId(), e, (a, b) -> a.epoch().isAfter(b.epoch()) ? a : b);
        }
        return new CatalogSnapshot(sets, byNorad, loadedAt);
    }

    static CatalogSnapshot load(Store store, Instant now) {
        return of(store.read(tx -> tx.elementSets().latestOfEveryObject()), now);
    }

    public int size() {
        return elementSets.size();
    }

    public Optional<ElementSet> find(int norad) {
        return Optional.ofNullable(byNorad.get(norad));
    }

    /** "25544 ISS (ZARYA)" or "25544" when the catalog has no name. */
    public String label(int norad) {
        ElementSet e = byNorad.get(norad);
        return e == null || e.name() == null || e.name().isBlank() ? Integer.toString(norad)
                : norad + " " + e.name().trim();
    }

    public ObjectType type(int norad) {
        ElementSet e = byNorad.get(norad);
        return e == null ? ObjectType.UNKNOWN : e.objectType();
    }

    /** Age of the newest element set at {@code t}, or null when the object is unknown. */
    public Duration age(int norad, Instant t) {
        ElementSet e = byNorad.get(norad);
        return e == null ? null : Duration.between(e.epoch(), t);
    }
}
