/**
 * The alarm model of DESIGN.md ("Alarm model"): ISA-18.2 alarm states, Yamcs-style
 * occurrence records, conjunction, telemetry-limit and watchdog alarms, permissions by role,
 * an append-only audit and a store port. Pure domain: time comes from an injected
 * {@link java.time.InstantSource}; nothing here logs, draws or touches a database.
 *
 * <p>Entry point: {@link io.astroshield.domain.alarms.AlarmEngine}. Rules and defaults with
 * their sources are in {@code docs/alarms.md}.
 */
package io.astroshield.domain.alarms;
