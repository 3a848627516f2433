package io.astroshield.app.workstation;

import io.astroshield.domain.alarms.Role;
import io.astroshield.persistence.workspace.SettingScope;
import io.astroshield.sync.client.Credentials;
import io.astroshield.sync.client.SharedAlarms;
import io.astroshield.sync.client.SharedConjunctions;
import io.astroshield.sync.client.SyncClient;
import io.astroshield.sync.client.SyncStatus;
import io.astroshield.sync.client.TrustedCertificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The window's link to the AstroShield backend: sign-in (one sync cycle proves the credentials and gives the role
 * the token carries), then the sync client keeps running in the background (outbox up, change log down, live
 * stream), and after each sync the alarm engine takes the shared alarm state ({@link SharedAlarms}). The identity
 * it confirms becomes the console's verified identity; when the connection drops, the console keeps that identity,
 * marked offline. The CLI's {@code astroshield sync} stores the same settings, so a
 * workstation started later reconnects on its own when a password file was given there.
 */
public final class SyncService implements AutoCloseable {

    public static final String SERVER_SETTING = "sync.server_url";
    public static final String USER_SETTING = "sync.user";
    public static final String PASSWORD_FILE_SETTING = "sync.password_file";
    public static final String TRUST_SETTING = "sync.trust_cert";

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    private final Workstation ws;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "astroshield-sync");
        t.setDaemon(true);
        return t;
    });
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile SyncClient client;
    private volatile String server;
    private final Object identityLock = new Object();
    /** A local change queued for the backend (an alarm action) is sent at once, not at the next poll. */
    private final Consumer<Workstation.Change> outboxListener = change -> {
        SyncClient c = client;
        if (change == Workstation.Change.OUTBOX && c != null) {
            c.requestSync();
        }
    };
    private boolean wasConnected;

    public SyncService(Workstation ws) {
        this.ws = ws;
        ws.addListener(outboxListener);
    }

    /** Signs in to {@code url} and starts syncing; throws (with the server's reason) when it cannot. */
    public SyncStatus connect(String url, String user, char[] password, Path trustedCertificates) {
        char[] copy = password.clone();
        Arrays.fill(password, '\0');
        try {
            SyncStatus status = connect(url, new Credentials(user, copy::clone), trustedCertificates);
            // the backend accepted this password: the console lock asks for it, also offline
            ws.consoleLock().remember(user, copy);
            return status;
        } finally {
            Arrays.fill(copy, '\0');
        }
    }

    private synchronized SyncStatus connect(String url, Credentials credentials, Path trustedCertificates) {
        disconnect();
        SyncClient.Options options = SyncClient.Options.defaults();
        if (trustedCertificates != null) {
            options = options.withTrust(TrustedCertificates.load(trustedCertificates, null));
        }
        SyncClient c = new SyncClient(ws.store(), url, credentials, options);
        // after every completed sync: the backend's conjunctions become events, then the alarm engine takes what
        // the other consoles did (issue 5: shared alarm state), so an event's shared record finds its alarm
        SharedAlarms shared = new SharedAlarms(ws.store());
        c.addSyncListener(r -> {
            applySharedConjunctions();
            if (ws.alarms(shared::apply) > 0) {
                ws.fire(Workstation.Change.ALARMS);
            }
        });
        try {
            c.syncOnce();
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
        SyncStatus status = c.status();
        remember(url, credentials.username(), trustedCertificates);
        synchronized (identityLock) {
            client = c;
        }
        server = url;
        onStatus(c, status);
        c.addListener(s -> onStatus(c, s));
        c.start(scheduler);
        return status;
    }

    /** With the settings {@code astroshield sync} stored (server, user, password file): connects. Empty when not set up. */
    public Optional<SyncStatus> connectFromSettings() {
        Optional<String> url = setting(SERVER_SETTING);
        Optional<String> user = setting(USER_SETTING);
        Optional<Path> passwordFile = setting(PASSWORD_FILE_SETTING).map(Path::of).filter(Files::isReadable);
        if (url.isEmpty() || user.isEmpty() || passwordFile.isEmpty()) {
            return Optional.empty();
        }
        Path trust = setting(TRUST_SETTING).map(Path::of).orElse(null);
        return Optional.of(connect(url.get(), Credentials.fromPasswordFile(user.get(), passwordFile.get()), trust));
    }

    /** The server remembered from an earlier sign-in, for the sign-in dialog. */
    public Optional<String> rememberedServer() {
        return setting(SERVER_SETTING);
    }

    public Optional<String> rememberedUser() {
        return setting(USER_SETTING);
    }

    private Optional<String> setting(String key) {
        return ws.store().read(tx -> tx.settings().get(SettingScope.LOCAL, key)).map(s -> s.value());
    }

    private void remember(String url, String user, Path trust) {
        var now = ws.clock().instant();
        ws.store().write(tx -> {
            tx.settings().put(SettingScope.LOCAL, SERVER_SETTING, url, now);
            tx.settings().put(SettingScope.LOCAL, USER_SETTING, user, now);
            if (trust != null) {
                tx.settings().put(SettingScope.LOCAL, TRUST_SETTING, trust.toAbsolutePath().toString(), now);
            }
            return null;
        });
    }

    private void onStatus(SyncClient from, SyncStatus s) {
        // A sync that was in flight when the user disconnected still reports "connected" when it finishes; only
        // the current client may change who the console is, or an offline action would be audited as online.
        synchronized (identityLock) {
            if (from != client) {
                return;
            }
            if (s.connected() && s.user() != null && s.role() != null) {
                Role role = Role.valueOf(s.role().toUpperCase(Locale.ROOT));
                var i = ws.identity();
                if (!wasConnected || !i.online() || !i.user().equals(s.user()) || i.role() != role) {
                    ws.verified(s.user(), role);
                }
            } else if (wasConnected && !s.connected()) {
                LOG.info("sync: connection to {} lost: {}", server, s.lastError());
                ws.wentOffline();
            }
            wasConnected = s.connected();
        }
        ws.fire(Workstation.Change.SYNC);
        listeners.forEach(l -> l.accept(s));
    }

    /** The backend's conjunctions downloaded since the last pass become events here and update their alarms. */
    private void applySharedConjunctions() {
        try {
            SharedConjunctions.Applied applied = SharedConjunctions.apply(ws.store(), ws.clock().instant());
            applied.skipped().forEach(reason -> LOG.warn("sync: backend {} (not shown as an event)", reason));
            if (!applied.updates().isEmpty()) {
                ws.alarms(engine -> engine.conjunctions().acceptAll(applied.updates()));
                ws.fire(Workstation.Change.EVENTS);
                ws.fire(Workstation.Change.ALARMS);
            }
        } catch (RuntimeException e) {
            LOG.warn("sync: could not file the backend's conjunctions as events", e);
        }
    }

    public void addListener(Consumer<SyncStatus> listener) {
        listeners.add(listener);
    }

    public Optional<SyncStatus> status() {
        SyncClient c = client;
        return c == null ? Optional.empty() : Optional.of(c.status());
    }

    public Optional<String> server() {
        return Optional.ofNullable(server);
    }

    public synchronized void disconnect() {
        SyncClient c;
        synchronized (identityLock) {
            c = client;
            client = null;
            if (c != null && wasConnected) {
                wasConnected = false;
                ws.wentOffline();
            }
        }
        if (c != null) {
            c.stop();
            c.close();
        }
    }

    @Override
    public void close() {
        ws.removeListener(outboxListener);
        disconnect();
        scheduler.shutdownNow();
    }
}
