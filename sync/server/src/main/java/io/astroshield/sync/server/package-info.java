/**
 * The reference AstroShield backend: {@link io.astroshield.sync.server.ServerMain} parses the command line,
 * {@link io.astroshield.sync.server.ReferenceServer} wires PostgreSQL, keys and accounts, and
 * {@link io.astroshield.sync.server.ApiRoutes} holds the whole route tree with the role each route needs.
 */
package io.astroshield.sync.server;
