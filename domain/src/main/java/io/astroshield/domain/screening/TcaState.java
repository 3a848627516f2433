package io.astroshield.domain.screening;

/** An object's TEME state at the time of closest approach: metres and m/s. */
public record TcaState(double xM, double yM, double zM, double vxMps, double vyMps, double vzMps) {
    public TcaState {
        if (!(Double.isFinite(xM) && Double.isFinite(yM) && Double.isFinite(zM)
                && Double.isFinite(vxMps) && Double.isFinite(vyMps) && Double.isFinite(vzMps))) {
            throw new IllegalArgumentException("non-finite state");
        }
    }

    static TcaState of(double[] s) {
        return new TcaState(s[0], s[1], s[2], s[3], s[4], s[5]);
    }

    public double[] position() {
        return new double[] {xM, yM, zM};
    }

    public double[] velocity() {
        return new double[] {vxMps, vyMps, vzMps};
    }
}
