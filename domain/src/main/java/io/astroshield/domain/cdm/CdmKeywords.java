package io.astroshield.domain.cdm;

import org.orekit.files.ccsds.ndm.cdm.AdditionalCovarianceMetadataKey;
import org.orekit.files.ccsds.ndm.cdm.AdditionalParametersKey;
import org.orekit.files.ccsds.ndm.cdm.CdmHeaderKey;
import org.orekit.files.ccsds.ndm.cdm.CdmMetadataKey;
import org.orekit.files.ccsds.ndm.cdm.CdmRelativeMetadataKey;
import org.orekit.files.ccsds.ndm.cdm.ODParametersKey;
import org.orekit.files.ccsds.ndm.cdm.RTNCovarianceKey;
import org.orekit.files.ccsds.ndm.cdm.SigmaEigenvectorsCovarianceKey;
import org.orekit.files.ccsds.ndm.cdm.StateVectorKey;
import org.orekit.files.ccsds.ndm.cdm.XYZCovarianceKey;
import org.orekit.files.ccsds.section.HeaderKey;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the repair pass knows about each CDM keyword: the kind of value, the unit CCSDS
 * 508.0-B-1 (and the CDM 2.0 draft 508.0-P-1.0.2) prescribes, and whether it is mandatory.
 * The set of known keywords is Orekit's own (its key enums), so that the repair pass never
 * calls a keyword unknown that Orekit reads.
 */
final class CdmKeywords {

    enum Kind { TEXT, DATE, REAL, INTEGER, GRAVITY_MODEL }

    /** Which velocity group a keyword belongs to, for the {@code [m]}-written-for-velocity repair. */
    enum VelocityGroup { NONE, STATE, RELATIVE, RELATIVE_SPEED }

    record Spec(String key, Kind kind, String unit, VelocityGroup velocity) {
        boolean numeric() {
            return kind == Kind.REAL || kind == Kind.INTEGER;
        }
    }

    /** Mandatory keywords before the first object (CCSDS_CDM_VERS is KVN only: XML has it as an attribute). */
    static final List<String> MANDATORY_MESSAGE = List.of("CREATION_DATE", "ORIGINATOR", "MESSAGE_ID", "TCA", "MISS_DISTANCE");

    /** Mandatory keywords of each object, except the RTN covariance. */
    static final List<String> MANDATORY_OBJECT = List.of("OBJECT", "OBJECT_DESIGNATOR", "CATALOG_NAME", "OBJECT_NAME",
            "INTERNATIONAL_DESIGNATOR", "EPHEMERIS_NAME", "COVARIANCE_METHOD", "MANEUVERABLE", "REF_FRAME",
            "X", "Y", "Z", "X_DOT", "Y_DOT", "Z_DOT");

    /** Keywords that the record is built from: given twice in one section with different values they are ambiguous. */
    static final Set<String> CORE;

    private static final Set<String> KNOWN = new HashSet<>();
    private static final Set<String> MANDATORY = new HashSet<>();
    private static final Map<String, Spec> SPECS = new HashMap<>();

    static {
        for (Enum<?> e : HeaderKey.values()) {
            KNOWN.add(e.name());
        }
        addAll(CdmHeaderKey.values());
        addAll(CdmRelativeMetadataKey.values());
        addAll(CdmMetadataKey.values());
        addAll(ODParametersKey.values());
        addAll(AdditionalParametersKey.values());
        addAll(StateVectorKey.values());
        addAll(RTNCovarianceKey.values());
        addAll(XYZCovarianceKey.values());
        addAll(SigmaEigenvectorsCovarianceKey.values());
        addAll(AdditionalCovarianceMetadataKey.values());
        KNOWN.add("CCSDS_CDM_VERS");
        KNOWN.remove("COMMENT");

        real("MISS_DISTANCE", "m");
        real("RELATIVE_SPEED", "m/s", VelocityGroup.RELATIVE_SPEED);
        for (String c : List.of("R", "T", "N")) {
            real("RELATIVE_POSITION_" + c, "m");
            real("RELATIVE_VELOCITY_" + c, "m/s", VelocityGroup.RELATIVE);
        }
        real("MAHALANOBIS_DISTANCE", null);
        real("APPROACH_ANGLE", "deg");
        for (String k : List.of("SCREEN_VOLUME_X", "SCREEN_VOLUME_Y", "SCREEN_VOLUME_Z", "SCREEN_VOLUME_RADIUS",
                "OEB_MAX", "OEB_INT", "OEB_MIN", "HBR")) {
            real(k, "m");
        }
        for (String k : List.of("SCREEN_PC_THRESHOLD", "COLLISION_PROBABILITY", "COLLISION_MAX_PROBABILITY",
                "SEFI_COLLISION_PROBABILITY", "WEIGHTED_RMS", "OEB_Q1", "OEB_Q2", "OEB_Q3", "OEB_QC",
                "VM_ABSOLUTE", "VM_APPARENT_MIN", "VM_APPARENT", "VM_APPARENT_MAX", "REFLECTANCE",
                "COV_CONFIDENCE", "DENSITY_FORECAST_UNCERTAINTY", "CSCALE_FACTOR_MIN", "CSCALE_FACTOR",
                "CSCALE_FACTOR_MAX")) {
            real(k, null);
        }
        for (String k : List.of("CREATION_DATE", "TCA", "START_SCREEN_PERIOD", "STOP_SCREEN_PERIOD",
                "SCREEN_ENTRY_TIME", "SCREEN_EXIT_TIME", "PREVIOUS_MESSAGE_EPOCH", "NEXT_MESSAGE_EPOCH",
                "TIME_LASTOB_START", "TIME_LASTOB_END", "OD_EPOCH", "OEB_PARENT_FRAME_EPOCH")) {
            SPECS.put(k, new Spec(k, Kind.DATE, null, VelocityGroup.NONE));
        }
        real("RECOMMENDED_OD_SPAN", "d");
        real("ACTUAL_OD_SPAN", "d");
        real("RESIDUALS_ACCEPTED", "%");
        for (String k : List.of("OBS_AVAILABLE", "OBS_USED", "TRACKS_AVAILABLE", "TRACKS_USED")) {
            SPECS.put(k, new Spec(k, Kind.INTEGER, null, VelocityGroup.NONE));
        }
        for (String k : List.of("AREA_PC", "AREA_PC_MIN", "AREA_PC_MAX", "AREA_DRG", "AREA_SRP",
                "AREA_ALONG_OEB_MAX", "AREA_ALONG_OEB_INT", "AREA_ALONG_OEB_MIN", "RCS", "RCS_MIN", "RCS_MAX")) {
            real(k, "m**2");
        }
        real("MASS", "kg");
        real("CD_AREA_OVER_MASS", "m**2/kg");
        real("CR_AREA_OVER_MASS", "m**2/kg");
        real("THRUST_ACCELERATION", "m/s**2");
        real("SEDR", "W/kg");
        real("APOAPSIS_ALTITUDE", "km");
        real("PERIAPSIS_ALTITUDE", "km");
        real("INCLINATION", "deg");
        for (String c : List.of("X", "Y", "Z")) {
            real(c, "km");
            real(c + "_DOT", "km/s", VelocityGroup.STATE);
        }
        for (Enum<?> e : RTNCovarianceKey.values()) {
            covariance(e.name());
        }
        for (Enum<?> e : XYZCovarianceKey.values()) {
            covariance(e.name());
        }
        SPECS.put("GRAVITY_MODEL", new Spec("GRAVITY_MODEL", Kind.GRAVITY_MODEL, null, VelocityGroup.NONE));

        MANDATORY.add("CCSDS_CDM_VERS");
        MANDATORY.addAll(MANDATORY_MESSAGE);
        MANDATORY.addAll(MANDATORY_OBJECT);
        MANDATORY.addAll(RtnCovariance.KEYWORDS);

        Set<String> core = new HashSet<>(MANDATORY);
        core.addAll(List.of("RELATIVE_SPEED", "RELATIVE_POSITION_R", "RELATIVE_POSITION_T", "RELATIVE_POSITION_N",
                "RELATIVE_VELOCITY_R", "RELATIVE_VELOCITY_T", "RELATIVE_VELOCITY_N", "COLLISION_PROBABILITY",
                "COLLISION_PROBABILITY_METHOD", "HBR"));
        CORE = Set.copyOf(core);
    }

    private CdmKeywords() {
    }

    private static void addAll(Enum<?>[] keys) {
        for (Enum<?> e : keys) {
            KNOWN.add(e.name());
        }
    }

    private static void real(String key, String unit) {
        real(key, unit, VelocityGroup.NONE);
    }

    private static void real(String key, String unit, VelocityGroup group) {
        SPECS.put(key, new Spec(key, Kind.REAL, unit, group));
    }

    /**
     * Covariance terms, units from the kind of each index (CCSDS 508.0-B-1 table 3-5):
     * position m, velocity m/s, drag and SRP m²/kg, thrust m/s².
     */
    private static void covariance(String key) {
        if ("COMMENT".equals(key) || !key.startsWith("C") || !key.contains("_")) {
            return;
        }
        int underscore = key.indexOf('_');
        String a = key.substring(1, underscore);
        String b = key.substring(underscore + 1);
        SPECS.put(key, new Spec(key, Kind.REAL, product(a, b), VelocityGroup.NONE));
    }

    /** Unit of the product of two state components, written the way CCSDS writes it. */
    private static String product(String a, String b) {
        // exponents of m, kg, s per component
        int[] ea = exponents(a);
        int[] eb = exponents(b);
        int m = ea[0] + eb[0];
        int kg = ea[1] + eb[1];
        int s = ea[2] + eb[2];
        StringBuilder num = new StringBuilder("m**").append(m);
        StringBuilder den = new StringBuilder();
        if (kg > 0) {
            den.append(kg == 1 ? "kg" : "kg**" + kg);
        }
        if (s > 0) {
            if (den.length() > 0) {
                den.append('*');
            }
            den.append(s == 1 ? "s" : "s**" + s);
        }
        if (den.length() == 0) {
            return num.toString();
        }
        boolean compound = kg > 0 && s > 0;
        return num + "/" + (compound ? "(" + den + ")" : den.toString());
    }

    private static int[] exponents(String component) {
        return switch (component) {
            case "R", "T", "N", "X", "Y", "Z" -> new int[] {1, 0, 0};
            case "RDOT", "TDOT", "NDOT", "XDOT", "YDOT", "ZDOT" -> new int[] {1, 0, 1};
            case "DRG", "SRP" -> new int[] {2, 1, 0};
            case "THR" -> new int[] {1, 0, 2};
            default -> throw new IllegalStateException("unknown covariance component " + component);
        };
    }

    static boolean isKnown(String key) {
        return KNOWN.contains(key) || key.startsWith("USER_DEFINED_");
    }

    static boolean isMandatory(String key) {
        return MANDATORY.contains(key);
    }

    /** The spec of a keyword; unknown and free-text keywords are TEXT without unit. */
    static Spec spec(String key) {
        Spec s = SPECS.get(key);
        return s != null ? s : new Spec(key, Kind.TEXT, null, VelocityGroup.NONE);
    }
}
