package io.astroshield.app.orbitview;

import io.astroshield.domain.catalog.ObjectType;
import javafx.scene.shape.TriangleMesh;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PointCloudTest {

    @Test
    void eachObjectIsOneTriangleAroundItsPositionColouredByItsType() {
        // given three objects of different types
        PointCloud cloud = PointCloud.of(new ObjectType[] {ObjectType.PAYLOAD, ObjectType.DEBRIS, ObjectType.UNKNOWN});
        float[] centres = {7, 0, 0, 0, -26.6f, 0, 0, 0, 42.164f};
        // when the vertices are made
        float[] v = cloud.vertices(centres);
        // then each object has three corners at the corner distance from its centre (float rounding: 1e-5)
        TriangleMesh mesh = cloud.mesh();
        assertThat(v).hasSize(27);
        for (int p = 0; p < 3; p++) {
            double sx = 0;
            double sy = 0;
            double sz = 0;
            for (int c = 0; c < 3; c++) {
                double dx = v[9 * p + 3 * c] - centres[3 * p];
                double dy = v[9 * p + 3 * c + 1] - centres[3 * p + 1];
                double dz = v[9 * p + 3 * c + 2] - centres[3 * p + 2];
                assertThat(Math.sqrt(dx * dx + dy * dy + dz * dz)).isCloseTo(PointCloud.CORNER_DISTANCE, within(1e-5));
                sx += dx;
                sy += dy;
                sz += dz;
            }
            // and the triangle is equilateral about the centre: the corner offsets sum to zero
            assertThat(Math.sqrt(sx * sx + sy * sy + sz * sz)).isLessThan(1e-5);
        }
        // and its face takes the palette texel of its type (faces are point, normal, texture triples)
        assertThat(mesh.getFaces().size()).isEqualTo(27);
        assertThat(mesh.getFaces().get(2)).isEqualTo(ObjectType.PAYLOAD.ordinal());
        assertThat(mesh.getFaces().get(9 + 2)).isEqualTo(ObjectType.DEBRIS.ordinal());
        assertThat(mesh.getFaces().get(18 + 8)).isEqualTo(ObjectType.UNKNOWN.ordinal());
        assertThat(mesh.getPoints().size()).isEqualTo(27);
    }

    @Test
    void objectWithoutPositionCollapsesToTheEarthsCentre() {
        // given an object SGP4 could not place (NaN position)
        PointCloud cloud = PointCloud.of(new ObjectType[] {ObjectType.DEBRIS});
        // when its vertices are made
        float[] v = cloud.vertices(new float[] {Float.NaN, Float.NaN, Float.NaN});
        // then all three corners sit at the origin, inside the Earth: a degenerate triangle draws nothing
        assertThat(v).containsOnly(0f);
    }

    @Test
    void orbitPolylineIsSplitWhereSgp4HasNoPosition() {
        // given five samples whose third has no position
        float[] xyz = {1, 1, 1, 2, 2, 2, Float.NaN, Float.NaN, Float.NaN, 4, 4, 4, 5, 5, 5};
        // when split
        var pieces = OrbitViewModel.splitAtGaps(xyz);
        // then two pieces of two samples each
        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(0)).containsExactly(1, 1, 1, 2, 2, 2);
        assertThat(pieces.get(1)).containsExactly(4, 4, 4, 5, 5, 5);
    }
}
