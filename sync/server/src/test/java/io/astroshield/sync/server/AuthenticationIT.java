package io.astroshield.sync.server;

import com.atlassian.oai.validator.model.Request.Method;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in, token checks and role checks against the real server on loopback with embedded PostgreSQL. */
class AuthenticationIT {
    private static ServerFixture fx;

    @BeforeAll
    static void startServer() {
        fx = new ServerFixture();
    }

    @AfterAll
    static void stopServer() {
        fx.close();
    }

    @Test
    void healthAnswersHealthyWithARequestIdAndThePublishedShape() {
        // when
        ServerFixture.Reply r = fx.get("/health", null);
        // then
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("healthy");
        assertThat(r.requestId()).isNotBlank();
        ContractValidator.assertConforms(Method.GET, "/health", r);
    }

    @Test
    void callerRequestIdIsEchoedAndAnUnsafeOneIsReplaced() {
        // when
        ServerFixture.Reply echoed = fx.send(HttpRequest.newBuilder(fx.uri("/health"))
                .header(ApiRoutes.REQUEST_ID, "console-7.req-42").GET(), null);
        ServerFixture.Reply replaced = fx.send(HttpRequest.newBuilder(fx.uri("/health"))
                .header(ApiRoutes.REQUEST_ID, "x\"><script>").GET(), null);
        // then
        assertThat(echoed.requestId()).isEqualTo("console-7.req-42");
        assertThat(replaced.requestId()).isNotBlank().doesNotContain("<");
    }

    @Test
    void adminFromPasswordFileSignsInAndGetsAnEs256TokenWithTheServersKid() throws Exception {
        // when
        ServerFixture.Reply r = fx.post("/auth/token",
                Map.of("username", "admin", "password", ServerFixture.ADMIN_PASSWORD), null);
        // then
        assertThat(r.status()).isEqualTo(200);
        ContractValidator.assertConforms(Method.POST, "/auth/token", r);
        assertThat(r.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(r.json().get("expires_in").asLong()).isEqualTo(3600);
        SignedJWT jwt = SignedJWT.parse(r.json().get("access_token").asText());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(fx.server.keys().active().getKeyID());
        assertThat(jwt.getJWTClaimsSet().getStringClaim("role")).isEqualTo("admin");
        assertThat(fx.console.toString(StandardCharsets.UTF_8)).doesNotContain(ServerFixture.ADMIN_PASSWORD);
    }

    @Test
    void aValidTokenIsRenewedWithoutThePasswordAndAnExpiredOneIsNot() throws Exception {
        // given
        String token = fx.token(ServerFixture.OPERATOR, ServerFixture.USER_PASSWORD);
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String expired = new TokenService(fx.server.keys(), twoHoursAgo, Duration.ofHours(1))
                .issue(new Principal(ServerFixture.OPERATOR, Role.OPERATOR));
        // when
        ServerFixture.Reply renewed = fx.send(HttpRequest.newBuilder(fx.uri("/auth/token"))
                .POST(HttpRequest.BodyPublishers.noBody()), token);
        ServerFixture.Reply refused = fx.send(HttpRequest.newBuilder(fx.uri("/auth/token"))
                .POST(HttpRequest.BodyPublishers.noBody()), expired);
        // then
        assertThat(renewed.status()).isEqualTo(200);
        ContractValidator.assertConforms(Method.POST, "/auth/token", renewed);
        String fresh = renewed.json().get("access_token").asText();
        assertThat(fresh).isNotEqualTo(token);
        assertThat(SignedJWT.parse(fresh).getJWTClaimsSet().getSubject()).isEqualTo(ServerFixture.OPERATOR);
        assertThat(SignedJWT.parse(fresh).getJWTClaimsSet().getStringClaim("role")).isEqualTo("operator");
        assertThat(fx.get("/api/v1/spacecraft", fresh).status()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(401);
    }

    @Test
    void wrongPasswordAndUnknownUserAreRefusedWith401InTheErrorShape() {
        // when
        ServerFixture.Reply wrong = fx.post("/auth/token",
                Map.of("username", ServerFixture.VIEWER, "password", "not the password"), null);
        ServerFixture.Reply unknown = fx.post("/auth/token",
                Map.of("username", "nobody", "password", ServerFixture.USER_PASSWORD), null);
        // then
        for (ServerFixture.Reply r : new ServerFixture.Reply[] {wrong, unknown}) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().at("/error/code").asText()).isEqualTo("INVALID_CREDENTIALS");
            assertThat(r.json().has("access_token")).isFalse();
            ContractValidator.assertConforms(Method.POST, "/auth/token", r);
        }
    }

    @Test
    void loginWithoutPasswordIs400NamingTheField() {
        // when
        ServerFixture.Reply r = fx.post("/auth/token", Map.of("username", ServerFixture.VIEWER), null);
        // then
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/details/field").asText()).isEqualTo("password");
    }

    @Test
    void passwordLongerThanBcryptReadsIs400NotAServerError() {
        // given 73 bytes: bcrypt reads only 72, so such a password cannot be checked faithfully
        String tooLong = "p".repeat(UserStore.MAX_PASSWORD_BYTES + 1);
        // when
        ServerFixture.Reply r = fx.post("/auth/token", Map.of("username", "admin", "password", tooLong), null);
        // then
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/error/details/field").asText()).isEqualTo("password");
    }

    @Test
    void missingTokenIsRefusedWith401() {
        // when
        ServerFixture.Reply r = fx.get("/api/v1/spacecraft", null);
        // then
        assertThat(r.status()).isEqualTo(401);
        ContractValidator.assertConforms(Method.GET, "/api/v1/spacecraft", r);
    }

    @Test
    void tokenWithAPayloadChangedToAdminIsRefusedWith401() {
        // given a viewer's real token whose payload is rewritten to claim the admin role
        String token = fx.token(ServerFixture.VIEWER, ServerFixture.USER_PASSWORD);
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"role\":\"viewer\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"role\":\"viewer\"", "\"role\":\"admin\"").getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        // when
        ServerFixture.Reply r = fx.get("/api/v1/spacecraft", forged);
        // then
        assertThat(r.status()).isEqualTo(401);
        assertThat(fx.get("/api/v1/spacecraft", token).status()).isEqualTo(200);
    }

    @Test
    void expiredTokenSignedByTheServersOwnKeyIsRefusedWith401() {
        // given a token the server's own key signed two hours ago, valid for one hour
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String expired = new TokenService(fx.server.keys(), twoHoursAgo, Duration.ofHours(1))
                .issue(new Principal("admin", Role.ADMIN));
        // when
        ServerFixture.Reply r = fx.get("/api/v1/spacecraft", expired);
        // then
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().at("/error/message").asText()).contains("expired");
    }

    @Test
    void tokenSignedByAnUnknownKeyIsRefusedWith401EvenWhenItReusesTheServersKid() throws Exception {
        // given two tokens from a key the server never made: one with its own kid, one claiming the server's kid
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("stranger").generate();
        String ownKid = sign(stranger, "stranger");
        String stolenKid = sign(stranger, fx.server.keys().active().getKeyID());
        // when / then
        ServerFixture.Reply unknownKid = fx.get("/api/v1/spacecraft", ownKid);
        ServerFixture.Reply badSignature = fx.get("/api/v1/spacecraft", stolenKid);
        assertThat(unknownKid.status()).isEqualTo(401);
        assertThat(unknownKid.json().at("/error/message").asText()).contains("unknown or retired key");
        assertThat(badSignature.status()).isEqualTo(401);
        assertThat(badSignature.json().at("/error/message").asText()).contains("signature");
    }

    @Test
    void unsignedAlgNoneTokenIsRefusedWith401() {
        // given a well-formed JWT with "alg":"none" and admin claims, and no signature
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long exp = Instant.now().plus(Duration.ofHours(1)).getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + TokenService.ISSUER + "\",\"sub\":\"admin\","
                + "\"role\":\"admin\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8));
        // when
        ServerFixture.Reply r = fx.get("/api/v1/spacecraft", header + "." + claims + ".");
        // then
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().at("/error/message").asText()).contains("not a signed JWT");
    }

    @Test
    void viewerCreatingASpacecraftIsRefusedWith403AndNothingIsCreated() {
        // given
        String viewer = fx.token(ServerFixture.VIEWER, ServerFixture.USER_PASSWORD);
        Map<String, Object> body = Map.of("name", "Viewer Sat", "norad_id", 90001, "status", "active",
                "orbit_type", "LEO");
        // when
        ServerFixture.Reply r = fx.post("/api/v1/spacecraft", body, viewer);
        // then
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().at("/error/code").asText()).isEqualTo("FORBIDDEN");
        ContractValidator.assertConforms(Method.POST, "/api/v1/spacecraft", r);
        assertThat(fx.get("/api/v1/spacecraft", viewer).json().at("/meta/total").asLong()).isZero();
    }

    @Test
    void onlyHealthSignInAndMetricsArePublicAndNoApiWriteAdmitsViewers() {
        // then: the only public routes are health, sign-in and metrics; every other route names its roles
        assertThat(fx.server.routes().table())
                .filteredOn(route -> route.access().isPublic())
                .extracting(ApiRoutes.Route::path)
                .containsExactlyInAnyOrder("/health", "/auth/token", "/metrics");
        assertThat(fx.server.routes().table())
                .filteredOn(route -> route.path().startsWith("/admin/"))
                .allSatisfy(route -> assertThat(route.access().allows(Role.OPERATOR)).isFalse());
        assertThat(fx.server.routes().table())
                .filteredOn(route -> !route.method().equals("GET") && route.path().startsWith("/api/"))
                .allSatisfy(route -> assertThat(route.access().allows(Role.VIEWER)).isFalse());
    }

    @Test
    void refusedRequestsAndSignInsAreAuditedWithoutThePassword() {
        // given three refusals, each with its own request id
        fx.send(HttpRequest.newBuilder(fx.uri("/api/v1/spacecraft")).header(ApiRoutes.REQUEST_ID, "audit-401")
                .GET(), null);
        String viewer = fx.token(ServerFixture.VIEWER, ServerFixture.USER_PASSWORD);
        fx.send(HttpRequest.newBuilder(fx.uri("/api/v1/spacecraft")).header(ApiRoutes.REQUEST_ID, "audit-403")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")), viewer);
        fx.send(HttpRequest.newBuilder(fx.uri("/auth/token")).header(ApiRoutes.REQUEST_ID, "audit-login")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"vera.viewer\",\"password\":\"guessed-secret-9\"}")), null);
        // when
        String admin = fx.token("admin", ServerFixture.ADMIN_PASSWORD);
        ServerFixture.Reply audit = fx.get("/admin/v1/audit?limit=1000", admin);
        ServerFixture.Reply asViewer = fx.get("/admin/v1/audit", viewer);
        // then
        assertThat(audit.status()).isEqualTo(200);
        ContractValidator.assertConforms(Method.GET, "/admin/v1/audit", audit);
        assertThat(audit.json().get("data")).anySatisfy(e -> {
            assertThat(e.get("request_id").asText()).isEqualTo("audit-401");
            assertThat(e.get("status").asInt()).isEqualTo(401);
        });
        assertThat(audit.json().get("data")).anySatisfy(e -> {
            assertThat(e.get("request_id").asText()).isEqualTo("audit-403");
            assertThat(e.get("status").asInt()).isEqualTo(403);
            assertThat(e.get("username").asText()).isEqualTo(ServerFixture.VIEWER);
            assertThat(e.get("action").asText()).isEqualTo("POST /api/v1/spacecraft");
        });
        assertThat(audit.json().get("data")).anySatisfy(e -> {
            assertThat(e.get("request_id").asText()).isEqualTo("audit-login");
            assertThat(e.get("status").asInt()).isEqualTo(401);
        });
        assertThat(audit.body()).doesNotContain("guessed-secret-9").doesNotContain(ServerFixture.ADMIN_PASSWORD)
                .doesNotContain(viewer);
        assertThat(asViewer.status()).isEqualTo(403);
    }

    @Test
    void anAdminIssuedViewerApiKeyReadsButMayNotWriteAndAWrongKeyIsRefused() {
        // given
        String admin = fx.token("admin", ServerFixture.ADMIN_PASSWORD);
        ServerFixture.Reply created = fx.post("/admin/v1/api-keys", Map.of("name", "ground-station-feed",
                "role", "viewer"), admin);
        String key = created.json().get("api_key").asText();
        // when
        ServerFixture.Reply read = fx.send(HttpRequest.newBuilder(fx.uri("/api/v1/spacecraft"))
                .header("X-API-Key", key).GET(), null);
        ServerFixture.Reply write = fx.send(HttpRequest.newBuilder(fx.uri("/api/v1/spacecraft"))
                .header("X-API-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"K\",\"norad_id\":90077,\"status\":\"active\",\"orbit_type\":\"LEO\"}")), null);
        ServerFixture.Reply wrong = fx.send(HttpRequest.newBuilder(fx.uri("/api/v1/spacecraft"))
                .header("X-API-Key", key.substring(0, key.length() - 2) + "xx").GET(), null);
        ServerFixture.Reply byOperator = fx.post("/admin/v1/api-keys", Map.of("name", "sneaky", "role", "admin"),
                fx.token(ServerFixture.OPERATOR, ServerFixture.USER_PASSWORD));
        // then
        assertThat(created.status()).isEqualTo(201);
        assertThat(key).startsWith("ask_").hasSizeGreaterThan(40);
        assertThat(read.status()).isEqualTo(200);
        assertThat(write.status()).isEqualTo(403);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(byOperator.status()).isEqualTo(403);
    }

    @Test
    void operatorReadingTheSupervisorsAuditLogIsRefusedWith403() {
        // given
        String operator = fx.token(ServerFixture.OPERATOR, ServerFixture.USER_PASSWORD);
        // when
        ServerFixture.Reply r = fx.get("/admin/v1/audit", operator);
        // then
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().at("/error/message").asText()).contains("operator");
    }

    private static String sign(ECKey key, String kid) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(TokenService.ISSUER).subject("admin")
                .claim("role", "admin").expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1)))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }
}
