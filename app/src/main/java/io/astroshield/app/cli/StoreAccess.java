package io.astroshield.app.cli;

import io.astroshield.persistence.DataDirectory;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.StoreKey;
import io.astroshield.persistence.StoreOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Opens the local store of the data directory the root command's --data-dir (or the defaults) name. */
public final class StoreAccess {

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Key file of an encrypted store (readable only by you).")
    Path keyFile;

    Path dataDirectory(CommandSpec spec) {
        AstroShieldCommand root = (AstroShieldCommand) spec.root().userObject();
        return DataDirectory.resolve(root.dataDir);
    }

    StoreOptions options() {
        StoreOptions options = StoreOptions.defaults();
        return keyFile == null ? options : options.withKey(StoreKey.fromKeyFile(keyFile));
    }

    Store open(CommandSpec spec) {
        return Store.open(dataDirectory(spec), options());
    }
}
