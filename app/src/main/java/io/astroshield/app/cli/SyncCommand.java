package io.astroshield.app.cli;

import io.astroshield.app.workstation.SyncService;

import io.astroshield.persistence.Store;
import io.astroshield.persistence.workspace.SettingScope;
import io.astroshield.persistence.workspace.StoredSetting;
import io.astroshield.sync.client.Credentials;
import io.astroshield.sync.client.SyncClient;
import io.astroshield.sync.client.SyncException;
import io.astroshield.sync.client.SyncStatus;
import io.astroshield.sync.client.TrustedCertificates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code sync --server URL --user U --password-file F [--trust-cert FILE] [--once]}: syncs the store of the data
 * directory with the server and prints the status. The server URL, user, password file and certificate file (the
 * file names, never the password) are kept in the store's LOCAL settings, so later runs and the workstation reuse
 * them without the options.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Upload queued local changes and download the server's changes into the local store.")
final class SyncCommand implements Callable<Integer> {
    static final String SERVER_SETTING = SyncService.SERVER_SETTING;
    static final String USER_SETTING = SyncService.USER_SETTING;
    static final String PASSWORD_FILE_SETTING = SyncService.PASSWORD_FILE_SETTING;
    static final String TRUST_SETTING = SyncService.TRUST_SETTING;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreAccess storeAccess;

    @Option(names = "--server", paramLabel = "URL", description = "Server URL, e.g. http://ops-backend:8000 (default: the one used last).")
    String server;

    @Option(names = "--user", paramLabel = "USER", description = "User to sign in as (default: the one used last).")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the password; keep it readable only by you (default: the one used last).")
    Path passwordFile;

    @Option(names = "--trust-cert", paramLabel = "FILE",
            description = "Trust these certificates for HTTPS: PEM, or a PKCS#12/JKS key store (.p12, .pfx, .jks).")
    Path trustCert;

    @Option(names = "--trust-store-password-file", paramLabel = "FILE",
            description = "Password of the --trust-cert key store, if it has one.")
    Path trustStorePasswordFile;

    @Option(names = "--once", description = "Sync once and exit (default: keep syncing, live, until interrupted).")
    boolean once;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Store store = storeAccess.open(spec)) {
            String url = remembered(store, server, SERVER_SETTING);
            String username = remembered(store, user, USER_SETTING);
            String passwordPath = remembered(store, passwordFile == null ? null : passwordFile.toString(),
                    PASSWORD_FILE_SETTING);
            String trustPath = remembered(store, trustCert == null ? null : trustCert.toString(), TRUST_SETTING);
            if (url == null || username == null || passwordPath == null) {
                err.println("astroshield sync: give --server, --user and --password-file (they are remembered "
                        + "for the next time)");
                return AstroShieldCommand.EXIT_CANNOT_RUN;
            }
            if (!Files.isReadable(Path.of(passwordPath))) {
                err.println("astroshield sync: cannot read the password file " + passwordPath);
                return AstroShieldCommand.EXIT_CANNOT_RUN;
            }
            warnIfOthersCanRead(Path.of(passwordPath), err);
            SyncClient.Options options = SyncClient.Options.defaults();
            if (trustPath != null) {
                options = options.withTrust(TrustedCertificates.load(Path.of(trustPath), storePassword()));
            }
            try (SyncClient client = new SyncClient(store, url,
                    Credentials.fromPasswordFile(username, Path.of(passwordPath)), options)) {
                remember(store, url, username, passwordPath, trustPath);
                return once ? syncOnce(client, url, out, err) : keepSyncing(client, url, out);
            }
        }
    }

    private int syncOnce(SyncClient client, String url, PrintWriter out, PrintWriter err) {
        try {
            SyncClient.Result r = client.syncOnce();
            out.printf("uploaded: %d applied, %d duplicate, %d rejected, %d parked; downloaded: %d changes%n",
                    r.applied(), r.duplicate(), r.rejected(), r.parked(), r.downloaded());
            print(client.status(), url, out);
            return 0;
        } catch (SyncException e) {
            print(client.status(), url, out);
            err.println("astroshield sync: " + e.getMessage());
            return AstroShieldCommand.EXIT_CANNOT_RUN;
        }
    }

    private int keepSyncing(SyncClient client, String url, PrintWriter out) throws InterruptedException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            interrupted.countDown();
            try {
                // let the sync in progress end and the store close before the JVM goes
                finished.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "astroshield-sync-stop"));
        client.addListener(s -> {
            synchronized (out) {
                out.printf("%s connected=%s live=%s pending=%d parked=%d rejected=%d cursor=%d%s%n",
                        Instant.now().truncatedTo(ChronoUnit.MILLIS), s.connected(), s.live(), s.pending(),
                        s.parked(), s.rejected(), s.cursor(), s.lastError() == null ? "" : " error: " + s.lastError());
            }
        });
        try {
            client.start(scheduler);
            interrupted.await();
        } finally {
            client.stop();
            scheduler.shutdownNow();
            print(client.status(), url, out);
            out.flush();
            finished.countDown();
        }
        return 0;
    }

    private static void print(SyncStatus s, String url, PrintWriter out) {
        Instant now = Instant.now();
        out.println("server: " + url);
        out.println("user: " + (s.user() == null ? "(not signed in)" : s.user() + (s.role() == null ? "" : " (" + s.role() + ")")));
        out.println("connected: " + (s.connected() ? "yes" : "no"));
        out.println("last sync: " + (s.lastSync() == null ? "never" : s.lastSync().truncatedTo(ChronoUnit.MILLIS)));
        out.println("pending: " + s.pending());
        out.println("parked: " + s.parked());
        out.println("rejected: " + s.rejected());
        out.println("cursor: " + s.cursor());
        for (Map.Entry<String, Duration> e : s.dataAge(now).entrySet()) {
            out.println("data age " + e.getKey() + ": " + age(e.getValue()));
        }
        if (s.lastError() != null) {
            out.println("last error: " + s.lastError());
        }
    }

    private static String age(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 120 ? s + "s" : s < 7200 ? (s / 60) + "m" : s < 172_800 ? (s / 3600) + "h" : (s / 86_400) + "d";
    }

    /** The password file is the user's secret: say so when group or others may read it (POSIX only). */
    private static void warnIfOthersCanRead(Path file, PrintWriter err) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                err.println("astroshield sync: warning: " + file + " is readable by others; chmod 600 it");
            }
        } catch (UnsupportedOperationException | IOException e) {
            // no POSIX permissions here (Windows): nothing to check
        }
    }

    private char[] storePassword() throws IOException {
        if (trustStorePasswordFile == null) {
            return null;
        }
        return Files.readString(trustStorePasswordFile, StandardCharsets.UTF_8).strip().toCharArray();
    }

    private static String remembered(Store store, String given, String key) {
        if (given != null) {
            return given;
        }
        Optional<StoredSetting> s = store.read(tx -> tx.settings().get(SettingScope.LOCAL, key));
        return s.map(StoredSetting::value).orElse(null);
    }

    private static void remember(Store store, String url, String user, String passwordPath, String trustPath) {
        Instant now = Instant.now();
        store.write(tx -> {
            tx.settings().put(SettingScope.LOCAL, SERVER_SETTING, url, now);
            tx.settings().put(SettingScope.LOCAL, USER_SETTING, user, now);
            tx.settings().put(SettingScope.LOCAL, PASSWORD_FILE_SETTING, Path.of(passwordPath).toAbsolutePath().toString(), now);
            if (trustPath != null) {
                tx.settings().put(SettingScope.LOCAL, TRUST_SETTING, Path.of(trustPath).toAbsolutePath().toString(), now);
            }
            return null;
        });
    }
}
