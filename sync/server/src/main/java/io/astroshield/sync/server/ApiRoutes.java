package io.astroshield.sync.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.sync.protocol.ApiError;
import io.astroshield.sync.protocol.ApiKeyCreate;
import io.astroshield.sync.protocol.ApiKeyCreated;
import io.astroshield.sync.protocol.AuditEventList;
import io.astroshield.sync.protocol.HealthResponse;
import io.astroshield.sync.protocol.KeyRotation;
import io.astroshield.sync.protocol.TokenRequest;
import io.astroshield.sync.protocol.TokenResponse;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The whole HTTP surface in one place: {@link #create()} builds the Javalin app with every route and the role
 * it needs, the request id on every response, and the one mapping of exceptions to the published {@code Error}.
 */
public final class ApiRoutes {
    /** Version of the published AstroShield API these routes implement. */
    public static final String API_VERSION = "1.1.0";
    public static final String REQUEST_ID = "X-Request-Id";

    private static final Logger LOG = LoggerFactory.getLogger(ApiRoutes.class);
    private static final Pattern CALLER_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String PRINCIPAL = "astroshield.principal";
    private static final String ERROR_WRITTEN = "astroshield.error-written";
    private static final String STARTED_NANOS = "astroshield.started";
    private static final String REQUEST_ID_ATTRIBUTE = "astroshield.request-id";

    /** One route of the table: method, path and who may call it. */
    public record Route(String method, String path, Access access) {
    }

    private final DataSource db;
    private final SigningKeys keys;
    private final TokenService tokens;
    private final UserStore users;
    private final RateLimiter limiter;
    private final PrometheusMeterRegistry metrics;
    private final ReferenceDataApi referenceData;
    private final SyncApi sync;
    private final SnapshotReader snapshots;
    private final ChangeLog changeLog;
    private final AppliedOpLog appliedOps;
    private final ReferenceDataWrites writes;
    private final SpacecraftRepository spacecraft;
    private final TelemetryRepository telemetry;
    private final EventLog events;
    private final AuditLog audit;
    private final ApiKeyStore apiKeys;
    private final ObjectMapper json;
    private final Clock clock;
    private final List<Route> table = new ArrayList<>();

    public ApiRoutes(DataSource db, SigningKeys keys, TokenService tokens, UserStore users, RateLimiter limiter,
                     PrometheusMeterRegistry metrics, ObjectMapper json, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.limiter = limiter;
        this.metrics = metrics;
        this.tokens = tokens;
        this.users = users;
        this.json = json;
        this.clock = clock;
        this.audit = new AuditLog(db, clock);
        this.apiKeys = new ApiKeyStore(db, clock);
        this.spacecraft = new SpacecraftRepository(db);
        ConjunctionRepository conjunctions = new ConjunctionRepository(db, json);
        this.telemetry = new TelemetryRepository(db, json);
        this.events = new EventLog(db);
        ChangeLog changes = new ChangeLog(db, json);
        this.writes = new ReferenceDataWrites(spacecraft, conjunctions, telemetry, changes, events);
        this.appliedOps = new AppliedOpLog(db);
        this.referenceData = new ReferenceDataApi(db, spacecraft, conjunctions, telemetry, events, writes, audit,
                json, clock);
        this.changeLog = changes;
        ConjunctionWorkflow workflow = new ConjunctionWorkflow(changes);
        this.sync = new SyncApi(db, writes, workflow, changes, audit, json, clock);
        this.snapshots = new SnapshotReader(db, spacecraft, conjunctions, workflow, telemetry, changes);
    }

    /** The Javalin app, not started; {@code server} adds what is not about routes (a TLS listener). */
    public Javalin create(Consumer<JavalinConfig> server) {
        return Javalin.create(config -> {
            server.accept(config);
            config.jsonMapper(new JavalinJackson(json, false));
            config.startup.showJavalinBanner = false;
            RoutesConfig r = config.routes;
            r.before(this::assignRequestId);

            route(r, "GET", "/health", Access.PUBLIC, this::health);
            route(r, "POST", "/auth/token", Access.PUBLIC, this::token);
            // public like /health so that Prometheus can scrape it; rate-limited per address like every public route
            route(r, "GET", "/metrics", Access.PUBLIC, this::metrics);

            route(r, "GET", "/api/v1/spacecraft", Access.ANY_ROLE, referenceData::listSpacecraft);
            route(r, "POST", "/api/v1/spacecraft", Access.EDIT_REFERENCE_DATA, referenceData::createSpacecraft);
            route(r, "GET", "/api/v1/spacecraft/{spacecraft_id}", Access.ANY_ROLE, referenceData::getSpacecraft);
            route(r, "PUT", "/api/v1/spacecraft/{spacecraft_id}", Access.EDIT_REFERENCE_DATA,
                    referenceData::updateSpacecraft);
            route(r, "GET", "/api/v1/conjunctions", Access.ANY_ROLE, referenceData::listConjunctions);
            route(r, "POST", "/api/v1/conjunctions", Access.EDIT_REFERENCE_DATA, referenceData::createConjunction);
            route(r, "GET", "/api/v1/conjunctions/{conjunction_id}", Access.ANY_ROLE, referenceData::getConjunction);
            route(r, "GET", "/api/v1/spacecraft/{spacecraft_id}/telemetry", Access.ANY_ROLE,
                    referenceData::listTelemetry);
            route(r, "GET", "/api/v1/events", Access.ANY_ROLE, referenceData::listEvents);

            // any signed-in role may upload: each op's permission is checked again when it is applied
            route(r, "POST", "/sync/v1/upload", Access.ANY_ROLE, sync::upload);
            route(r, "GET", "/sync/v1/changes", Access.ANY_ROLE, sync::changes);
            route(r, "GET", "/sync/v1/snapshot", Access.ANY_ROLE, snapshots::snapshot);
            route(r, "GET", "/sync/v1/stream", Access.ANY_ROLE, sync.stream());

            route(r, "GET", "/admin/v1/audit", Access.roles(Role.SUPERVISOR, Role.ADMIN), this::auditEvents);
            route(r, "POST", "/admin/v1/api-keys", Access.roles(Role.ADMIN), this::createApiKey);
            route(r, "POST", "/admin/v1/signing-keys/rotate", Access.roles(Role.ADMIN), this::rotateSigningKey);

            r.exception(ApiException.class, (e, ctx) -> writeError(ctx, e));
            r.exception(Exception.class, (e, ctx) -> {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                writeError(ctx, new ApiException(500, "INTERNAL_ERROR", "The server could not complete the request",
                        Map.of()));
            });
            r.error(404, "*", ctx -> {
                if (ctx.attribute(ERROR_WRITTEN) == null) {
                    writeError(ctx, new ApiException(404, "RESOURCE_NOT_FOUND", "No such path", Map.of()));
                }
            });
            r.error(405, "*", ctx -> {
                if (ctx.attribute(ERROR_WRITTEN) == null) {
                    writeError(ctx, new ApiException(405, "METHOD_NOT_ALLOWED", "Method not allowed", Map.of()));
                }
            });
            r.after(this::logRequest);
        });
    }

    /** Every route with the access it requires, in declaration order (filled by {@link #create()}). */
    public List<Route> table() {
        return List.copyOf(table);
    }

    /** Deletes change-log entries older than {@code cutoff}; clients behind them get 409 and re-snapshot. */
    public int pruneChangesBefore(Instant cutoff) {
        return changeLog.pruneBefore(cutoff);
    }

    /** Deletes op dedup records older than {@code cutoff}; an op re-sent after that would apply again. */
    public int pruneAppliedOpsBefore(Instant cutoff) {
        return appliedOps.pruneBefore(cutoff);
    }

    /** Deletes telemetry samples taken before {@code cutoff}. */
    public int pruneTelemetryBefore(Instant cutoff) {
        return telemetry.pruneBefore(cutoff);
    }

    /** The writer of simulated telemetry, sharing this app's write path (store, change log, events). */
    TelemetryFeed telemetryFeed(TelemetrySimulator simulator) {
        return new TelemetryFeed(db, writes, spacecraft, events, simulator, clock);
    }

    /** The id of this request, as sent in {@code X-Request-Id}. */
    static String requestId(Context ctx) {
        return ctx.attribute(REQUEST_ID_ATTRIBUTE);
    }

    /** The principal the route's access check admitted, empty on a public route. */
    static Optional<Principal> principal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(PRINCIPAL));
    }

    private void route(RoutesConfig r, String method, String path, Access access, Handler handler) {
        table.add(new Route(method, path, access));
        Handler guarded = ctx -> {
            checkAccess(ctx, access);
            handler.handle(ctx);
        };
        switch (method) {
            case "GET" -> r.get(path, guarded);
            case "POST" -> r.post(path, guarded);
            case "PUT" -> r.put(path, guarded);
            case "DELETE" -> r.delete(path, guarded);
            default -> throw new IllegalArgumentException("method: " + method);
        }
    }

    private void checkAccess(Context ctx, Access access) {
        if (access.isPublic()) {
            throttle(ctx, "address " + ctx.ip());
            return;
        }
        String action = ctx.method() + " " + ctx.endpoint().path;
        String apiKey = ctx.header("X-API-Key");
        String header = ctx.header("Authorization");
        if (apiKey != null && header == null) {
            Principal service = apiKeys.authenticate(apiKey).orElseThrow(() -> {
                audit.record(requestId(ctx), null, action, 401, "unknown or revoked API key");
                return ApiException.unauthorized("The API key is not valid");
            });
            admit(ctx, access, action, service);
            return;
        }
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            ctx.header("WWW-Authenticate", "Bearer");
            audit.record(requestId(ctx), null, action, 401, "no bearer token");
            throw ApiException.unauthorized("A bearer token is required");
        }
        Principal principal;
        try {
            principal = tokens.verify(header.substring(7).trim());
        } catch (ApiException e) {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            audit.record(requestId(ctx), null, action, 401, e.getMessage());
            throw e;
        }
        admit(ctx, access, action, principal);
    }

    private void admit(Context ctx, Access access, String action, Principal principal) {
        if (!access.allows(principal.role())) {
            audit.record(requestId(ctx), principal, action, 403, "role not allowed");
            throw ApiException.forbidden("Role " + principal.role().wireName() + " may not " + action);
        }
        throttle(ctx, "user " + principal.username());
        ctx.attribute(PRINCIPAL, principal);
    }

    /** 429 with {@code Retry-After} (whole seconds, rounded up) when this caller's bucket is empty. */
    private void throttle(Context ctx, String key) {
        Duration wait = limiter.tryAcquire(key);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiException(429, "RATE_LIMITED", "Too many requests; retry after " + seconds + " s",
                    Map.of("retry_after_s", seconds));
        }
    }

    private void health(Context ctx) {
        boolean up;
        try (Connection c = db.getConnection()) {
            up = c.isValid(2);
        } catch (SQLException e) {
            LOG.warn("health check: database unreachable", e);
            up = false;
        }
        ctx.status(up ? 200 : 503)
                .json(new HealthResponse(up ? "healthy" : "unhealthy", API_VERSION,
                        clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    /**
     * Sign-in with {@code username} and {@code password}; or, as our extension, renewal: no body and a valid bearer
     * token give a fresh token for the same account with its current role.
     */
    private void token(Context ctx) {
        String bearer = ctx.header("Authorization");
        if (ctx.body().isBlank() && bearer != null && bearer.regionMatches(true, 0, "Bearer ", 0, 7)) {
            renew(ctx, bearer.substring(7).trim());
            return;
        }
        TokenRequest in = Params.body(ctx, json, TokenRequest.class);
        Params.require(in.username() != null && !in.username().isBlank(), "username", "is required");
        Params.require(in.password() != null && !in.password().isEmpty(), "password", "is required");
        Params.require(in.username().length() <= 100, "username", "must be at most 100 characters");
        Params.require(UserStore.fitsBcrypt(in.password().toCharArray()), "password",
                "must be at most " + UserStore.MAX_PASSWORD_BYTES + " bytes");
        Optional<Principal> signedIn = users.authenticate(in.username(), in.password().toCharArray());
        if (signedIn.isEmpty()) {
            audit.record(requestId(ctx), null, "POST /auth/token", 401, "sign-in refused for " + in.username());
            throw new ApiException(401, "INVALID_CREDENTIALS", "Wrong username or password", Map.of());
        }
        Principal principal = signedIn.get();
        audit.record(requestId(ctx), principal, "POST /auth/token", 200, "signed in");
        LOG.info("token issued to {} ({})", principal.username(), principal.role().wireName());
        ctx.json(new TokenResponse(tokens.issue(principal), "bearer", tokens.lifetime().toSeconds()));
    }

    private void metrics(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private void createApiKey(Context ctx) {
        ApiKeyCreate in = Params.body(ctx, json, ApiKeyCreate.class);
        Params.require(in.name() != null && in.name().matches("[A-Za-z0-9._-]{1,100}"), "name",
                "is required: 1 to 100 of A-Z a-z 0-9 . _ -");
        Role role = in.role() == null ? null : Role.fromWireName(in.role()).orElse(null);
        Params.require(role != null, "role", "must be one of viewer, operator, analyst, supervisor, admin");
        Principal admin = principal(ctx).orElseThrow();
        String key = apiKeys.create(in.name(), role, admin.username())
                .orElseThrow(() -> new ApiException(409, "CONFLICT", "An API key with this name exists",
                        Map.of("field", "name")));
        audit.record(requestId(ctx), admin, "POST /admin/v1/api-keys", 201, "key " + in.name() + " as "
                + role.wireName());
        ctx.status(201).json(new ApiKeyCreated(in.name(), role.wireName(), key));
    }

    /** A new key signs from now on; tokens of the previous key verify until it retires. */
    private void rotateSigningKey(Context ctx) {
        String previous = keys.active().getKeyID();
        String kid;
        try {
            kid = keys.rotate().getKeyID();
        } catch (IllegalStateException e) {
            // the newest key is not older than now (a rotation this millisecond, or a key dated ahead)
            throw new ApiException(409, "CONFLICT", e.getMessage(), Map.of());
        }
        Instant retires = keys.retiresAt(previous).orElseThrow();
        audit.record(requestId(ctx), principal(ctx).orElseThrow(), "POST /admin/v1/signing-keys/rotate", 200,
                "key " + kid + " signs; " + previous + " retires at " + retires);
        LOG.info("signing key rotated: {} signs, {} retires at {}", kid, previous, retires);
        ctx.json(new KeyRotation(kid, previous, retires));
    }

    private void auditEvents(Context ctx) {
        ctx.json(new AuditEventList(audit.newest(Params.intQuery(ctx, "limit", 100, 1, 1000))));
    }

    private void renew(Context ctx, String token) {
        Principal old;
        try {
            old = tokens.verify(token);
        } catch (ApiException e) {
            audit.record(requestId(ctx), null, "POST /auth/token (renew)", 401, e.getMessage());
            throw e;
        }
        Role role = users.currentRole(old.username()).orElseThrow(() -> {
            audit.record(requestId(ctx), old, "POST /auth/token (renew)", 401, "account no longer exists");
            return ApiException.unauthorized("The account no longer exists");
        });
        Principal now = new Principal(old.username(), role);
        audit.record(requestId(ctx), now, "POST /auth/token (renew)", 200, "renewed");
        ctx.json(new TokenResponse(tokens.issue(now), "bearer", tokens.lifetime().toSeconds()));
    }

    private void assignRequestId(Context ctx) {
        String given = ctx.header(REQUEST_ID);
        String id = given != null && CALLER_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.attribute(STARTED_NANOS, System.nanoTime());
        ctx.header(REQUEST_ID, id);
        ctx.attribute(REQUEST_ID_ATTRIBUTE, id);
        MDC.put("request_id", id);
    }

    private void logRequest(Context ctx) {
        Long started = ctx.attribute(STARTED_NANOS);
        long nanos = started == null ? 0 : System.nanoTime() - started;
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        // the route template, not the raw path, so that ids do not multiply the series
        String route = matched == null ? "unmatched" : matched.path;
        Timer.builder("http.server.requests").description("HTTP requests by route and status")
                .tag("method", ctx.method().toString()).tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(metrics).record(nanos, TimeUnit.NANOSECONDS);
        LOG.info("{} {} -> {} in {} us", ctx.method(), ctx.path(), ctx.statusCode(), nanos / 1000);
        MDC.remove("request_id");
    }

    private void writeError(Context ctx, ApiException e) {
        ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
        ctx.status(e.status()).json(ApiError.of(e.code(), e.getMessage(), e.details()));
    }
}
