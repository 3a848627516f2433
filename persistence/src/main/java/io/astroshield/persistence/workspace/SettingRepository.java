package io.astroshield.persistence.workspace;

import io.astroshield.persistence.StoreError;
import io.astroshield.persistence.StoreException;
import io.astroshield.persistence.jdbc.Jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Settings (table {@code setting}), each with a version that every change increments. */
public final class SettingRepository {

    private static final String SELECT = "SELECT scope, setting_key, setting_value, version, updated_at FROM setting ";

    private static final String INSERT = """
            INSERT INTO setting (scope, setting_key, setting_value, version, updated_at) VALUES (?, ?, ?, 1, ?)
            """;

    private static final String UPDATE = """
            UPDATE setting SET setting_value = ?, version = version + 1, updated_at = ?
            WHERE scope = ? AND setting_key = ?
            """;

    private static final String UPDATE_IF_VERSION = """
            UPDATE setting SET setting_value = ?, version = version + 1, updated_at = ?
            WHERE scope = ? AND setting_key = ? AND version = ?
            """;

    private final Connection c;

    public SettingRepository(Connection c) {
        this.c = c;
    }

    public Optional<StoredSetting> get(SettingScope scope, String key) {
        return Jdbc.one(c, "Reading setting " + key, SELECT + "WHERE scope = ? AND setting_key = ?", ps -> {
            ps.setString(1, scope.name());
            ps.setString(2, key);
        }, SettingRepository::map);
    }

    public List<StoredSetting> all(SettingScope scope) {
        return Jdbc.list(c, "Reading settings", SELECT + "WHERE scope = ? ORDER BY setting_key",
                ps -> ps.setString(1, scope.name()), SettingRepository::map);
    }

    /** Sets a value whatever its version (last writer wins); returns the new version. */
    public long put(SettingScope scope, String key, String value, Instant at) {
        int n = Jdbc.update(c, "Changing setting " + key, UPDATE, ps -> {
            ps.setString(1, value);
            Jdbc.setInstant(ps, 2, at);
            ps.setString(3, scope.name());
            ps.setString(4, key);
        });
        if (n == 0) {
            Jdbc.update(c, "Storing setting " + key, INSERT, ps -> {
                ps.setString(1, scope.name());
                ps.setString(2, key);
                ps.setString(3, value);
                Jdbc.setInstant(ps, 4, at);
            });
        }
        return get(scope, key).orElseThrow().version();
    }

    /**
     * Sets a value only if it is still at {@code expectedVersion} (0: only if absent); returns the new
     * version, or throws {@link StoreError#CONFLICT}.
     */
    public long putIfVersion(SettingScope scope, String key, String value, long expectedVersion, Instant at) {
        if (expectedVersion == 0) {
            if (get(scope, key).isPresent()) {
                throw new StoreException(StoreError.CONFLICT, "Setting " + key + " exists already");
            }
            Jdbc.update(c, "Storing setting " + key, INSERT, ps -> {
                ps.setString(1, scope.name());
                ps.setString(2, key);
                ps.setString(3, value);
                Jdbc.setInstant(ps, 4, at);
            });
            return 1;
        }
        int n = Jdbc.update(c, "Changing setting " + key, UPDATE_IF_VERSION, ps -> {
            ps.setString(1, value);
            Jdbc.setInstant(ps, 2, at);
            ps.setString(3, scope.name());
            ps.setString(4, key);
            ps.setLong(5, expectedVersion);
        });
        if (n != 1) {
            throw new StoreException(StoreError.CONFLICT, "Setting " + key + " is no longer at version "
                    + expectedVersion);
        }
        return expectedVersion + 1;
    }

    private static StoredSetting map(ResultSet rs) throws SQLException {
        return new StoredSetting(SettingScope.valueOf(rs.getString("scope")), rs.getString("setting_key"),
                rs.getString("setting_value"), rs.getLong("version"), Jdbc.instant(rs, "updated_at"));
    }
}
