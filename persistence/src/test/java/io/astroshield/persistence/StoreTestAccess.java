package io.astroshield.persistence;

import io.astroshield.persistence.jdbc.Jdbc;

import java.sql.SQLException;
import java.sql.Statement;

/** For tests in other packages: SQL typed by hand in one write transaction of a store (DDL, tampering). */
public final class StoreTestAccess {

    private StoreTestAccess() {
    }

    public static void execute(Store store, String sql) {
        store.write(tx -> {
            try (Statement s = tx.connection().createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw Jdbc.wrap("Running " + sql, e);
            }
            return null;
        });
    }
}
