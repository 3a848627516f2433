package io.astroshield.domain.cdm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RtnCovarianceTest {

    private static double[] terms() {
        double[] t = new double[21];
        for (int i = 0; i < t.length; i++) {
            t[i] = i + 1;
        }
        return t;
    }

    @Test
    void lowerTriangleIsReadRowByRowInCcsdsOrderAndMirrored() {
        RtnCovariance c = RtnCovariance.ofLowerTriangle(terms());

        // CCSDS 508.0-B-1 table 3-5 order: CR_R; CT_R CT_T; CN_R CN_T CN_N; CRDOT_R ... CRDOT_RDOT; ...
        assertThat(c.get(0, 0)).isEqualTo(1);
        assertThat(c.get(1, 0)).isEqualTo(2).isEqualTo(c.get(0, 1));
        assertThat(c.get(2, 2)).isEqualTo(6);
        assertThat(c.get(3, 3)).isEqualTo(10);
        assertThat(c.get(5, 0)).isEqualTo(16);
        assertThat(c.get(5, 5)).isEqualTo(21);
        assertThat(c.positionBlock()[2]).containsExactly(4, 5, 6);
        assertThat(RtnCovariance.ofMatrix(c.toMatrix())).isEqualTo(c);
    }

    @Test
    void nonFiniteOrAsymmetricInputIsRefused() {
        double[] t = terms();
        t[4] = Double.NaN;
        double[][] m = RtnCovariance.ofLowerTriangle(terms()).toMatrix();
        m[0][5] += 1;

        assertThatThrownBy(() -> RtnCovariance.ofLowerTriangle(t)).hasMessageContaining("CN_T");
        assertThatThrownBy(() -> RtnCovariance.ofMatrix(m)).hasMessageContaining("not symmetric");
    }

    @Test
    void keywordUnitsAreThoseOfTheStandard() {
        // CCSDS 508.0-B-1 table 3-5 and the units written in CARA's sample CDMs
        assertThat(CdmKeywords.spec("CR_R").unit()).isEqualTo("m**2");
        assertThat(CdmKeywords.spec("CTDOT_N").unit()).isEqualTo("m**2/s");
        assertThat(CdmKeywords.spec("CNDOT_TDOT").unit()).isEqualTo("m**2/s**2");
        assertThat(CdmKeywords.spec("CDRG_R").unit()).isEqualTo("m**3/kg");
        assertThat(CdmKeywords.spec("CDRG_RDOT").unit()).isEqualTo("m**3/(kg*s)");
        assertThat(CdmKeywords.spec("CSRP_DRG").unit()).isEqualTo("m**4/kg**2");
        assertThat(CdmKeywords.spec("CTHR_NDOT").unit()).isEqualTo("m**2/s**3");
        assertThat(CdmKeywords.spec("CTHR_SRP").unit()).isEqualTo("m**3/(kg*s**2)");
        assertThat(CdmKeywords.spec("CTHR_THR").unit()).isEqualTo("m**2/s**4");
        assertThat(CdmKeywords.spec("X_DOT").unit()).isEqualTo("km/s");
    }
}
