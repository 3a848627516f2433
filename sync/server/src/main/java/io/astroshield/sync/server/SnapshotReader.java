package io.astroshield.sync.server;

import io.astroshield.sync.protocol.Conjunction;
import io.astroshield.sync.protocol.Snapshot;
import io.astroshield.sync.protocol.Spacecraft;
import io.astroshield.sync.protocol.TelemetryData;
import io.javalin.http.Context;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /sync/v1/snapshot}: every synced entity read in one consistent snapshot with the change-log position
 * it equals; with {@code limit}, in pages of at most that many entities (spacecraft by id, then conjunctions, then
 * the newest telemetry samples), each page read in its own snapshot and named by {@code after=entity:id}.
 */
final class SnapshotReader {
    static final int MAX_PAGE = 5000;
    private static final Pattern AFTER = Pattern.compile("(spacecraft|conjunction|telemetry):(\\d{1,18})");
    private static final List<String> ORDER = List.of("spacecraft", "conjunction", "telemetry");

    private final DataSource db;
    private final SpacecraftRepository spacecraft;
    private final ConjunctionRepository conjunctions;
    private final TelemetryRepository telemetry;
    private final ChangeLog changes;

    SnapshotReader(DataSource db, SpacecraftRepository spacecraft, ConjunctionRepository conjunctions,
                   TelemetryRepository telemetry, ChangeLog changes) {
        this.db = db;
        this.spacecraft = spacecraft;
        this.conjunctions = conjunctions;
        this.telemetry = telemetry;
        this.changes = changes;
    }

    void snapshot(Context ctx) {
        String after = ctx.queryParam("after");
        if (ctx.queryParam("limit") == null) {
            Params.require(after == null, "limit", "is required with after");
            ctx.json(Transactions.inSnapshot(db, "reading a snapshot", c -> new Snapshot(changes.position(c),
                    spacecraft.all(c), conjunctions.page(c, 0, Integer.MAX_VALUE),
                    telemetry.latestPage(c, 0, Integer.MAX_VALUE), null)));
            return;
        }
        int limit = Params.intQuery(ctx, "limit", MAX_PAGE, 1, MAX_PAGE);
        int segment = 0;
        long afterId = 0;
        if (after != null) {
            Matcher m = AFTER.matcher(after);
            Params.require(m.matches(), "after", "must be the next value of the previous page");
            segment = ORDER.indexOf(m.group(1));
            afterId = Long.parseLong(m.group(2));
        }
        int first = segment;
        long from = afterId;
        ctx.json(Transactions.inSnapshot(db, "reading a snapshot page", c -> page(c, first, from, limit)));
    }

    private Snapshot page(Connection c, int segment, long afterId, int limit) throws SQLException {
        List<Spacecraft> sc = new ArrayList<>();
        List<Conjunction> cj = new ArrayList<>();
        List<TelemetryData> tm = new ArrayList<>();
        int room = limit;
        String next = null;
        for (int s = segment; s < ORDER.size() && next == null; s++) {
            long from = s == segment ? afterId : 0;
            long last;
            int got;
            switch (ORDER.get(s)) {
                case "spacecraft" -> {
                    List<Spacecraft> rows = spacecraft.page(c, from, room);
                    sc.addAll(rows);
                    got = rows.size();
                    last = got == 0 ? from : rows.get(got - 1).id();
                }
                case "conjunction" -> {
                    List<Conjunction> rows = conjunctions.page(c, from, room);
                    cj.addAll(rows);
                    got = rows.size();
                    last = got == 0 ? from : rows.get(got - 1).id();
                }
                default -> {
                    List<TelemetryData> rows = telemetry.latestPage(c, from, room);
                    tm.addAll(rows);
                    got = rows.size();
                    last = got == 0 ? from : rows.get(got - 1).id();
                }
            }
            room -= got;
            if (room == 0) {
                next = ORDER.get(s) + ":" + last;
            }
        }
        return new Snapshot(changes.position(c), sc, cj, tm, next);
    }
}
