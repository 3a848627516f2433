package io.astroshield.persistence.jdbc;

import io.astroshield.persistence.StoreError;
import io.astroshield.persistence.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The few JDBC moves the repositories make, each wrapping {@link SQLException} once into a
 * {@link StoreException} that says what was being done. Repositories keep their SQL as text
 * constants next to the method that runs it; this class only binds, runs and maps.
 * <p>
 * Instants are stored as {@code TIMESTAMP(9) WITH TIME ZONE} in UTC, so SQL written by hand
 * reads them as times and nanoseconds survive the round trip.
 */
public final class Jdbc {

    /** Binds the parameters of one statement. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Binds the parameters of one statement of a batch for one item. */
    @FunctionalInterface
    public interface ItemBinder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    /** Maps the current row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A binder for statements without parameters. */
    public static final Binder NO_PARAMETERS = ps -> { };

    private Jdbc() {
    }

    /** Runs an INSERT, UPDATE, DELETE or MERGE and returns the affected row count. */
    public static int update(Connection c, String what, String sql, Binder binder) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw wrap(what, e);
        }
    }

    /** Runs an INSERT and returns the key the database generated for the row. */
    public static long insert(Connection c, String what, String sql, Binder binder) {
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            binder.bind(ps);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new StoreException(StoreError.SQL, what + ": the database returned no generated key");
                }
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw wrap(what, e);
        }
    }

    /** Runs one statement per item in JDBC batches of {@code batchSize}; returns the row count per item. */
    public static <T> int[] batch(Connection c, String what, String sql, Collection<T> items, int batchSize,
                                  ItemBinder<T> binder) {
        int[] counts = new int[items.size()];
        if (items.isEmpty()) {
            return counts;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int pending = 0;
            int done = 0;
            for (T item : items) {
                binder.bind(ps, item);
                ps.addBatch();
                if (++pending == batchSize) {
                    int[] part = ps.executeBatch();
                    System.arraycopy(part, 0, counts, done, part.length);
                    done += part.length;
                    pending = 0;
                }
            }
            if (pending > 0) {
                int[] part = ps.executeBatch();
                System.arraycopy(part, 0, counts, done, part.length);
            }
            return counts;
        } catch (SQLException e) {
            throw wrap(what, e);
        }
    }

    /** Runs a query and maps every row. */
    public static <T> List<T> list(Connection c, String what, String sql, Binder binder, RowMapper<T> mapper) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw wrap(what, e);
        }
    }

    /** Runs a query that returns at most one row. */
    public static <T> Optional<T> one(Connection c, String what, String sql, Binder binder, RowMapper<T> mapper) {
        List<T> rows = list(c, what, sql, binder, mapper);
        if (rows.size() > 1) {
            throw new StoreException(StoreError.SQL, what + ": expected at most one row, got " + rows.size());
        }
        return rows.stream().findFirst();
    }

    /** Runs a query whose first column of its one row is a number. */
    public static long count(Connection c, String what, String sql, Binder binder) {
        return one(c, what, sql, binder, rs -> rs.getLong(1)).orElse(0L);
    }

    /** Wraps a JDBC failure once, with what was being done. */
    public static StoreException wrap(String what, SQLException e) {
        String state = e.getSQLState();
        StoreError error = state != null && state.startsWith("23505") ? StoreError.CONFLICT : StoreError.SQL;
        return new StoreException(error, what + ": " + e.getMessage(), e);
    }

    // ---- values -------------------------------------------------------------------------

    public static void setInstant(PreparedStatement ps, int index, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(t, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    public static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    public static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    public static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static void setDoubles(PreparedStatement ps, int index, double[] values) throws SQLException {
        if (values == null) {
            ps.setNull(index, Types.ARRAY);
        } else {
            Double[] boxed = new Double[values.length];
            for (int i = 0; i < values.length; i++) {
                boxed[i] = values[i];
            }
            ps.setArray(index, ps.getConnection().createArrayOf("DOUBLE PRECISION", boxed));
        }
    }

    public static double[] doubles(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = ((Number) values[i]).doubleValue();
        }
        return result;
    }
}
