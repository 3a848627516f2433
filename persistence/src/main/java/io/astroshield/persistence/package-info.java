/**
 * The workstation's embedded store (DESIGN.md, persistence; issue 3).
 * <p>
 * What the analyst CLI and the window use:
 * <ul>
 *   <li>{@code Store.open(DataDirectory.resolve(dataDirOrNull), options)}: open or create, migrate;
 *       {@link io.astroshield.persistence.StoreOptions} chooses durability, sharing with a second
 *       process (auto-server) and encryption ({@link io.astroshield.persistence.StoreKey}).</li>
 *   <li>{@code store.write(tx -> ...)} / {@code store.read(tx -> ...)}: one transaction; the
 *       {@link io.astroshield.persistence.Tx} hands out every repository inside it.</li>
 *   <li>{@code import}: {@code tx.elementSets().importAll(...)}, {@code tx.ephemerides().save(...)},
 *       {@code tx.cdms().save(...)}.</li>
 *   <li>{@code screen --save}: {@code tx.screeningRuns().start(...)},
 *       {@code tx.conjunctionEvents().record(observations, runId, null, now)},
 *       {@code tx.screeningRuns().finish(...)}.</li>
 *   <li>{@code db info | purge | backup | restore}: {@link io.astroshield.persistence.Store#info()},
 *       {@link io.astroshield.persistence.Store#purge}, {@link io.astroshield.persistence.Store#backup},
 *       {@link io.astroshield.persistence.Store#restore}.</li>
 * </ul>
 * Every failure is a {@link io.astroshield.persistence.StoreException} whose
 * {@link io.astroshield.persistence.StoreError} key tells the caller what kind it is; its message
 * names the file and what to do. A {@code Store} may be shared by threads; a {@code Tx} may not,
 * and must not be kept after the call that gave it. Do not nest {@code write} calls: each takes its
 * own connection and transaction.
 */
package io.astroshield.persistence;
