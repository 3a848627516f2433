package io.astroshield.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.sync.protocol.ChangesPage;
import io.astroshield.sync.protocol.Snapshot;
import io.astroshield.sync.protocol.TokenRequest;
import io.astroshield.sync.protocol.TokenResponse;
import io.astroshield.sync.protocol.UploadRequest;
import io.astroshield.sync.protocol.UploadResponse;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The sync routes of one server, called as one signed-in user. Holds the bearer token only in memory: signs in
 * when there is none, renews it (the {@code /auth/token} renewal path) once four fifths of its lifetime have
 * passed, and signs in again once when the server answers 401. Failures come out as {@link SyncException}s
 * classified by what to do; no token or password ever reaches a log or a message.
 */
final class ServerApi {
    private static final MediaType JSON = MediaType.get("application/json");

    /** Who the server says we are: the token's subject and role claims (read, not verified: for display). */
    record Identity(String username, String role) {
    }

    private final HttpUrl base;
    private final Credentials credentials;
    private final OkHttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private String token;
    private Instant renewAt;
    private Identity identity;

    ServerApi(HttpUrl base, Credentials credentials, OkHttpClient http, ObjectMapper json, Clock clock) {
        this.base = Objects.requireNonNull(base, "base");
        this.credentials = credentials;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    HttpUrl base() {
        return base;
    }

    OkHttpClient http() {
        return http;
    }

    synchronized Identity identity() {
        return identity;
    }

    UploadResponse upload(UploadRequest request) {
        return call("POST", "sync/v1/upload", null, request, UploadResponse.class);
    }

    ChangesPage changes(long cursor, int limit) {
        return call("GET", "sync/v1/changes", "cursor=" + cursor + "&limit=" + limit, null, ChangesPage.class);
    }

    /** One page of at most {@code limit} entities of the snapshot; {@code after}: the previous page's next, or null. */
    Snapshot snapshotPage(String after, int limit) {
        String query = "limit=" + limit + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
        return call("GET", "sync/v1/snapshot", query, null, Snapshot.class);
    }

    /** A request for the live stream, with a current bearer token; the caller runs it. */
    Request streamRequest() {
        return new Request.Builder().url(url("sync/v1/stream", null)).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + currentToken()).get().build();
    }

    /** Forgets the token, so that the next call signs in. */
    synchronized void signOut() {
        token = null;
        identity = null;
    }

    private <T> T call(String method, String path, String query, Object body, Class<T> answer) {
        signedIn();
        try {
            return send(method, path, query, body, answer);
        } catch (SyncException e) {
            if (e.kind() != SyncException.Kind.UNAUTHORIZED) {
                throw e;
            }
            // the token expired or its key retired on the server: sign in again, once
            signOut();
            signedIn();
            return send(method, path, query, body, answer);
        }
    }

    private void signedIn() {
        try {
            currentToken();
        } catch (SyncException e) {
            throw e.beforeSending();
        }
    }

    private <T> T send(String method, String path, String query, Object body, Class<T> answer) {
        String bearer;
        synchronized (this) {
            bearer = token;
        }
        Request.Builder request = new Request.Builder().url(url(path, query))
                .header("Authorization", "Bearer " + bearer);
        request.method(method, body == null ? null : RequestBody.create(write(body), JSON));
        return execute(request.build(), answer);
    }

    /** A valid token: signs in or renews as needed. */
    private synchronized String currentToken() {
        Instant now = clock.instant();
        if (token != null && now.isBefore(renewAt)) {
            return token;
        }
        if (token != null) {
            try {
                Request renew = new Request.Builder().url(url("auth/token", null))
                        .header("Authorization", "Bearer " + token).post(RequestBody.create(new byte[0])).build();
                accept(execute(renew, TokenResponse.class), now);
                return token;
            } catch (SyncException e) {
                if (e.kind() != SyncException.Kind.UNAUTHORIZED) {
                    throw e;
                }
                token = null;
            }
        }
        char[] password = credentials.password();
        try {
            TokenRequest in = new TokenRequest(credentials.username(), new String(password));
            Request signIn = new Request.Builder().url(url("auth/token", null))
                    .post(RequestBody.create(write(in), JSON)).build();
            accept(execute(signIn, TokenResponse.class), now);
            return token;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void accept(TokenResponse r, Instant now) {
        if (r.accessToken() == null || r.expiresIn() <= 0) {
            throw SyncException.transientFailure("the server's token answer has no token or lifetime", null);
        }
        token = r.accessToken();
        renewAt = now.plus(Duration.ofSeconds(r.expiresIn()).multipliedBy(4).dividedBy(5));
        identity = readIdentity(r.accessToken());
    }

    private Identity readIdentity(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return new Identity(credentials.username(), null);
        }
        try {
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return new Identity(claims.path("sub").asText(credentials.username()),
                    claims.hasNonNull("role") ? claims.get("role").asText() : null);
        } catch (IOException | IllegalArgumentException e) {
            return new Identity(credentials.username(), null);
        }
    }

    private <T> T execute(Request request, Class<T> answer) {
        Call call = http.newCall(request);
        String what = request.method() + " " + request.url().encodedPath();
        try (Response r = call.execute()) {
            ResponseBody body = r.body();
            String text = body.string();
            if (r.isSuccessful()) {
                try {
                    return json.readValue(text, answer);
                } catch (IOException e) {
                    // the request may have taken effect; retrying is safe (ops are deduplicated) and may get a whole answer
                    throw SyncException.transientFailure(what + ": unreadable answer (" + e.getMessage() + ")", e);
                }
            }
            throw failure(what, r.code(), text, r.header("Retry-After"));
        } catch (ConnectException | UnknownHostException | NoRouteToHostException | SSLHandshakeException e) {
            // nothing left this machine: no connection, or a server whose certificate is not trusted
            throw SyncException.transientFailure(what + ": " + e, e).beforeSending();
        } catch (IOException e) {
            throw SyncException.transientFailure(what + ": " + e, e);
        }
    }

    private static SyncException failure(String what, int status, String body, String retryAfter) {
        String message = what + " -> " + status + errorMessage(body);
        if (status == 429) {
            return new SyncException(SyncException.Kind.RATE_LIMITED, status, message, retryAfter(retryAfter), null);
        }
        if (status >= 500 || status == 408) {
            return new SyncException(SyncException.Kind.TRANSIENT, status, message, null, null);
        }
        if (status == 401) {
            return new SyncException(SyncException.Kind.UNAUTHORIZED, status, message, null, null);
        }
        if (status == 409 && body.contains("CURSOR_EXPIRED")) {
            return new SyncException(SyncException.Kind.CURSOR_EXPIRED, status, message, null, null);
        }
        return new SyncException(SyncException.Kind.NOT_UNDERSTOOD, status, message, null, null);
    }

    private static Duration retryAfter(String header) {
        try {
            return Duration.ofSeconds(Math.max(1, Long.parseLong(header == null ? "1" : header.strip())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    /** The server's error message, if the body is the published Error shape; bodies are never tokens. */
    private static String errorMessage(String body) {
        int i = body.indexOf("\"message\":\"");
        if (i < 0) {
            return "";
        }
        int end = body.indexOf('"', i + 11);
        return end < 0 ? "" : ": " + body.substring(i + 11, end);
    }

    private HttpUrl url(String path, String query) {
        HttpUrl.Builder b = base.newBuilder().addPathSegments(path);
        if (query != null) {
            b.encodedQuery(query);
        }
        return b.build();
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
