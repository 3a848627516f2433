package io.astroshield.sync.server;

import io.astroshield.sync.protocol.Conjunction;
import io.astroshield.sync.protocol.ConjunctionCreate;
import io.astroshield.sync.protocol.ConjunctionObject;
import io.astroshield.sync.protocol.OrbitalParameters;
import io.astroshield.sync.protocol.PhysicalParameters;
import io.astroshield.sync.protocol.Spacecraft;
import io.astroshield.sync.protocol.SpacecraftCreate;
import io.astroshield.sync.protocol.SpacecraftUpdate;
import io.astroshield.sync.protocol.StateVector;
import io.astroshield.sync.protocol.TelemetryData;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every write to reference data, whether from the REST API or a sync upload: validate (400 naming the field),
 * write, and append to the change log, all within the caller's transaction.
 */
final class ReferenceDataWrites {
    private static final int MAX_NAME = 200;

    private final SpacecraftRepository spacecraft;
    private final ConjunctionRepository conjunctions;
    private final TelemetryRepository telemetry;
    private final ChangeLog changes;
    private final EventLog events;

    ReferenceDataWrites(SpacecraftRepository spacecraft, ConjunctionRepository conjunctions,
                        TelemetryRepository telemetry, ChangeLog changes, EventLog events) {
        this.spacecraft = spacecraft;
        this.conjunctions = conjunctions;
        this.telemetry = telemetry;
        this.changes = changes;
        this.events = events;
    }

    Spacecraft createSpacecraft(Connection c, SpacecraftCreate in, Instant now) throws SQLException {
        validate(in);
        Spacecraft created = spacecraft.create(c, in, now)
                .orElseThrow(() -> new ApiException(409, "CONFLICT", "A spacecraft with this NORAD id exists",
                        Map.of("field", "norad_id")));
        changes.appendUpsert(c, "spacecraft", created.id(), created, now);
        events.record(c, EventLog.SPACECRAFT_REGISTERED, created.noradId(), now,
                "Spacecraft " + created.name() + " (NORAD " + created.noradId() + ") registered as "
                        + created.status() + " in " + created.orbitType());
        return created;
    }

    Conjunction createConjunction(Connection c, ConjunctionCreate in, Instant now) throws SQLException {
        validateObject(c, in.primaryObject(), "primary_object", true);
        validateObject(c, in.secondaryObject(), "secondary_object", false);
        Params.require(in.tca() != null, "tca", "is required");
        Params.require(in.missDistance() != null, "miss_distance", "is required");
        Params.require(Double.isFinite(in.missDistance()) && in.missDistance() >= 0, "miss_distance",
                "must be a finite number >= 0 (km)");
        Params.require(in.collisionProbability() == null
                || (in.collisionProbability() >= 0 && in.collisionProbability() <= 1), "collision_probability",
                "must be between 0 and 1");
        Params.require(in.relativeVelocity() == null
                || (Double.isFinite(in.relativeVelocity()) && in.relativeVelocity() >= 0), "relative_velocity",
                "must be a finite number >= 0 (km/s)");
        Params.matrix3(in.covariancePrimary(), "covariance_primary");
        Params.matrix3(in.covarianceSecondary(), "covariance_secondary");
        Conjunction created = conjunctions.create(c, in, now);
        changes.appendUpsert(c, "conjunction", created.id(), created, now);
        Integer primaryNorad = in.primaryObject().noradId() != null ? in.primaryObject().noradId()
                : spacecraft.noradId(c, in.primaryObject().id()).orElse(null);
        Integer secondaryNorad = in.secondaryObject().noradId();
        events.record(c, EventLog.CONJUNCTION_DETECTED, primaryNorad, now, String.format(Locale.ROOT,
                "Conjunction %d with %s: miss %.3f km at TCA %s%s", created.id(),
                secondaryNorad == null ? "an uncatalogued object" : "NORAD " + secondaryNorad,
                created.missDistance(), created.tca(),
                created.collisionProbability() == null ? "" : String.format(Locale.ROOT, ", Pc %.2e",
                        created.collisionProbability())));
        return created;
    }

    /** Changes the given fields of spacecraft {@code id}; 404 when there is none. */
    Spacecraft updateSpacecraft(Connection c, long id, SpacecraftUpdate in, Instant now) throws SQLException {
        validateFields(in.name(), in.status(), in.orbitType(), in.orbitalParameters(), in.physicalParameters());
        Spacecraft updated = spacecraft.update(c, id, in, now)
                .orElseThrow(() -> ApiException.notFound("spacecraft", id));
        changes.appendUpsert(c, "spacecraft", updated.id(), updated, now);
        return updated;
    }

    /**
     * Stores one telemetry sample and appends it to the change log (telemetry is download-only reference data);
     * empty when the spacecraft already has this subsystem's sample at this time.
     */
    Optional<TelemetryData> recordTelemetry(Connection c, long spacecraftId, String subsystem, Instant at,
                                            Map<String, Double> metrics, Instant now) throws SQLException {
        Optional<TelemetryData> stored = telemetry.insert(c, spacecraftId, subsystem, at, metrics);
        if (stored.isPresent()) {
            changes.appendUpsert(c, "telemetry", stored.get().id(), stored.get(), now);
        }
        return stored;
    }

    private static void validate(SpacecraftCreate in) {
        Params.require(in.name() != null && !in.name().isBlank(), "name", "is required");
        Params.require(in.noradId() != null, "norad_id", "is required");
        Params.require(in.noradId() > 0, "norad_id", "must be a positive integer");
        Params.require(in.status() != null, "status", "is required");
        Params.require(in.orbitType() != null, "orbit_type", "is required");
        validateFields(in.name(), in.status(), in.orbitType(), in.orbitalParameters(), in.physicalParameters());
    }

    /** The checks of every given field of a spacecraft, created or updated; null means not given. */
    private static void validateFields(String name, String status, String orbitType, OrbitalParameters o,
                                       PhysicalParameters p) {
        Params.require(name == null || !name.isBlank(), "name", "must not be blank");
        Params.require(name == null || name.length() <= MAX_NAME, "name",
                "must be at most " + MAX_NAME + " characters");
        Params.require(status == null || Set.of("active", "inactive").contains(status), "status",
                "must be active or inactive");
        Params.require(orbitType == null || Set.of("LEO", "MEO", "GEO", "HEO").contains(orbitType), "orbit_type",
                "must be one of GEO, HEO, LEO, MEO");
        if (o != null) {
            Params.finiteOrNull(o.semiMajorAxis(), "orbital_parameters.semi_major_axis");
            Params.finiteOrNull(o.eccentricity(), "orbital_parameters.eccentricity");
            Params.finiteOrNull(o.inclination(), "orbital_parameters.inclination");
            Params.finiteOrNull(o.raan(), "orbital_parameters.raan");
            Params.finiteOrNull(o.argumentOfPerigee(), "orbital_parameters.argument_of_perigee");
            Params.finiteOrNull(o.meanAnomaly(), "orbital_parameters.mean_anomaly");
        }
        if (p != null) {
            Params.finiteOrNull(p.mass(), "physical_parameters.mass");
            Params.finiteOrNull(p.length(), "physical_parameters.length");
            Params.finiteOrNull(p.width(), "physical_parameters.width");
            Params.finiteOrNull(p.height(), "physical_parameters.height");
            Params.finiteOrNull(p.crossSection(), "physical_parameters.cross_section");
        }
    }

    private void validateObject(Connection c, ConjunctionObject o, String field, boolean mustBeSpacecraft)
            throws SQLException {
        Params.require(o != null, field, "is required");
        if (mustBeSpacecraft) {
            Params.require(o.id() != null, field + ".id", "is required (a spacecraft id)");
        }
        if (o.id() != null) {
            Params.require(spacecraft.exists(c, o.id()), field + ".id", "is not a known spacecraft");
        }
        Params.require(o.name() == null || o.name().length() <= MAX_NAME, field + ".name",
                "must be at most " + MAX_NAME + " characters");
        Params.require(o.noradId() == null || o.noradId() > 0, field + ".norad_id", "must be a positive integer");
        StateVector sv = o.stateVector();
        if (sv != null) {
            Params.vector3(sv.position(), field + ".state_vector.position");
            Params.vector3(sv.velocity(), field + ".state_vector.velocity");
        }
    }
}
