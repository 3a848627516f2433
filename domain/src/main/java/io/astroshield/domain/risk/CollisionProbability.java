package io.astroshield.domain.risk;

import java.util.List;
import java.util.Objects;

/**
 * A probability of collision with what a person needs to judge it.
 *
 * @param pc                   probability of collision, in [0, 1]; for {@link PcMethod#ALFRIEND_1999_MAX}
 *                             the maximum over covariance scale
 * @param method               the method that produced it
 * @param hardBodyRadiusM      combined hard-body radius used, m
 * @param missDistanceM        distance between the objects at TCA, m
 * @param relativeSpeedMps     relative speed at TCA, m/s
 * @param covarianceSource     where the covariance came from
 * @param covarianceRemediated true when the projected combined covariance was not positive definite
 *                             (or had a variance below the clipping floor) and its eigenvalues were
 *                             clipped, CARA-style, before the Pc was computed
 * @param warnings             what a person should read next to the number (remediation details, ...)
 */
public record CollisionProbability(double pc, PcMethod method, double hardBodyRadiusM, double missDistanceM,
                                   double relativeSpeedMps, CovarianceSource covarianceSource,
                                   boolean covarianceRemediated, List<String> warnings) {

    public CollisionProbability {
        if (!(pc >= 0 && pc <= 1)) {
            throw new IllegalArgumentException("pc must be in [0, 1]: " + pc);
        }
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(covarianceSource, "covarianceSource");
        warnings = List.copyOf(warnings);
    }

    /** True for a method that only approximates the 2D integral (Chan 1997, Alfriend 1999 maximum). */
    public boolean approximate() {
        return method.approximate();
    }

    /** True when {@link #pc()} is a maximum over covariance scale, not a Pc for the given covariance. */
    public boolean maximum() {
        return method.maximum();
    }
}
