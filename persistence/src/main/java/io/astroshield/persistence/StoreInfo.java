package io.astroshield.persistence;

import java.nio.file.Path;
import java.util.Map;

/**
 * What {@code db info} prints.
 *
 * @param databaseFile  the H2 file
 * @param fileSizeBytes its size in bytes
 * @param schemaVersion the Flyway version applied last
 * @param encrypted     whether the file is AES-encrypted
 * @param durability    what a reported commit survives in this process
 * @param rowCounts     rows per table, in table-name order
 */
public record StoreInfo(Path databaseFile, long fileSizeBytes, String schemaVersion, boolean encrypted,
                        Durability durability, Map<String, Long> rowCounts) {
    public StoreInfo {
        rowCounts = Map.copyOf(rowCounts);
    }
}
