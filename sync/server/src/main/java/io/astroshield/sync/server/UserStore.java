package io.astroshield.sync.server;

import at.favre.lib.crypto.bcrypt.BCrypt;

import javax.sql.DataSource;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/** Accounts in {@code app_user}: bcrypt-hashed passwords, one role each. */
public final class UserStore {
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently truncated. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final DataSource db;
    private final int bcryptCost;
    /** Checked when the user does not exist, so an unknown name costs the same time as a wrong password. */
    private final byte[] decoyHash;

    public UserStore(DataSource db, int bcryptCost) {
        this.db = Objects.requireNonNull(db, "db");
        if (bcryptCost < 10 || bcryptCost > 31) {
            throw new IllegalArgumentException("bcryptCost must be 10..31: " + bcryptCost);
        }
        this.bcryptCost = bcryptCost;
        this.decoyHash = BCrypt.withDefaults().hash(bcryptCost, "decoy-password".toCharArray());
    }

    /** Creates the account; false when the name is taken. */
    public boolean create(String username, char[] password, Role role) {
        if (!fitsBcrypt(password)) {
            throw new IllegalArgumentException("a password may have at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8)");
        }
        String hash = new String(BCrypt.withDefaults().hash(bcryptCost, password), StandardCharsets.US_ASCII);
        String sql = "INSERT INTO app_user (username, password_hash, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, username);
            ps.setString(2, hash);
            ps.setString(3, role.wireName());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new DatabaseException("creating user " + username, e);
        }
    }

    /** Whether bcrypt can hash this password without truncating it. */
    public static boolean fitsBcrypt(char[] password) {
        return StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)).remaining() <= MAX_PASSWORD_BYTES;
    }

    /** The account's role now, empty when the account no longer exists. */
    public Optional<Role> currentRole(String username) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT role FROM app_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Role.fromWireName(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DatabaseException("reading the role of " + username, e);
        }
    }

    public boolean exists(String username) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM app_user WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new DatabaseException("looking up user " + username, e);
        }
    }

    /** The principal when the password matches, empty otherwise (unknown user or wrong password alike). */
    public Optional<Principal> authenticate(String username, char[] password) {
        if (!fitsBcrypt(password)) {
            return Optional.empty();
        }
        String sql = "SELECT password_hash, role FROM app_user WHERE username = ?";
        String hash = null;
        String role = null;
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    hash = rs.getString(1);
                    role = rs.getString(2);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("reading user " + username, e);
        }
        if (hash == null) {
            BCrypt.verifyer().verify(password, decoyHash);
            return Optional.empty();
        }
        if (!BCrypt.verifyer().verify(password, hash.getBytes(StandardCharsets.US_ASCII)).verified) {
            return Optional.empty();
        }
        return Role.fromWireName(role).map(r -> new Principal(username, r));
    }
}
