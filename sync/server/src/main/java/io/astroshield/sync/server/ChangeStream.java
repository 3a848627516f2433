package io.astroshield.sync.server;

import com.zaxxer.hikari.HikariDataSource;
import io.javalin.http.Handler;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /sync/v1/stream}: tells connected clients the change log's head as soon as it moves, so that they pull
 * at once instead of polling. One watcher thread, alive only while someone listens, reads the head every
 * {@link #POLL_MS} ms (one indexed query whatever the number of listeners) and sends an event {@code head} with
 * {@code {"seq":N}} to every listener when it grew, and a comment as a heartbeat every {@link #HEARTBEAT_MS} ms
 * so that proxies keep the connection and dead listeners are found.
 */
final class ChangeStream {
    static final long POLL_MS = 100;
    static final long HEARTBEAT_MS = 15_000;
    private static final Logger LOG = LoggerFactory.getLogger(ChangeStream.class);

    private final DataSource db;
    private final ChangeLog changes;
    private final Set<SseClient> listeners = ConcurrentHashMap.newKeySet();
    private Thread watcher;

    ChangeStream(DataSource db, ChangeLog changes) {
        this.db = db;
        this.changes = changes;
    }

    /** The route's handler: registers the caller as a listener and sends it the current head. */
    Handler handler() {
        return new SseHandler(this::listen);
    }

    private void listen(SseClient client) {
        client.keepAlive();
        client.onClose(() -> listeners.remove(client));
        // listening before reading the head: a change in between reaches this client at least once
        listeners.add(client);
        client.sendEvent("head", headJson(head()), null);
        startWatcher();
    }

    private synchronized void startWatcher() {
        if (watcher != null && watcher.isAlive()) {
            return;
        }
        watcher = new Thread(this::watch, "astroshield-change-stream");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        long sent = -1;
        long lastBeat = System.nanoTime();
        while (true) {
            synchronized (this) {
                if (listeners.isEmpty()) {
                    watcher = null;
                    return;
                }
            }
            try {
                long head = head();
                if (head != sent) {
                    sent = head;
                    String data = headJson(head);
                    listeners.forEach(l -> l.sendEvent("head", data, null));
                }
                if (System.nanoTime() - lastBeat >= TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MS)) {
                    lastBeat = System.nanoTime();
                    listeners.forEach(l -> l.sendComment("heartbeat"));
                }
                listeners.removeIf(SseClient::terminated);
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                listeners.removeIf(SseClient::terminated);
                if (stopped()) {
                    // the server is shutting down and Jetty ends the streams (closing them here again only makes
                    // Javalin complain about recycled requests); clients reconnect to its next start
                    listeners.clear();
                    continue;
                }
                // the database restarting: listeners keep their connection and get the head when it is back
                LOG.warn("change stream cannot read the change-log head; retrying in 1 s", e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Whether the server's pool was closed (the server stops); a plain DataSource never says so. */
    private boolean stopped() {
        try {
            return db.isWrapperFor(HikariDataSource.class) && db.unwrap(HikariDataSource.class).isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    private long head() {
        try (Connection c = db.getConnection()) {
            return changes.position(c);
        } catch (SQLException e) {
            throw new DatabaseException("reading the change-log head", e);
        }
    }

    private static String headJson(long seq) {
        return "{\"seq\":" + seq + "}";
    }
}
