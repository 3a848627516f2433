package io.astroshield.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;

/**
 * The holder file names the process that has the database file open, so that a process that
 * cannot share the store can say who has it. Written by the owner after opening, removed on close;
 * a stale file left by a killed process is harmless (the lock it describes died with it).
 */
final class Holder {

    private Holder() {
    }

    static void write(Path file) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(self.pid()));
        p.setProperty("user", System.getProperty("user.name", "?"));
        p.setProperty("host", hostName());
        p.setProperty("command", self.info().command().orElse("?"));
        p.setProperty("since", Instant.now().toString());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "process holding this AstroShield store");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the file if this process wrote it. */
    static void removeIfOurs(Path file) throws IOException {
        Properties p = read(file);
        if (p != null && Long.toString(ProcessHandle.current().pid()).equals(p.getProperty("pid"))) {
            Files.deleteIfExists(file);
        }
    }

    /** "process 4242 (/usr/bin/java) of user ana on host console-3 since 2026-11-22T08:00:00Z", or null. */
    static String describe(Path file) {
        try {
            Properties p = read(file);
            if (p == null) {
                return null;
            }
            return "process " + p.getProperty("pid", "?") + " (" + p.getProperty("command", "?") + ") of user "
                    + p.getProperty("user", "?") + " on host " + p.getProperty("host", "?") + " since "
                    + p.getProperty("since", "?");
        } catch (IOException e) {
            return null;
        }
    }

    private static Properties read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Properties p = new Properties();
            p.load(in);
            return p;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "?";
        }
    }
}
