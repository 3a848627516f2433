package io.astroshield.domain.screening;

import io.astroshield.domain.DomainError;
import io.astroshield.domain.DomainException;
import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.Ephemeris;
import io.astroshield.domain.time.ReferenceData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Screening of a catalog: all-vs-all, or primaries (by catalog number, or OEM ephemerides)
 * against the catalog. Picks one orbit per object (an OEM replaces the element set of the
 * same object; of several element sets, the newest), then runs the {@link Screener}.
 */
public final class CatalogScreening {

    private final ReferenceData data;

    public CatalogScreening(ReferenceData data) {
        this.data = data;
    }

    /** The outcome plus the notes about input choices (duplicates replaced, primaries not found). */
    public record Result(ScreeningOutcome outcome, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    public Result screen(ScreeningRequest request, List<ElementSet> catalog, List<Ephemeris> primaryEphemerides,
                         ScreeningProgress progress, Cancellation cancellation) {
        List<String> notes = new ArrayList<>();
        Set<Integer> oemIds = new HashSet<>();
        for (Ephemeris e : primaryEphemerides) {
            if (e.noradId() < 0) {
                throw new DomainException(DomainError.INVALID_ARGUMENT, e.source()
                        + ": the ephemeris names no catalog number (OBJECT_ID or OBJECT_NAME); it cannot be reported");
            }
            oemIds.add(e.noradId());
        }
        Map<Integer, ElementSet> newest = new LinkedHashMap<>();
        for (ElementSet e : catalog) {
            if (oemIds.contains(e.noradId())) {
                continue;
            }
            ElementSet previous = newest.get(e.noradId());
            if (previous == null || e.epoch().isAfter(previous.epoch())) {
                newest.put(e.noradId(), e);
            }
        }
        int duplicates = catalog.size() - newest.size()
                - (int) catalog.stream().filter(e -> oemIds.contains(e.noradId())).count();
        if (duplicates > 0) {
            notes.add(duplicates + " older element sets of objects listed twice were not used (newest epoch kept)");
        }
        List<ElementSet> sets = new ArrayList<>(newest.values());
        sets.sort(Comparator.comparingInt(ElementSet::noradId));
        boolean primariesMode = !request.primaryIds().isEmpty() || !primaryEphemerides.isEmpty();
        for (int id : request.primaryIds()) {
            if (!newest.containsKey(id) && !oemIds.contains(id)) {
                notes.add("primary " + id + " is not in the catalog");
            }
        }
        CatalogOrbitSource source = new CatalogOrbitSource(data, sets, primaryEphemerides, request.start(),
                request.durationS());
        boolean[] primaries = null;
        if (primariesMode) {
            primaries = new boolean[source.size()];
            boolean any = false;
            for (int i = 0; i < source.size(); i++) {
                primaries[i] = i >= sets.size() || request.primaryIds().contains(source.noradId(i));
                any |= primaries[i];
            }
            if (!any) {
                throw new DomainException(DomainError.INVALID_ARGUMENT, "none of the primaries "
                        + request.primaryIds() + " is in the catalog");
            }
        }
        org.orekit.time.AbsoluteDate start = data.toDate(request.start());
        ScreeningOutcome outcome = new Screener(request.settings()).screen(source, primaries, request.durationS(),
                t -> data.toInstant(start.shiftedBy(t)), progress, cancellation);
        return new Result(outcome, notes);
    }
}
