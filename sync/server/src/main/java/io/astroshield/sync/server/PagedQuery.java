package io.astroshield.sync.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.astroshield.sync.server.SpacecraftRepository.setInstant;

/**
 * The published lists' paging: how many rows a filtered query matches, and one page of them. The filter is a
 * fixed SQL fragment with {@code ?} placeholders; its values are bound, never spliced.
 */
final class PagedQuery {
    /** Reads one row of a result. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private PagedQuery() {
    }

    /** Page {@code page} (1-based) of {@code limit} rows of {@code SELECT columns FROM table where ORDER BY ...}. */
    static <T> Page<T> run(Connection c, String table, String columns, String where, List<Object> args,
                           String orderBy, int page, int limit, Row<T> row) throws SQLException {
        return run(c, table, columns, where, args, orderBy, page, limit, row, Long.MAX_VALUE);
    }

    /**
     * As {@link #run(Connection, String, String, String, List, String, int, int, Row)}, but the total counts at
     * most {@code countCap} rows: counting millions of rows on every request costs a scan of them all.
     */
    static <T> Page<T> run(Connection c, String table, String columns, String where, List<Object> args,
                           String orderBy, int page, int limit, Row<T> row, long countCap) throws SQLException {
        long total;
        String count = countCap == Long.MAX_VALUE ? "SELECT count(*) FROM " + table + where
                : "SELECT count(*) FROM (SELECT 1 FROM " + table + where + " LIMIT " + countCap + ") capped";
        try (PreparedStatement ps = c.prepareStatement(count)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
        }
        List<T> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM " + table + where
                + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?")) {
            int next = bind(ps, args);
            ps.setInt(next++, limit);
            ps.setLong(next, (long) (page - 1) * limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
        }
        return new Page<>(rows, total);
    }

    /** Binds {@code args} in order from index 1 (instants as UTC timestamps); returns the next free index. */
    static int bind(PreparedStatement ps, List<Object> args) throws SQLException {
        int i = 1;
        for (Object a : args) {
            if (a instanceof Instant t) {
                setInstant(ps, i++, t);
            } else {
                ps.setObject(i++, a);
            }
        }
        return i;
    }
}
