package io.astroshield.domain.cdm;

import java.util.Optional;

/**
 * The frames a CDM state vector may be given in and that the workstation handles
 * (CCSDS 508.0-B-1 REF_FRAME values, plus TEME for screening results from SGP4).
 */
public enum CdmReferenceFrame {
    /** Earth Mean Equator and Equinox of J2000. */
    EME2000,
    /** Geocentric Celestial Reference Frame. */
    GCRF,
    /** International Terrestrial Reference Frame (Earth-fixed). */
    ITRF,
    /** True Equator Mean Equinox, the frame of SGP4. */
    TEME;

    /** The name written after {@code REF_FRAME =}. */
    public String ccsdsName() {
        return name();
    }

    /** The frame named by a REF_FRAME value (case-insensitive), if it is one of ours. */
    public static Optional<CdmReferenceFrame> fromCcsdsName(String name) {
        for (CdmReferenceFrame f : values()) {
            if (f.name().equalsIgnoreCase(name.trim())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
