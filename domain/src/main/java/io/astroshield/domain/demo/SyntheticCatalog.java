package io.astroshield.domain.demo;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.ObjectType;
import io.astroshield.domain.propagation.OrekitSgp4;
import io.astroshield.domain.time.ReferenceData;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.RotationConvention;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.hipparchus.util.MathUtils;
import org.orekit.orbits.CartesianOrbit;
import org.orekit.propagation.SpacecraftState;
import org.orekit.propagation.analytical.tle.TLE;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.propagation.analytical.tle.generation.FixedPointTleGenerationAlgorithm;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic, reproducible object population for demos and tests: no external data.
 *
 * <p>Element distributions follow the public picture of the catalog (ESA Space Environment
 * Report 2023): crowded LEO shells near 550 km / 53 deg and 750-850 km, sun-synchronous orbits
 * (97-99 deg, 500-800 km), GNSS MEO near 20,200 km / 55 deg, GEO near 35,786 km, and HEO
 * (Molniya 63.4 deg, e ~ 0.72; GTO e ~ 0.73, 7-28 deg). Planted encounters put a second object
 * at a chosen miss distance from a host object at a chosen time, crossing its plane at a chosen
 * angle; the planted object's TLE is fitted to that state with Orekit's fixed-point algorithm.
 */
public final class SyntheticCatalog {

    /** WGS-72 equatorial radius, m, as SGP4 uses it. */
    private static final double EARTH_RADIUS_M = 6_378_135.0;
    private static final double MU = 398_600.8e9;

    /** An encounter planted on purpose: the host, the planted object, when and how close. */
    public record PlantedEncounter(int hostId, int plantedId, Instant time, double plannedMissM,
                                   double crossingAngleRad) {
    }

    public record Population(List<ElementSet> elementSets, List<PlantedEncounter> planted) {
        public Population {
            elementSets = List.copyOf(elementSets);
            planted = List.copyOf(planted);
        }
    }

    /** Orbit regimes of the population, by period, eccentricity and inclination. */
    public enum Regime {
        LEO, SSO, MEO, GEO, HEO;

        static Regime of(ElementSet e) {
            double periodMin = e.periodS() / 60;
            if (e.eccentricity() > 0.25) {
                return HEO;
            }
            if (periodMin > 1_300) {
                return GEO;
            }
            if (periodMin > 225) {
                return MEO;
            }
            double incDeg = Math.toDegrees(e.inclinationRad());
            return incDeg > 96.5 && incDeg < 100 ? SSO : LEO;
        }
    }

    /**
     * What to plant: the host's regime, offset from the epoch in seconds, miss distance in m,
     * crossing angle in rad (the angle between the two velocity vectors).
     */
    public record Plant(Regime hostRegime, double offsetS, double missM, double crossingAngleRad) {
    }

    private final ReferenceData data;

    public SyntheticCatalog(ReferenceData data) {
        this.data = data;
    }

    /**
     * @param seed        the same seed gives the same population
     * @param count       background objects (planted ones come on top)
     * @param epoch       epoch of the background element sets (the planted ones have theirs at the encounter)
     * @param plants      encounters to plant, each with a LEO or SSO host chosen from the population
     */
    public Population generate(long seed, int count, Instant epoch, List<Plant> plants) {
        Random rnd = new Random(seed);
        List<ElementSet> sets = new ArrayList<>();
        int nextId = 90_000;
        for (int k = 0; k < count; k++) {
            sets.add(background(rnd, nextId++, epoch));
        }
        List<PlantedEncounter> planted = new ArrayList<>();
        for (Plant plant : plants) {
            List<ElementSet> hosts = sets.stream()
                    .filter(e -> e.source().startsWith("synthetic:") && !e.name().startsWith("PLANTED")
                            && Regime.of(e) == plant.hostRegime())
                    .toList();
            if (hosts.isEmpty()) {
                throw new IllegalArgumentException("no " + plant.hostRegime() + " object to plant near; raise the count");
            }
            ElementSet host = hosts.get(rnd.nextInt(hosts.size()));
            int id = nextId++;
            sets.add(plantNear(host, id, epoch, plant));
            planted.add(new PlantedEncounter(host.noradId(), id, epoch.plusNanos(Math.round(plant.offsetS() * 1e9)),
                    plant.missM(), plant.crossingAngleRad()));
        }
        return new Population(sets, planted);
    }

    private ElementSet background(Random rnd, int id, Instant epoch) {
        double u = rnd.nextDouble();
        double altKm;
        double incDeg;
        double e;
        ObjectType type = rnd.nextDouble() < 0.35 ? ObjectType.PAYLOAD
                : rnd.nextDouble() < 0.8 ? ObjectType.DEBRIS : ObjectType.ROCKET_BODY;
        if (u < 0.30) {                      // constellation shells (several altitudes, as operators spread them)
            altKm = 340 + 40 * rnd.nextInt(8) + 2 * rnd.nextDouble();
            incDeg = 43 + 5 * rnd.nextInt(6) + 0.2 * rnd.nextGaussian();
            e = 0.0001 + 0.0003 * rnd.nextDouble();
        } else if (u < 0.55) {               // debris-rich 750-850 km band
            altKm = 750 + 100 * rnd.nextDouble();
            incDeg = rnd.nextBoolean() ? 98.5 + rnd.nextGaussian() : 74 + 8 * rnd.nextDouble();
            e = 0.0005 + 0.01 * rnd.nextDouble();
        } else if (u < 0.75) {               // sun-synchronous
            altKm = 500 + 300 * rnd.nextDouble();
            incDeg = 97.2 + 0.012 * (altKm - 500) + 0.1 * rnd.nextGaussian();
            e = 0.0002 + 0.002 * rnd.nextDouble();
        } else if (u < 0.85) {               // upper LEO
            altKm = 900 + 1100 * rnd.nextDouble();
            incDeg = 30 + 70 * rnd.nextDouble();
            e = 0.0005 + 0.02 * rnd.nextDouble();
        } else if (u < 0.90) {               // GNSS MEO
            altKm = 20_180 + 40 * rnd.nextDouble();
            incDeg = 55 + 1.5 * rnd.nextGaussian();
            e = 0.001 + 0.01 * rnd.nextDouble();
        } else if (u < 0.96) {               // GEO belt
            altKm = 35_786 + 50 * rnd.nextGaussian();
            incDeg = Math.abs(2 * rnd.nextGaussian());
            e = 0.0001 + 0.001 * rnd.nextDouble();
        } else if (u < 0.98) {               // Molniya
            double a = 26_560e3;
            e = 0.70 + 0.04 * rnd.nextDouble();
            return elements(id, epoch, a, e, Math.toRadians(63.4 + 0.5 * rnd.nextGaussian()), rnd,
                    Math.toRadians(270 + 5 * rnd.nextGaussian()), type);
        } else {                             // GTO
            double rp = EARTH_RADIUS_M + (250 + 300 * rnd.nextDouble()) * 1e3;
            double ra = EARTH_RADIUS_M + 35_786e3;
            return elements(id, epoch, (rp + ra) / 2, (ra - rp) / (ra + rp), Math.toRadians(7 + 21 * rnd.nextDouble()),
                    rnd, 2 * Math.PI * rnd.nextDouble(), type);
        }
        double a = EARTH_RADIUS_M + altKm * 1e3;
        return elements(id, epoch, a, e, Math.toRadians(Math.max(0.01, incDeg)), rnd, 2 * Math.PI * rnd.nextDouble(), type);
    }

    private ElementSet elements(int id, Instant epoch, double aM, double e, double incRad, Random rnd, double argpRad,
                                ObjectType type) {
        double n = Math.sqrt(MU / (aM * aM * aM));
        double bstar = type == ObjectType.DEBRIS ? 1e-4 * rnd.nextDouble() : 2e-5 * rnd.nextDouble();
        if (aM > EARTH_RADIUS_M + 2_000e3) {
            bstar = 0;
        }
        return new ElementSet(id, "SYNTH-" + id + (type == ObjectType.DEBRIS ? " DEB" : ""), null, 'U', epoch, n, e,
                incRad, 2 * Math.PI * rnd.nextDouble(), argpRad, 2 * Math.PI * rnd.nextDouble(), bstar, 0, 0, 999, 1,
                0, type, "synthetic:" + id);
    }

    /**
     * Puts a new object at {@code host}'s position at the encounter time, offset by the miss
     * distance perpendicular to the relative velocity, with its velocity turned about the radial
     * direction by the crossing angle (same speed, another plane).
     */
    private ElementSet plantNear(ElementSet host, int id, Instant epoch, Plant plant) {
        TLE hostTle = OrekitSgp4.toTle(host, data);
        TLEPropagator hostProp = TLEPropagator.selectExtrapolator(hostTle, data.teme());
        AbsoluteDate when = data.toDate(epoch).shiftedBy(plant.offsetS());
        PVCoordinates pv = hostProp.getPVCoordinates(when, data.teme());
        Vector3D r = pv.getPosition();
        Vector3D v = pv.getVelocity();
        Rotation turn = new Rotation(r.normalize(), plant.crossingAngleRad(), RotationConvention.VECTOR_OPERATOR);
        Vector3D vPlanted = turn.applyTo(v);
        Vector3D w = vPlanted.subtract(v);
        // Miss direction: the part of the radial direction perpendicular to the relative velocity,
        // so the closest approach is mostly radial, as for crossing orbits.
        Vector3D radial = r.normalize();
        Vector3D missDir = radial.subtract(w.normalize().scalarMultiply(Vector3D.dotProduct(radial, w.normalize())));
        Vector3D rPlanted = r.add(missDir.normalize().scalarMultiply(plant.missM()));
        CartesianOrbit orbit = new CartesianOrbit(new PVCoordinates(rPlanted, vPlanted), data.teme(), when, MU);
        TLE template = new TLE(id, 'U', 2026, 1, "A", 0, 999, when, orbit.getKeplerianMeanMotion(), 0, 0,
                orbit.getE(), orbit.getI(), 0, 0, 0, 1, 0, data.utc());
        TLE fitted = TLE.stateToTLE(new SpacecraftState(orbit), template,
                new FixedPointTleGenerationAlgorithm(1e-12, 1000, 0.5, data.utc(), data.teme()));
        return new ElementSet(id, "PLANTED-" + id, null, 'U', data.toInstant(fitted.getDate()), fitted.getMeanMotion(),
                fitted.getE(), fitted.getI(), MathUtils.normalizeAngle(fitted.getRaan(), Math.PI),
                MathUtils.normalizeAngle(fitted.getPerigeeArgument(), Math.PI),
                MathUtils.normalizeAngle(fitted.getMeanAnomaly(), Math.PI), 0, 0, 0, 999, 1, 0, ObjectType.PAYLOAD,
                "synthetic:" + id);
    }
}
