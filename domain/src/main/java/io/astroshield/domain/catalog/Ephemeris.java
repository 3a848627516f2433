package io.astroshield.domain.catalog;

import java.util.List;
import java.util.Objects;

/**
 * An owner/operator ephemeris (one CCSDS OEM data block), the primary's best orbit source.
 *
 * @param noradId             catalog number when the OBJECT_ID or name gives one, else -1
 * @param objectName          OBJECT_NAME
 * @param objectId            OBJECT_ID as written (often the international designator)
 * @param centerName          CENTER_NAME (we screen only EARTH-centred ephemerides)
 * @param frameName           REF_FRAME as written (EME2000, GCRF, ITRF..., TEME)
 * @param interpolationDegree INTERPOLATION_DEGREE, or a default when absent
 * @param points              states in time order, strictly increasing
 * @param source              "FILE:LINE" of the data block
 */
public record Ephemeris(int noradId, String objectName, String objectId, String centerName, String frameName,
                        int interpolationDegree, List<EphemerisPoint> points, String source) {
    public Ephemeris {
        Objects.requireNonNull(frameName, "frameName");
        points = List.copyOf(points);
        if (points.size() < 2) {
            throw new IllegalArgumentException("an ephemeris needs at least 2 points, got " + points.size());
        }
        for (int i = 1; i < points.size(); i++) {
            if (!points.get(i).time().isAfter(points.get(i - 1).time())) {
                throw new IllegalArgumentException("ephemeris times not strictly increasing at point " + i);
            }
        }
        if (interpolationDegree < 1) {
            throw new IllegalArgumentException("interpolationDegree: " + interpolationDegree);
        }
    }
}
