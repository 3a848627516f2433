package io.astroshield.app.orbitview;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoastlinesTest {

    @Test
    void landOutlinesLoadAsClosedRingsWithoutJumpsAcrossTheDateLine() {
        // given the written-down Natural Earth 1:110m land (126 rings: 126 lines in land-110m.txt)
        // when loaded
        List<double[]> rings = Coastlines.get().rings();
        // then every ring is closed, within the globe's latitudes, and unwrapped (no step of half a globe)
        assertThat(rings).hasSize(126);
        for (double[] ring : rings) {
            assertThat(ring.length).isGreaterThanOrEqualTo(8);
            for (int k = 0; k < ring.length; k += 2) {
                assertThat(ring[k + 1]).isBetween(-90.0, 90.0);
                if (k > 0) {
                    assertThat(Math.abs(ring[k] - ring[k - 2])).isLessThan(180.0);
                }
            }
            if (!Coastlines.circlesThePole(ring)) {
                assertThat(ring[ring.length - 2]).isCloseTo(ring[0], org.assertj.core.api.Assertions.within(1e-9));
                assertThat(ring[ring.length - 1]).isEqualTo(ring[1]);
            }
        }
    }

    @Test
    void onlyAntarcticaGoesRoundThePoleAndItsDateLineEdgesAreNotCoast() {
        // given the rings
        List<double[]> rings = Coastlines.get().rings();
        // when the rings that go once round the globe are picked
        List<double[]> polar = rings.stream().filter(Coastlines::circlesThePole).toList();
        // then there is one, in the far south (Antarctica's coast lies between 60 S and 85 S)
        assertThat(polar).hasSize(1);
        double maxLat = -90;
        for (int k = 1; k < polar.get(0).length; k += 2) {
            maxLat = Math.max(maxLat, polar.get(0)[k]);
        }
        assertThat(maxLat).isBetween(-70.0, -60.0);
        // and an edge along the 180 degree meridian (Chukotka and Wrangel Island are cut there) is not coast
        double[] cut = {180.0, 71.5, 180.0, 70.8, 179.0, 70.8};
        assertThat(Coastlines.isCoast(cut, 0)).isFalse();
        assertThat(Coastlines.isCoast(cut, 1)).isTrue();
    }
}
