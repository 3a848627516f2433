package io.astroshield.sync.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.sync.protocol.Conjunction;
import io.astroshield.sync.protocol.ConjunctionCreate;
import io.astroshield.sync.protocol.ConjunctionList;
import io.astroshield.sync.protocol.ConjunctionObject;
import io.astroshield.sync.protocol.OrbitalParameters;
import io.astroshield.sync.protocol.PageMeta;
import io.astroshield.sync.protocol.PhysicalParameters;
import io.astroshield.sync.protocol.Spacecraft;
import io.astroshield.sync.protocol.SpacecraftCreate;
import io.astroshield.sync.protocol.SpacecraftList;
import io.astroshield.sync.protocol.StateVector;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

/** Handlers of {@code /api/v1/spacecraft} and {@code /api/v1/conjunctions}: validate, call a repository, answer. */
final class ReferenceDataApi {
    static final int MAX_LIMIT = 100;
    private static final int MAX_NAME = 200;

    private final SpacecraftRepository spacecraft;
    private final ConjunctionRepository conjunctions;
    private final ObjectMapper json;
    private final Clock clock;

    ReferenceDataApi(SpacecraftRepository spacecraft, ConjunctionRepository conjunctions, ObjectMapper json,
                     Clock clock) {
        this.spacecraft = spacecraft;
        this.conjunctions = conjunctions;
        this.json = json;
        this.clock = clock;
    }

    void listSpacecraft(Context ctx) {
        int page = Params.intQuery(ctx, "page", 1, 1, Integer.MAX_VALUE);
        int limit = Params.intQuery(ctx, "limit", 20, 1, MAX_LIMIT);
        String status = Params.enumQuery(ctx, "status", Set.of("active", "inactive", "all"));
        Page<Spacecraft> rows = spacecraft.list("all".equals(status) ? null : status, page, limit);
        ctx.json(new SpacecraftList(rows.rows(), new PageMeta(page, limit, rows.total())));
    }

    void getSpacecraft(Context ctx) {
        long id = Params.positiveLongPath(ctx, "spacecraft_id");
        ctx.json(spacecraft.find(id).orElseThrow(() -> ApiException.notFound("spacecraft", id)));
    }

    void createSpacecraft(Context ctx) {
        SpacecraftCreate in = Params.body(ctx, json, SpacecraftCreate.class);
        Params.require(in.name() != null && !in.name().isBlank(), "name", "is required");
        Params.require(in.name().length() <= MAX_NAME, "name", "must be at most " + MAX_NAME + " characters");
        Params.require(in.noradId() != null, "norad_id", "is required");
        Params.require(in.noradId() > 0, "norad_id", "must be a positive integer");
        Params.require(in.status() != null, "status", "is required");
        Params.require(Set.of("active", "inactive").contains(in.status()), "status", "must be active or inactive");
        Params.require(in.orbitType() != null, "orbit_type", "is required");
        Params.require(Set.of("LEO", "MEO", "GEO", "HEO").contains(in.orbitType()), "orbit_type",
                "must be one of GEO, HEO, LEO, MEO");
        OrbitalParameters o = in.orbitalParameters();
        if (o != null) {
            Params.finiteOrNull(o.semiMajorAxis(), "orbital_parameters.semi_major_axis");
            Params.finiteOrNull(o.eccentricity(), "orbital_parameters.eccentricity");
            Params.finiteOrNull(o.inclination(), "orbital_parameters.inclination");
            Params.finiteOrNull(o.raan(), "orbital_parameters.raan");
            Params.finiteOrNull(o.argumentOfPerigee(), "orbital_parameters.argument_of_perigee");
            Params.finiteOrNull(o.meanAnomaly(), "orbital_parameters.mean_anomaly");
        }
        PhysicalParameters p = in.physicalParameters();
        if (p != null) {
            Params.finiteOrNull(p.mass(), "physical_parameters.mass");
            Params.finiteOrNull(p.length(), "physical_parameters.length");
            Params.finiteOrNull(p.width(), "physical_parameters.width");
            Params.finiteOrNull(p.height(), "physical_parameters.height");
            Params.finiteOrNull(p.crossSection(), "physical_parameters.cross_section");
        }
        Spacecraft created = spacecraft.create(in, clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .orElseThrow(() -> new ApiException(409, "CONFLICT", "A spacecraft with this NORAD id exists",
                        Map.of("field", "norad_id")));
        ctx.status(201).json(created);
    }

    void listConjunctions(Context ctx) {
        ConjunctionRepository.Filter filter = new ConjunctionRepository.Filter(
                Params.positiveLongQuery(ctx, "spacecraft_id"),
                Params.instantQuery(ctx, "start_time"),
                Params.instantQuery(ctx, "end_time"),
                Params.doubleQuery(ctx, "min_probability", 0, 1));
        int page = Params.intQuery(ctx, "page", 1, 1, Integer.MAX_VALUE);
        int limit = Params.intQuery(ctx, "limit", 20, 1, MAX_LIMIT);
        Page<Conjunction> rows = conjunctions.list(filter, page, limit);
        ctx.json(new ConjunctionList(rows.rows(), new PageMeta(page, limit, rows.total())));
    }

    void getConjunction(Context ctx) {
        long id = Params.positiveLongPath(ctx, "conjunction_id");
        ctx.json(conjunctions.find(id).orElseThrow(() -> ApiException.notFound("conjunction", id)));
    }

    void createConjunction(Context ctx) {
        ConjunctionCreate in = Params.body(ctx, json, ConjunctionCreate.class);
        validateObject(in.primaryObject(), "primary_object", true);
        validateObject(in.secondaryObject(), "secondary_object", false);
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
        ctx.status(201).json(conjunctions.create(in, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    private void validateObject(ConjunctionObject o, String field, boolean mustBeSpacecraft) {
        Params.require(o != null, field, "is required");
        if (mustBeSpacecraft) {
            Params.require(o.id() != null, field + ".id", "is required (a spacecraft id)");
        }
        if (o.id() != null) {
            Params.require(spacecraft.find(o.id()).isPresent(), field + ".id", "is not a known spacecraft");
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
