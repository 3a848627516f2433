#!/usr/bin/env python3
"""Independent 2D Pc for the CARA circular-HBR reference cases (a check on Orekit, not used at run time).

Reads domain/src/test/resources/io/astroshield/domain/risk/cara-2d-circle-cases.json, projects each
encounter the way CARA's PcCircle does (miss |r| along the in-plane direction of r, eigen-axes of the
projected combined covariance, eigenvalues below (1e-4 HBR)^2 clipped), and integrates the 2D Gaussian
over the hard-body disc as a 1D integral of a normal density times an erf difference, with mpmath at
30 significant digits (tanh-sinh quadrature split at the Gaussian's peak). No code is shared with the
Java path; numpy does the projection. Usage: python3 docs/tools/independent_pc2d.py
"""
import json
import pathlib

import mpmath as mp
import numpy as np

mp.mp.dps = 30
RESOURCE = (pathlib.Path(__file__).resolve().parents[2]
            / 'domain/src/test/resources/io/astroshield/domain/risk/cara-2d-circle-cases.json')


def plane(case):
    k = 1000.0 if case['unit'] == 'km' else 1.0
    arr = lambda key: np.array(case[key], dtype=float)
    r = (arr('r2') - arr('r1')) * k
    v = (arr('v2') - arr('v1')) * k
    c = (arr('c1')[:3, :3] + arr('c2')[:3, :3]) * k * k
    y = v / np.linalg.norm(v)
    h = np.cross(r, v)
    z = h / np.linalg.norm(h)
    x = np.cross(y, z)
    p = np.array([x, z])
    w, vec = np.linalg.eigh(p @ c @ p.T)
    miss = np.array([np.linalg.norm(r), 0.0])
    return abs(miss @ vec[:, 0]), abs(miss @ vec[:, 1]), w[0], w[1]


def pc(xm, ym, var_minor, var_major, radius):
    floor = (1e-4 * radius) ** 2
    sx = mp.sqrt(max(mp.mpf(var_minor), mp.mpf(floor)))
    sy = mp.sqrt(max(mp.mpf(var_major), mp.mpf(floor)))
    xm, ym, r = mp.mpf(xm), mp.mpf(ym), mp.mpf(radius)

    def integrand(t):
        half = mp.sqrt(r * r - t * t)
        return mp.npdf(t, xm, sx) * (mp.ncdf((ym + half) / sy) - mp.ncdf((ym - half) / sy))

    cuts = {-r, r}
    for j in (-12, -6, -3, -1, 0, 1, 3, 6, 12):
        cuts.add(min(max(xm + j * sx, -r), r))
    return mp.quad(integrand, sorted(cuts), maxdegree=12)


def main():
    cases = json.loads(RESOURCE.read_text())['cases']
    for case in cases:
        hbr = case['hbr']
        if case['hbr_infinite'] or hbr is None or hbr <= 0 or case['cara_expects_nan']:
            continue
        k = 1000.0 if case['unit'] == 'km' else 1.0
        xm, ym, lmin, lmax = plane(case)
        print('%-20s %s' % (case['id'], mp.nstr(pc(xm, ym, lmin, lmax, hbr * k), 17)))


if __name__ == '__main__':
    main()
