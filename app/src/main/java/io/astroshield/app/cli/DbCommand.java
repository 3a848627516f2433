package io.astroshield.app.cli;

import io.astroshield.persistence.PurgeReport;
import io.astroshield.persistence.RetentionPolicy;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.StoreInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** {@code db info|purge|backup|restore}: the local store. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Inspect and maintain the local store.",
        subcommands = {DbCommand.Info.class, DbCommand.Purge.class, DbCommand.Backup.class, DbCommand.Restore.class})
final class DbCommand implements Runnable {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Counts per table, file size, schema version.")
    static final class Info implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        StoreAccess storeAccess;

        @Override
        public void run() {
            try (Store store = storeAccess.open(spec)) {
                StoreInfo info = store.info();
                PrintWriter out = spec.commandLine().getOut();
                out.println("file: " + info.databaseFile());
                out.printf(Locale.ROOT, "size: %.1f MiB%n", info.fileSizeBytes() / 1048576.0);
                out.println("schema version: " + info.schemaVersion());
                out.println("encrypted: " + info.encrypted());
                out.println("durability: " + info.durability());
                for (Map.Entry<String, Long> e : new java.util.TreeMap<>(info.rowCounts()).entrySet()) {
                    out.printf(Locale.ROOT, "%-28s %d%n", e.getKey(), e.getValue());
                }
            }
        }
    }

    @Command(name = "purge", mixinStandardHelpOptions = true,
            description = "Remove element sets, telemetry and closed events older than the given age. Never removes "
                    + "unacknowledged alarms, audit records or unsynced outbox rows.")
    static final class Purge implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--older-than", required = true, paramLabel = "D", description = "Age, e.g. 30d, P90D.")
        String olderThan;

        @Mixin
        StoreAccess storeAccess;

        @Override
        public void run() {
            try (Store store = storeAccess.open(spec)) {
                PurgeReport report = store.purge(RetentionPolicy.olderThan(CliTime.parseDuration(olderThan)), Instant.now());
                spec.commandLine().getOut().printf(Locale.ROOT,
                        "removed %d rows: %d element sets, %d telemetry samples, %d events (%d updates), %d alarm"
                                + " occurrences, %d outbox rows%n", report.total(), report.elementSets(),
                        report.telemetrySamples(), report.conjunctionEvents(), report.eventUpdates(),
                        report.alarmOccurrences(), report.outboxRows());
            }
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true, description = "Back up the store (also while it is in use).")
    static final class Backup implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Backup file to write.")
        Path file;

        @Mixin
        StoreAccess storeAccess;

        @Override
        public void run() {
            try (Store store = storeAccess.open(spec)) {
                spec.commandLine().getOut().println("backup written to " + store.backup(file));
            }
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true, description = "Restore a backup into an empty data directory.")
    static final class Restore implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Backup file to restore.")
        Path file;

        @Mixin
        StoreAccess storeAccess;

        @Override
        public void run() {
            StoreInfo info = Store.restore(file, storeAccess.dataDirectory(spec), storeAccess.options());
            spec.commandLine().getOut().println("restored into " + info.databaseFile() + " (schema "
                    + info.schemaVersion() + ")");
        }
    }
}
