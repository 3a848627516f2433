package io.astroshield.persistence;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A second process for {@link StoreSharingIT}: opens the store (auto-server on or off), writes the
 * setting cursor "holder" = "alive", prints READY, and holds the store until its stdin closes.
 * Arguments: data directory, auto-server (true/false).
 */
public final class StoreHolderChild {

    private StoreHolderChild() {
    }

    public static void main(String[] args) throws IOException {
        StoreOptions options = StoreOptions.defaults().withAutoServer(Boolean.parseBoolean(args[1]));
        try (Store store = Store.open(Path.of(args[0]), options)) {
            store.write(tx -> {
                tx.syncCursors().save("holder", "alive", Instant.parse("2026-11-22T00:00:00Z"));
                return null;
            });
            System.out.println("READY pid=" + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the store until the parent closes our stdin
            }
        }
        System.out.println("CLOSED");
        System.out.flush();
    }
}
