package io.astroshield.domain.cdm;

import io.astroshield.domain.time.ReferenceData;
import org.hipparchus.CalculusFieldElement;
import org.hipparchus.geometry.euclidean.threed.FieldVector3D;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.orekit.bodies.CelestialBodies;
import org.orekit.bodies.CelestialBody;
import org.orekit.bodies.CelestialBodyFactory;
import org.orekit.data.DataContext;
import org.orekit.errors.OrekitException;
import org.orekit.errors.OrekitMessages;
import org.orekit.forces.gravity.potential.GravityFields;
import org.orekit.frames.Frame;
import org.orekit.frames.Frames;
import org.orekit.models.earth.GeoMagneticFields;
import org.orekit.time.AbsoluteDate;
import org.orekit.time.FieldAbsoluteDate;
import org.orekit.time.TimeScales;
import org.orekit.utils.Constants;
import org.orekit.utils.IERSConventions;
import org.orekit.utils.TimeStampedPVCoordinates;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project's {@link DataContext} with celestial bodies a CDM can name. Orekit's CDM parser
 * asks the context for the Earth (every object's ORBIT_CENTER defaults to it) and for the
 * bodies of N_BODY_PERTURBATIONS (MOON, SUN, ...), and the project ships no JPL ephemerides.
 * The Earth needs none: it is the origin of GCRF. Other bodies are known by name and GM only;
 * asking for their position fails with Orekit's "no JPL ephemerides" error. The reader only
 * needs their names.
 */
final class CdmDataContext implements DataContext {

    private final DataContext base;
    private final Bodies bodies;

    CdmDataContext(ReferenceData referenceData) {
        this.base = referenceData.context();
        this.bodies = new Bodies(referenceData);
    }

    @Override
    public TimeScales getTimeScales() {
        return base.getTimeScales();
    }

    @Override
    public Frames getFrames() {
        return base.getFrames();
    }

    @Override
    public CelestialBodies getCelestialBodies() {
        return bodies;
    }

    @Override
    public GravityFields getGravityFields() {
        return base.getGravityFields();
    }

    @Override
    public GeoMagneticFields getGeoMagneticFields() {
        return base.getGeoMagneticFields();
    }

    private static final class Bodies implements CelestialBodies {

        private final ReferenceData referenceData;
        private final Map<String, CelestialBody> cache = new ConcurrentHashMap<>();

        Bodies(ReferenceData referenceData) {
            this.referenceData = referenceData;
        }

        @Override
        public CelestialBody getSolarSystemBarycenter() {
            return getBody(CelestialBodyFactory.SOLAR_SYSTEM_BARYCENTER);
        }

        @Override
        public CelestialBody getSun() {
            return getBody(CelestialBodyFactory.SUN);
        }

        @Override
        public CelestialBody getMercury() {
            return getBody(CelestialBodyFactory.MERCURY);
        }

        @Override
        public CelestialBody getVenus() {
            return getBody(CelestialBodyFactory.VENUS);
        }

        @Override
        public CelestialBody getEarthMoonBarycenter() {
            return getBody(CelestialBodyFactory.EARTH_MOON);
        }

        @Override
        public CelestialBody getEarth() {
            return getBody(CelestialBodyFactory.EARTH);
        }

        @Override
        public CelestialBody getMoon() {
            return getBody(CelestialBodyFactory.MOON);
        }

        @Override
        public CelestialBody getMars() {
            return getBody(CelestialBodyFactory.MARS);
        }

        @Override
        public CelestialBody getJupiter() {
            return getBody(CelestialBodyFactory.JUPITER);
        }

        @Override
        public CelestialBody getSaturn() {
            return getBody(CelestialBodyFactory.SATURN);
        }

        @Override
        public CelestialBody getUranus() {
            return getBody(CelestialBodyFactory.URANUS);
        }

        @Override
        public CelestialBody getNeptune() {
            return getBody(CelestialBodyFactory.NEPTUNE);
        }

        @Override
        public CelestialBody getPluto() {
            return getBody(CelestialBodyFactory.PLUTO);
        }

        @Override
        public CelestialBody getBody(String name) {
            return cache.computeIfAbsent(name, n -> CelestialBodyFactory.EARTH.equals(n)
                    ? new Earth(referenceData)
                    : new NamedBody(n, gm(n)));
        }

        /** GM in m³/s² (JPL SSD values as Orekit's {@link Constants} carries them); NaN when not tabulated. */
        private static double gm(String name) {
            return switch (name) {
                case CelestialBodyFactory.SUN -> Constants.JPL_SSD_SUN_GM;
                case CelestialBodyFactory.MOON -> Constants.JPL_SSD_MOON_GM;
                case CelestialBodyFactory.EARTH_MOON -> Constants.JPL_SSD_EARTH_PLUS_MOON_GM;
                case CelestialBodyFactory.MERCURY -> Constants.JPL_SSD_MERCURY_GM;
                case CelestialBodyFactory.VENUS -> Constants.JPL_SSD_VENUS_GM;
                case CelestialBodyFactory.MARS -> Constants.JPL_SSD_MARS_SYSTEM_GM;
                case CelestialBodyFactory.JUPITER -> Constants.JPL_SSD_JUPITER_SYSTEM_GM;
                case CelestialBodyFactory.SATURN -> Constants.JPL_SSD_SATURN_SYSTEM_GM;
                case CelestialBodyFactory.URANUS -> Constants.JPL_SSD_URANUS_SYSTEM_GM;
                case CelestialBodyFactory.NEPTUNE -> Constants.JPL_SSD_NEPTUNE_SYSTEM_GM;
                case CelestialBodyFactory.PLUTO -> Constants.JPL_SSD_PLUTO_SYSTEM_GM;
                default -> Double.NaN;
            };
        }
    }

    /** The Earth: centre of GCRF, rotating with ITRF. */
    private static final class Earth implements CelestialBody {

        private static final long serialVersionUID = 1L;

        private final transient ReferenceData referenceData;

        Earth(ReferenceData referenceData) {
            this.referenceData = referenceData;
        }

        @Override
        public Frame getInertiallyOrientedFrame() {
            return referenceData.gcrf();
        }

        @Override
        public Frame getBodyOrientedFrame() {
            return referenceData.context().getFrames().getITRF(IERSConventions.IERS_2010, true);
        }

        @Override
        public String getName() {
            return CelestialBodyFactory.EARTH;
        }

        /** Earth GM in m³/s² (JPL SSD value, as Orekit's {@link Constants#JPL_SSD_EARTH_GM}). */
        @Override
        public double getGM() {
            return Constants.JPL_SSD_EARTH_GM;
        }

        @Override
        public Vector3D getPosition(AbsoluteDate date, Frame frame) {
            return referenceData.gcrf().getStaticTransformTo(frame, date).transformPosition(Vector3D.ZERO);
        }

        @Override
        public <T extends CalculusFieldElement<T>> FieldVector3D<T> getPosition(FieldAbsoluteDate<T> date, Frame frame) {
            return referenceData.gcrf().getStaticTransformTo(frame, date)
                    .transformPosition(FieldVector3D.getZero(date.getField()));
        }

        @Override
        public TimeStampedPVCoordinates getPVCoordinates(AbsoluteDate date, Frame frame) {
            return referenceData.gcrf().getTransformTo(frame, date).transformPVCoordinates(
                    new TimeStampedPVCoordinates(date, Vector3D.ZERO, Vector3D.ZERO, Vector3D.ZERO));
        }
    }

    /** A body known by name and GM; without ephemerides it has no position or frame. */
    private static final class NamedBody implements CelestialBody {

        private static final long serialVersionUID = 1L;

        private final String name;
        private final double gm;

        NamedBody(String name, double gm) {
            this.name = name;
            this.gm = gm;
        }

        private OrekitException noEphemerides() {
            return new OrekitException(OrekitMessages.NO_JPL_EPHEMERIDES_BINARY_FILES_FOUND);
        }

        @Override
        public Frame getInertiallyOrientedFrame() {
            throw noEphemerides();
        }

        @Override
        public Frame getBodyOrientedFrame() {
            throw noEphemerides();
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public double getGM() {
            return gm;
        }

        @Override
        public Vector3D getPosition(AbsoluteDate date, Frame frame) {
            throw noEphemerides();
        }

        @Override
        public <T extends CalculusFieldElement<T>> FieldVector3D<T> getPosition(FieldAbsoluteDate<T> date, Frame frame) {
            throw noEphemerides();
        }

        @Override
        public TimeStampedPVCoordinates getPVCoordinates(AbsoluteDate date, Frame frame) {
            throw noEphemerides();
        }
    }
}
