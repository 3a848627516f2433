package io.astroshield.domain.risk;

import java.util.Objects;

/**
 * A short-term encounter at the time of closest approach (TCA): both objects' states in one
 * inertial frame (m, m/s), each with its covariance (inertial or own-RTN axes, see
 * {@link ObjectCovariance}), and the combined hard-body radius in m (the sum of both objects'
 * radii; 0 gives Pc 0, {@link Double#POSITIVE_INFINITY} gives Pc 1).
 *
 * @param covarianceSource where the covariances came from; never {@link CovarianceSource#NONE}
 */
public record Encounter(ObjectState primary, ObjectCovariance primaryCovariance,
                        ObjectState secondary, ObjectCovariance secondaryCovariance,
                        double hardBodyRadiusM, CovarianceSource covarianceSource) {

    public Encounter {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(primaryCovariance, "primaryCovariance");
        Objects.requireNonNull(secondary, "secondary");
        Objects.requireNonNull(secondaryCovariance, "secondaryCovariance");
        Objects.requireNonNull(covarianceSource, "covarianceSource");
        // A negative radius is a broken input, not a zero-size object: reporting Pc 0 for it
        // would silence an alarm, so it is refused here (CARA's PcElrod maps it to 0 with a warning).
        if (!(hardBodyRadiusM >= 0)) {
            throw new IllegalArgumentException("hardBodyRadiusM must be >= 0 (or +Infinity): " + hardBodyRadiusM);
        }
        if (covarianceSource == CovarianceSource.NONE) {
            throw new IllegalArgumentException("an encounter carries covariances: covarianceSource cannot be NONE");
        }
    }

    /** A copy with another combined hard-body radius in m. */
    public Encounter withHardBodyRadiusM(double radiusM) {
        return new Encounter(primary, primaryCovariance, secondary, secondaryCovariance, radiusM, covarianceSource);
    }
}
