package io.astroshield.persistence;

/** What went wrong with the store, as a key; {@link StoreException#getMessage()} says where and why. */
public enum StoreError {
    /** The file in place of the database is not an AstroShield H2 store (or is damaged beyond H2's recovery). */
    CORRUPT_OR_FOREIGN_FILE,
    /** Another process holds the store and it cannot be shared with this one. */
    LOCKED,
    /** The store is encrypted and no key, or the wrong key, was given; or a key was given for a plain store. */
    WRONG_KEY,
    /** The key file is missing, unreadable, empty or readable by other users. */
    KEY_FILE,
    /** The data directory or a file in it cannot be created, read or written. */
    IO,
    /** The schema could not be brought to the current version. */
    MIGRATION,
    /** A restore was asked into a data directory that already holds files. */
    RESTORE_TARGET_NOT_EMPTY,
    /** A backup file is not a backup this module wrote. */
    BAD_BACKUP,
    /** A value given by the caller is outside what the operation accepts. */
    INVALID_ARGUMENT,
    /** A versioned row was changed by someone else since it was read. */
    CONFLICT,
    /** A SQL statement failed for a reason not covered above. */
    SQL
}
