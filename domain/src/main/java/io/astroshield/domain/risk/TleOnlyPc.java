package io.astroshield.domain.risk;

import java.util.Objects;

/**
 * The two figures TLE-only screening can offer for an encounter without covariances.
 *
 * @param underDefaultCovariance Patera 2005 Pc with {@link DefaultCovariance} for both objects
 *                               (source {@link CovarianceSource#DEFAULT_ASSUMED})
 * @param maximum                maximum Pc over the scale of that covariance
 *                               ({@link PcMethod#ALFRIEND_1999_MAX}), independent of the assumed size
 */
public record TleOnlyPc(CollisionProbability underDefaultCovariance, CollisionProbability maximum) {

    public TleOnlyPc {
        Objects.requireNonNull(underDefaultCovariance, "underDefaultCovariance");
        Objects.requireNonNull(maximum, "maximum");
    }
}
