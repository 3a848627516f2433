package io.astroshield.persistence;

/**
 * How far a commit reported to the caller is guaranteed to reach before {@code commit} returns.
 * <p>
 * H2's default write delay (500 ms) leaves recent commits in memory, so a {@code kill -9}
 * could lose them. Both modes here set {@code WRITE_DELAY=0}: the MVStore writes the
 * transaction's chunk to the file before the commit returns.
 */
public enum Durability {
    /**
     * The chunk is written to the operating system before commit returns: survives the process
     * being killed (SIGKILL, crash, {@code System.exit}), not an OS crash or a power cut,
     * because the page cache is not forced to the device.
     */
    PROCESS_CRASH,
    /**
     * Additionally forces the file to the device ({@code CHECKPOINT SYNC}, an fsync) after every
     * write transaction: survives power loss at the cost of one device flush per transaction.
     */
    POWER_LOSS
}
