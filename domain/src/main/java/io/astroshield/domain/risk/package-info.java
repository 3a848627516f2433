/**
 * Probability of collision (Pc) for short-term encounters: the 2D methods of Orekit's
 * {@code org.orekit.ssa} package fed with encounter-plane quantities computed here, CARA-style
 * remediation of non-positive-definite covariances, and the two figures TLE-only screening can
 * offer (Pc under a documented default covariance, and the maximum Pc over covariance scale).
 * All quantities are SI: metres, metres per second, square metres. See {@code docs/risk.md}.
 */
package io.astroshield.domain.risk;
