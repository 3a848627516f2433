package io.astroshield.persistence.workspace;

import io.astroshield.persistence.jdbc.Jdbc;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/** Saved layouts (table {@code saved_layout}), by name. */
public final class LayoutRepository {

    private static final String UPSERT = """
            MERGE INTO saved_layout (name, monitor_count, layout_json, updated_at) KEY (name) VALUES (?, ?, ?, ?)
            """;

    private static final String FIND = "SELECT name, monitor_count, layout_json, updated_at FROM saved_layout WHERE name = ?";

    private static final String NAMES = "SELECT name FROM saved_layout ORDER BY name";

    private static final String DELETE = "DELETE FROM saved_layout WHERE name = ?";

    private final Connection c;

    public LayoutRepository(Connection c) {
        this.c = c;
    }

    public void save(LayoutRow l) {
        Jdbc.update(c, "Saving layout " + l.name(), UPSERT, ps -> {
            ps.setString(1, l.name());
            ps.setInt(2, l.monitorCount());
            ps.setString(3, l.layoutJson());
            Jdbc.setInstant(ps, 4, l.updatedAt());
        });
    }

    public Optional<LayoutRow> find(String name) {
        return Jdbc.one(c, "Reading layout " + name, FIND, ps -> ps.setString(1, name), rs -> new LayoutRow(
                rs.getString("name"), rs.getInt("monitor_count"), rs.getString("layout_json"),
                Jdbc.instant(rs, "updated_at")));
    }

    public List<String> names() {
        return Jdbc.list(c, "Listing layouts", NAMES, Jdbc.NO_PARAMETERS, rs -> rs.getString(1));
    }

    /** Removes a layout; returns false when there was none of that name. */
    public boolean delete(String name) {
        return Jdbc.update(c, "Removing layout " + name, DELETE, ps -> ps.setString(1, name)) == 1;
    }
}
