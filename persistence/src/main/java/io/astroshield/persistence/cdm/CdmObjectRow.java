package io.astroshield.persistence.cdm;

import java.util.List;
import java.util.Objects;

/**
 * One object of a CDM as the store keeps it.
 *
 * @param designator    OBJECT_DESIGNATOR as written
 * @param name          OBJECT_NAME, or null
 * @param noradId       catalog number when the designator gives one, or null
 * @param state         [x, y, z, vx, vy, vz] in m and m/s in the CDM's frame, or null when absent
 * @param covarianceRtn the 21 lower-triangle elements of the 6x6 RTN covariance, row by row (CCSDS
 *                      order: CR_R, CT_R, CT_T, CN_R, ...), in m^2, m^2/s, m^2/s^2; or null when absent
 */
public record CdmObjectRow(String designator, String name, Integer noradId, List<Double> state,
                           List<Double> covarianceRtn) {
    public CdmObjectRow {
        Objects.requireNonNull(designator, "designator");
        if (state != null) {
            state = List.copyOf(state);
            if (state.size() != 6) {
                throw new IllegalArgumentException("state needs 6 values, got " + state.size());
            }
        }
        if (covarianceRtn != null) {
            covarianceRtn = List.copyOf(covarianceRtn);
            if (covarianceRtn.size() != 21) {
                throw new IllegalArgumentException("covarianceRtn needs 21 values, got " + covarianceRtn.size());
            }
        }
    }
}
