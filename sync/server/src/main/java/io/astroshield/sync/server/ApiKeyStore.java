package io.astroshield.sync.server;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Service API keys in {@code api_key}; a key authenticates as principal {@code key:<name>} with its role. */
final class ApiKeyStore {
    static final String PRINCIPAL_PREFIX = "key:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource db;
    private final Clock clock;

    ApiKeyStore(DataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A new key for {@code name}; the plain key is returned once and never stored. Empty when the name is taken. */
    Optional<String> create(String name, Role role, String createdBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = "ask_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String sql = "INSERT INTO api_key (name, key_sha256, role, created_by, created_at) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (name) DO NOTHING";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            ps.setString(2, sha256(key));
            ps.setString(3, role.wireName());
            ps.setString(4, createdBy);
            SpacecraftRepository.setInstant(ps, 5, clock.instant());
            return ps.executeUpdate() == 1 ? Optional.of(key) : Optional.empty();
        } catch (SQLException e) {
            throw new DatabaseException("creating API key " + name, e);
        }
    }

    /** The principal of an unrevoked key, empty for any other string. */
    Optional<Principal> authenticate(String key) {
        if (key == null || key.length() > 200) {
            return Optional.empty();
        }
        String sql = "SELECT name, role FROM api_key WHERE key_sha256 = ? AND revoked_at IS NULL";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, sha256(key));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String name = rs.getString(1);
                return Role.fromWireName(rs.getString(2)).map(r -> new Principal(PRINCIPAL_PREFIX + name, r));
            }
        } catch (SQLException e) {
            throw new DatabaseException("checking an API key", e);
        }
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
