package io.astroshield.domain.cdm;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One of the two objects of a CDM: identity, metadata, state at TCA and covariance.
 *
 * @param designator              OBJECT_DESIGNATOR as written (the catalog number for SATCAT)
 * @param catalogName             CATALOG_NAME, e.g. "SATCAT"
 * @param name                    OBJECT_NAME
 * @param internationalDesignator INTERNATIONAL_DESIGNATOR (e.g. "1998-067A"), or null when the
 *                                CDM says it is unknown ("UNKNOWN", "NaN") or code built the record without one
 * @param maneuverable            MANEUVERABLE
 * @param refFrame                REF_FRAME, the frame of {@code state}
 * @param covarianceMethod        COVARIANCE_METHOD
 * @param state                   position (m) and velocity (m/s) at TCA in {@code refFrame}
 * @param covariance              6x6 RTN covariance (m², m²/s, m²/s²), or null when absent
 *                                (a record built by code; a CDM read from a file always has one)
 * @param hardBodyRadiusM         this object's hard-body radius in metres when the CDM gives one
 *                                (CDM 2.0 HBR keyword, or a {@code COMMENT HBR = ...} in the object's sections)
 */
public record CdmObject(
        String designator,
        String catalogName,
        String name,
        String internationalDesignator,
        Maneuverability maneuverable,
        CdmReferenceFrame refFrame,
        CovarianceMethod covarianceMethod,
        CartesianState state,
        RtnCovariance covariance,
        OptionalDouble hardBodyRadiusM) {

    public CdmObject {
        CdmText.requireValue("designator", designator);
        CdmText.requireValue("catalogName", catalogName);
        CdmText.requireValue("name", name);
        CdmText.requireOptionalValue("internationalDesignator", internationalDesignator);
        Objects.requireNonNull(maneuverable, "maneuverable");
        Objects.requireNonNull(refFrame, "refFrame");
        Objects.requireNonNull(covarianceMethod, "covarianceMethod");
        Objects.requireNonNull(state, "state");
        CdmText.requireNonNegative("hardBodyRadiusM", hardBodyRadiusM);
    }

    /** The catalog number when the designator is a plain non-negative integer (e.g. "25544"). */
    public OptionalInt catalogNumber() {
        if (designator.length() > 9) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < designator.length(); i++) {
            char c = designator.charAt(i);
            if (c < '0' || c > '9') {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(Integer.parseInt(designator));
    }

    public CdmObject withCovariance(RtnCovariance newCovariance) {
        return new CdmObject(designator, catalogName, name, internationalDesignator, maneuverable, refFrame,
                covarianceMethod, state, newCovariance, hardBodyRadiusM);
    }

    public CdmObject withHardBodyRadiusM(OptionalDouble newHardBodyRadiusM) {
        return new CdmObject(designator, catalogName, name, internationalDesignator, maneuverable, refFrame,
                covarianceMethod, state, covariance, newHardBodyRadiusM);
    }
}
