package io.astroshield.sync.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and verifies bearer tokens: ES256-signed JWTs with a {@code kid} header, issuer, subject, a
 * {@code role} claim and an expiry. Verification accepts nothing else: no other algorithm (so no {@code none}),
 * no unknown key id, no bad signature, no expired or not-yet-valid token, no unknown role.
 */
public final class TokenService {
    public static final String ISSUER = "astroshield-reference-server";
    public static final String ROLE_CLAIM = "role";

    /** Bound of {@link #verified}; reached, the cache starts again empty (a token costs one more verification). */
    static final int MAX_CACHED = 10_000;

    /** What a verified token proves and until when; re-checked against the clock and the key at every use. */
    private record Verified(Principal principal, String kid, Instant notBefore, Instant expires) {
    }

    private final SigningKeys keys;
    private final Clock clock;
    private final Duration lifetime;
    /**
     * Tokens whose signature and claims were verified, by their exact text: an ES256 verification costs about a
     * millisecond of CPU (the JDK's P-256), which dominated the cost of a read. Any change to a token makes another
     * text, which is verified in full.
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    public TokenService(SigningKeys keys, Clock clock, Duration lifetime) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime: " + lifetime);
        }
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** A signed token for this principal, valid from now for {@link #lifetime()}. */
    public String issue(Principal principal) {
        Instant now = clock.instant();
        ECKey key = keys.active();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(principal.username())
                .claim(ROLE_CLAIM, principal.role().wireName())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with key " + key.getKeyID(), e);
        }
        return jwt.serialize();
    }

    /** The principal a token proves, or {@link ApiException} 401 saying (without the token) why not. */
    public Principal verify(String token) {
        Verified known = verified.get(token);
        if (known != null) {
            Instant now = clock.instant();
            if (!now.isBefore(known.notBefore()) && now.isBefore(known.expires())
                    && keys.find(known.kid()).isPresent()) {
                return known.principal();
            }
            // expired, not yet valid or its key retired: the full path below says which
            verified.remove(token);
        }
        if (verified.size() >= MAX_CACHED) {
            verified.clear();
        }
        return verifyInFull(token);
    }

    private Principal verifyInFull(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw ApiException.unauthorized("The bearer token is not a signed JWT");
        }
        if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
            throw ApiException.unauthorized("The bearer token's algorithm is not accepted");
        }
        ECKey key = keys.find(jwt.getHeader().getKeyID())
                .orElseThrow(() -> ApiException.unauthorized("The bearer token is signed by an unknown or retired key"));
        try {
            if (!jwt.verify(new ECDSAVerifier(key.toECPublicKey()))) {
                throw ApiException.unauthorized("The bearer token's signature is not valid");
            }
        } catch (JOSEException e) {
            throw ApiException.unauthorized("The bearer token's signature is not valid");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw ApiException.unauthorized("The bearer token's claims are not readable");
        }
        Instant now = clock.instant();
        if (!ISSUER.equals(claims.getIssuer()) || claims.getSubject() == null) {
            throw ApiException.unauthorized("The bearer token was not issued by this server");
        }
        if (claims.getExpirationTime() == null || !now.isBefore(claims.getExpirationTime().toInstant())) {
            throw ApiException.unauthorized("The bearer token has expired");
        }
        if (claims.getNotBeforeTime() != null && now.isBefore(claims.getNotBeforeTime().toInstant())) {
            throw ApiException.unauthorized("The bearer token is not valid yet");
        }
        Object role = claims.getClaim(ROLE_CLAIM);
        Role parsed = role instanceof String s ? Role.fromWireName(s).orElse(null) : null;
        if (parsed == null) {
            throw ApiException.unauthorized("The bearer token carries no known role");
        }
        Principal principal = new Principal(claims.getSubject(), parsed);
        verified.put(token, new Verified(principal, key.getKeyID(),
                claims.getNotBeforeTime() == null ? Instant.MIN : claims.getNotBeforeTime().toInstant(),
                claims.getExpirationTime().toInstant()));
        return principal;
    }
}
