#!/usr/bin/env python3
"""CARA PcCircle's default 2D Pc (EstimationMode 64) recomputed for the circular-HBR reference cases.

A check that NASA CARA's PcCircle unit-test values are its fixed-order quadrature, not the exact
integral. PcCircle (CARA_Analysis_Tools, DistributedMatlab/ProbabilityOfCollision/PcCircle.m,
described there and in Utils/AugmentedMath/GenGCQuad.m) works in the encounter plane's principal
axes with x the MAJOR axis (sigma_x the larger sigma, miss component xm >= 0) and z the minor axis
(zm >= 0). The disc is swept along x with x = xm + R cos(theta): the z-integral across the disc is
the erf difference erf((zm + R sin)/(sqrt2 sz)) - erf((zm - R sin)/(sqrt2 sz)), and the x-integral
is Gauss-Chebyshev quadrature of the second kind with N = 64 nodes theta_k = k pi/(N+1), weights
pi/(N+1) sin^2(theta_k) divided by the sqrt(1 - cos^2) of the substitution:

    Pc = R/(sx sqrt(8 pi)) * pi/(N+1) * sum_k sin(theta_k) exp(-(xm + R cos theta_k)^2 / (2 sx^2))
         * [erf((zm + R sin theta_k)/(sqrt2 sz)) - erf((zm - R sin theta_k)/(sqrt2 sz))]

after CARA's eigenvalue clipping (both variances raised to at least (1e-4 R)^2). PcCircle uses it only
when the disc lies within 4 sigma_x: xm - R > -4 sx and xm + R < max(xm - R, 0) + 4 sx; otherwise it
falls back to MATLAB's adaptive `integral` (RelTol 1e-6), whose value this script does not model.
The projection is the one of independent_pc2d.py; the sum is evaluated with mpmath at 30 digits.
Usage: python3 docs/tools/cara_pc_circle64.py
"""
import json

import mpmath as mp

from independent_pc2d import RESOURCE, plane

mp.mp.dps = 30
ORDER = 64


def within_quadrature_bound(xm, sx, radius):
    lo, hi = xm - radius, xm + radius
    return lo > -4 * sx and hi < max(lo, 0.0) + 4 * sx


def pc_circle(xm, zm, var_x, var_z, radius, order=ORDER):
    floor = (1e-4 * radius) ** 2
    sx = mp.sqrt(max(mp.mpf(var_x), mp.mpf(floor)))
    sz = mp.sqrt(max(mp.mpf(var_z), mp.mpf(floor)))
    xm, zm, r = mp.mpf(xm), mp.mpf(zm), mp.mpf(radius)
    step = mp.pi / (order + 1)
    total = mp.mpf(0)
    for k in range(1, order + 1):
        c, s = mp.cos(k * step), mp.sin(k * step)
        gauss = mp.exp(-((xm + r * c) / sx) ** 2 / 2)
        across = mp.erf((zm + r * s) / (mp.sqrt(2) * sz)) - mp.erf((zm - r * s) / (mp.sqrt(2) * sz))
        total += s * gauss * across
    return r / (sx * mp.sqrt(8 * mp.pi)) * step * total


def main():
    cases = json.loads(RESOURCE.read_text())['cases']
    print('%-20s %-24s %-24s %-10s %s' % ('case', 'GC64', 'CARA expected', 'rel.dev.', 'within 4 sigma_x'))
    for case in cases:
        hbr = case['hbr']
        if case['hbr_infinite'] or hbr is None or hbr <= 0 or case['cara_expects_nan']:
            continue
        k = 1000.0 if case['unit'] == 'km' else 1.0
        radius = hbr * k
        z_miss, x_miss, var_minor, var_major = plane(case)
        value = pc_circle(x_miss, z_miss, var_major, var_minor, radius)
        expected = case['expected_pc']
        dev = '' if not expected else '%.2e' % float(value / expected - 1)
        inside = within_quadrature_bound(x_miss, max(var_major, (1e-4 * radius) ** 2) ** 0.5, radius)
        print('%-20s %-24s %-24r %-10s %s' % (case['id'], mp.nstr(value, 17), expected, dev, inside))


if __name__ == '__main__':
    main()
