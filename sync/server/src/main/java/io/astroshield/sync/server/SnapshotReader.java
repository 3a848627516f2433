package io.astroshield.sync.server;

import io.astroshield.sync.protocol.AlarmRecord;
import io.astroshield.sync.protocol.Conjunction;
import io.astroshield.sync.protocol.ConjunctionDisposition;
import io.astroshield.sync.protocol.ConjunctionNote;
import io.astroshield.sync.protocol.Json;
import io.astroshield.sync.protocol.Snapshot;
import io.astroshield.sync.protocol.Spacecraft;
import io.astroshield.sync.protocol.TelemetryData;
import io.javalin.http.Context;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /sync/v1/snapshot}: every synced entity read in one consistent snapshot with the change-log position
 * it equals; with {@code limit}, in pages of at most that many entities (spacecraft by id, then conjunctions,
 * conjunction notes, conjunction dispositions by conjunction id, shared alarms, then the newest telemetry samples), each page read
 * in its own snapshot and named by {@code after=entity:id}.
 */
final class SnapshotReader {
    static final int MAX_PAGE = 5000;
    private static final List<String> ORDER = List.of("spacecraft", "conjunction", "conjunction_note",
            "conjunction_disposition", "alarm", "telemetry");
    private static final Pattern AFTER = Pattern.compile("(" + String.join("|", ORDER) + "):(\\d{1,18})");

    private final DataSource db;
    private final SpacecraftRepository spacecraft;
    private final ConjunctionRepository conjunctions;
    private final ConjunctionWorkflow workflow;
    private final TelemetryRepository telemetry;
    private final SharedAlarmRepository alarms = new SharedAlarmRepository(Json.newMapper());
    private final ChangeLog changes;

    SnapshotReader(DataSource db, SpacecraftRepository spacecraft, ConjunctionRepository conjunctions,
                   ConjunctionWorkflow workflow, TelemetryRepository telemetry, ChangeLog changes) {
        this.db = db;
        this.spacecraft = spacecraft;
        this.conjunctions = conjunctions;
        this.workflow = workflow;
        this.telemetry = telemetry;
        this.changes = changes;
    }

    void snapshot(Context ctx) {
        String after = ctx.queryParam("after");
        if (ctx.queryParam("limit") == null) {
            Params.require(after == null, "limit", "is required with after");
            ctx.json(Transactions.inSnapshot(db, "reading a snapshot", c -> page(c, 0, 0, Integer.MAX_VALUE)));
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

    /** Up to {@code limit} entities from segment {@code segment}'s id {@code afterId} on; {@code next} when full. */
    private Snapshot page(Connection c, int segment, long afterId, int limit) throws SQLException {
        List<Spacecraft> sc = new ArrayList<>();
        List<Conjunction> cj = new ArrayList<>();
        List<ConjunctionNote> notes = new ArrayList<>();
        List<ConjunctionDisposition> dispositions = new ArrayList<>();
        List<AlarmRecord> shared = new ArrayList<>();
        List<TelemetryData> tm = new ArrayList<>();
        int room = limit;
        String next = null;
        for (int s = segment; s < ORDER.size() && next == null; s++) {
            long from = s == segment ? afterId : 0;
            int before = sc.size() + cj.size() + notes.size() + dispositions.size() + shared.size() + tm.size();
            long last = switch (ORDER.get(s)) {
                case "spacecraft" -> take(spacecraft.page(c, from, room), sc, Spacecraft::id, from);
                case "conjunction" -> take(conjunctions.page(c, from, room), cj, Conjunction::id, from);
                case "conjunction_note" -> take(workflow.notesPage(c, from, room), notes, ConjunctionNote::id, from);
                case "conjunction_disposition" -> take(workflow.dispositionsPage(c, from, room), dispositions,
                        ConjunctionDisposition::conjunctionId, from);
                case "alarm" -> take(alarms.page(c, from, room), shared, AlarmRecord::id, from);
                default -> take(telemetry.latestPage(c, from, room), tm, TelemetryData::id, from);
            };
            room -= sc.size() + cj.size() + notes.size() + dispositions.size() + shared.size() + tm.size() - before;
            if (room == 0) {
                next = ORDER.get(s) + ":" + last;
            }
        }
        return new Snapshot(changes.position(c), sc, cj, tm, notes, dispositions, shared, next);
    }

    /** Adds {@code rows} to {@code into}; returns the last row's id, {@code from} when there is none. */
    private static <T> long take(List<T> rows, List<T> into, ToLongFunction<T> id, long from) {
        into.addAll(rows);
        return rows.isEmpty() ? from : id.applyAsLong(rows.get(rows.size() - 1));
    }
}
