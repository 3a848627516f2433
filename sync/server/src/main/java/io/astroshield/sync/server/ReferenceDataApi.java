package io.astroshield.sync.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.sync.protocol.Conjunction;
import io.astroshield.sync.protocol.ConjunctionCreate;
import io.astroshield.sync.protocol.ConjunctionList;
import io.astroshield.sync.protocol.Event;
import io.astroshield.sync.protocol.EventsResponse;
import io.astroshield.sync.protocol.PageMeta;
import io.astroshield.sync.protocol.Spacecraft;
import io.astroshield.sync.protocol.SpacecraftCreate;
import io.astroshield.sync.protocol.SpacecraftList;
import io.astroshield.sync.protocol.SpacecraftUpdate;
import io.astroshield.sync.protocol.TelemetryData;
import io.astroshield.sync.protocol.TelemetryDataList;
import io.javalin.http.ContentType;
import io.javalin.http.Context;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Handlers of {@code /api/v1/spacecraft} (with its telemetry), {@code /api/v1/conjunctions} and
 * {@code /api/v1/events}: read input, query or write, answer.
 */
final class ReferenceDataApi {
    static final int MAX_LIMIT = 100;
    static final int MAX_EVENTS = 500;

    private final DataSource db;
    private final SpacecraftRepository spacecraft;
    private final ConjunctionRepository conjunctions;
    private final TelemetryRepository telemetry;
    private final EventLog events;
    private final ReferenceDataWrites writes;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    /** Answers of the two lists consoles poll; their answers depend on the parameters, not on the caller. */
    private final ReadCache lists;

    ReferenceDataApi(DataSource db, SpacecraftRepository spacecraft, ConjunctionRepository conjunctions,
                     TelemetryRepository telemetry, EventLog events, ReferenceDataWrites writes, AuditLog audit,
                     ObjectMapper json, Clock clock) {
        this.audit = audit;
        this.db = db;
        this.spacecraft = spacecraft;
        this.conjunctions = conjunctions;
        this.telemetry = telemetry;
        this.events = events;
        this.writes = writes;
        this.json = json;
        this.clock = clock;
        this.lists = new ReadCache(json);
    }

    void listSpacecraft(Context ctx) {
        int page = Params.intQuery(ctx, "page", 1, 1, Integer.MAX_VALUE);
        int limit = Params.intQuery(ctx, "limit", 20, 1, MAX_LIMIT);
        String status = Params.enumQuery(ctx, "status", Set.of("active", "inactive", "all"));
        String only = "all".equals(status) ? null : status;
        answer(ctx, "spacecraft status=" + only + " page=" + page + " limit=" + limit, () -> {
            Page<Spacecraft> rows = spacecraft.list(only, page, limit);
            return new SpacecraftList(rows.rows(), new PageMeta(page, limit, rows.total()));
        });
    }

    /** Answers with the JSON of {@code read}, or of the same read before if nothing was written since. */
    private void answer(Context ctx, String key, Supplier<?> read) {
        byte[] body = lists.answer(key, read);
        ctx.contentType(ContentType.APPLICATION_JSON);
        // written here rather than as the result, which Javalin copies through a new 32 KiB buffer per answer
        try {
            ctx.outputStream().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the answer of " + key, e);
        }
    }

    void getSpacecraft(Context ctx) {
        long id = Params.positiveLongPath(ctx, "spacecraft_id");
        ctx.json(spacecraft.find(id).orElseThrow(() -> ApiException.notFound("spacecraft", id)));
    }

    void createSpacecraft(Context ctx) {
        SpacecraftCreate in = Params.body(ctx, json, SpacecraftCreate.class);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ctx.status(201).json(Transactions.inTransaction(db, "creating a spacecraft", c -> {
            Spacecraft created = writes.createSpacecraft(c, in, now);
            audit.record(c, ApiRoutes.requestId(ctx), ApiRoutes.principal(ctx).orElse(null),
                    "POST /api/v1/spacecraft", 201, "spacecraft " + created.id());
            return created;
        }));
    }

    void updateSpacecraft(Context ctx) {
        long id = Params.positiveLongPath(ctx, "spacecraft_id");
        SpacecraftUpdate in = Params.body(ctx, json, SpacecraftUpdate.class);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ctx.json(Transactions.inTransaction(db, "updating a spacecraft", c -> {
            Spacecraft updated = writes.updateSpacecraft(c, id, in, now);
            audit.record(c, ApiRoutes.requestId(ctx), ApiRoutes.principal(ctx).orElse(null),
                    "PUT /api/v1/spacecraft/{spacecraft_id}", 200, "spacecraft " + id);
            return updated;
        }));
    }

    void listConjunctions(Context ctx) {
        ConjunctionRepository.Filter filter = new ConjunctionRepository.Filter(
                Params.positiveLongQuery(ctx, "spacecraft_id"),
                Params.instantQuery(ctx, "start_time"),
                Params.instantQuery(ctx, "end_time"),
                Params.doubleQuery(ctx, "min_probability", 0, 1));
        int page = Params.intQuery(ctx, "page", 1, 1, Integer.MAX_VALUE);
        int limit = Params.intQuery(ctx, "limit", 20, 1, MAX_LIMIT);
        answer(ctx, "conjunctions " + filter + " page=" + page + " limit=" + limit, () -> {
            Page<Conjunction> rows = conjunctions.list(filter, page, limit);
            return new ConjunctionList(rows.rows(), new PageMeta(page, limit, rows.total()));
        });
    }

    void getConjunction(Context ctx) {
        long id = Params.positiveLongPath(ctx, "conjunction_id");
        ctx.json(conjunctions.find(id).orElseThrow(() -> ApiException.notFound("conjunction", id)));
    }

    void createConjunction(Context ctx) {
        ConjunctionCreate in = Params.body(ctx, json, ConjunctionCreate.class);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ctx.status(201).json(Transactions.inTransaction(db, "creating a conjunction", c -> {
            Conjunction created = writes.createConjunction(c, in, now);
            audit.record(c, ApiRoutes.requestId(ctx), ApiRoutes.principal(ctx).orElse(null),
                    "POST /api/v1/conjunctions", 201, "conjunction " + created.id());
            return created;
        }));
    }

    /** The published telemetry list of one spacecraft, newest first; 404 when there is no such spacecraft. */
    void listTelemetry(Context ctx) {
        long id = Params.positiveLongPath(ctx, "spacecraft_id");
        TelemetryRepository.Filter filter = new TelemetryRepository.Filter(id,
                Params.instantQuery(ctx, "start_time"),
                Params.instantQuery(ctx, "end_time"),
                Params.enumQuery(ctx, "subsystem", TelemetryRepository.SUBSYSTEMS));
        int page = Params.intQuery(ctx, "page", 1, 1, Integer.MAX_VALUE);
        int limit = Params.intQuery(ctx, "limit", 20, 1, MAX_LIMIT);
        if (spacecraft.find(id).isEmpty()) {
            throw ApiException.notFound("spacecraft", id);
        }
        Page<TelemetryData> rows = telemetry.list(filter, page, limit);
        ctx.json(new TelemetryDataList(rows.rows(), new PageMeta(page, limit, rows.total())));
    }

    /** The published recent events, newest first; {@code limit} (default 50) is our extension. */
    void listEvents(Context ctx) {
        List<Event> newest = events.newest(Params.intQuery(ctx, "limit", 50, 1, MAX_EVENTS));
        ctx.json(new EventsResponse(newest, newest.size(), clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }
}
