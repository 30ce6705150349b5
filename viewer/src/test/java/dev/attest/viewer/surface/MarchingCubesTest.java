package dev.attest.viewer.surface;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Geometry and topology of marching-cubes surfaces on anisotropic, sheared and mirrored grids. */
class MarchingCubesTest {

    /**
     * The midpoint surface cuts every convex voxel corner, so it encloses a little less than the
     * voxels: 0.4 % less for this ball of radius 12 mm on 0.8 × 1 × 1.5 mm voxels (VTK: 7214.1 mm³
     * for 7243.2 mm³ of voxels). 1 % is allowed.
     */
    private static final double VOXEL_VOLUME_TOLERANCE = 0.01;

    @Test
    void sphereOnAnisotropicGridIsClosedGenusZeroAndFacesOutwards() {
        Volume labels = Masks.labelMap(Masks.anisotropicGrid(), 3, Masks::inSphere);
        SurfaceMesh mesh = MarchingCubes.extract(labels, 3);

        MeshTopology topology = MeshTopology.of(mesh);
        assertEquals(0, topology.boundaryEdges());
        assertEquals(0, topology.nonManifoldEdges());
        assertEquals(0, topology.misorientedEdges());
        assertEquals(2, topology.eulerCharacteristic());
        assertEquals(mesh.vertexCount(), topology.usedVertices());

        double voxelVolume = 6036 * 0.8 * 1.0 * 1.5;
        assertEquals(6036, Masks.count(labels, 3));
        assertTrue(mesh.enclosedVolume() > 0, "outward triangles give a positive volume");
        assertEquals(voxelVolume, mesh.enclosedVolume(), VOXEL_VOLUME_TOLERANCE * voxelVolume);

        // Every vertex normal of a ball points away from its centre.
        Vec3 centre = new Vec3(Masks.CENTRE[0] * 0.8, Masks.CENTRE[1] * 1.0, Masks.CENTRE[2] * 1.5);
        float[] v = mesh.vertices();
        float[] n = mesh.normals();
        for (int i = 0; i < v.length; i += 3) {
            Vec3 radial = new Vec3(v[i], v[i + 1], v[i + 2]).sub(centre);
            assertTrue(radial.dot(new Vec3(n[i], n[i + 1], n[i + 2])) > 0, "normal at vertex " + i / 3);
        }
    }

    @Test
    void sphereLyingOnTheVolumeBorderIsClosedThere() {
        // Shift the ball so it is cut by the planes i = 0 and k = 0.
        Volume labels = Masks.labelMap(Masks.anisotropicGrid(), 1, (i, j, k) -> Masks.inSphere(i + 15, j, k + 8));
        SurfaceMesh mesh = MarchingCubes.extract(labels, 1);
        MeshTopology topology = MeshTopology.of(mesh);
        assertTrue(topology.isClosedOrientedManifold(), topology.toString());
        assertEquals(2, topology.eulerCharacteristic());
        double[] b = mesh.bounds();
        // The cap closing the surface lies half a voxel outside the first voxel centres.
        assertEquals(-0.4, b[0], 1e-6);
        assertEquals(-0.75, b[2], 1e-6);
    }

    @Test
    void shearedGridPutsEveryVertexMidwayBetweenAnInsideAndAnOutsideVoxelCentre() {
        // A gantry-tilt-like shear (k moves along y) plus a rotation about z and an offset.
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        Affine shear = Affine.fromColumns(new Vec3(0.8 * c, 0.8 * s, 0), new Vec3(-1.0 * s, 1.0 * c, 0),
                new Vec3(0, 0.6, 1.5), new Vec3(-100, 50, 20));
        assertSheared(shear);
    }

    @Test
    void mirroredShearedGridStillWindsTrianglesOutwards() {
        // Negative determinant: +i runs to the patient's right, as in a grid stored RAS.
        Affine mirrored = Affine.fromColumns(new Vec3(-0.8, 0, 0), new Vec3(0, 1.0, 0),
                new Vec3(0, 0.6, 1.5), new Vec3(100, -50, 20));
        assertTrue(mirrored.determinant() < 0);
        assertSheared(mirrored);
    }

    private static void assertSheared(Affine indexToLps) {
        ImageGrid grid = new ImageGrid(Masks.SIZE[0], Masks.SIZE[1], Masks.SIZE[2], indexToLps);
        Volume labels = Masks.labelMap(grid, 2, Masks::inSphere);
        SurfaceMesh mesh = MarchingCubes.extract(labels, 2);
        Volume reference = Masks.labelMap(Masks.anisotropicGrid(), 2, Masks::inSphere);
        SurfaceMesh unsheared = MarchingCubes.extract(reference, 2);

        assertEquals(unsheared.triangleCount(), mesh.triangleCount());
        assertTrue(MeshTopology.of(mesh).isClosedOrientedManifold());
        // An affine map scales every volume by |det|; the unsheared grid's det is 0.8 × 1 × 1.5.
        double scale = Math.abs(indexToLps.determinant()) / 1.2;
        assertEquals(unsheared.enclosedVolume() * scale, mesh.enclosedVolume(), 1e-6 * mesh.enclosedVolume());

        // Mapped back to index space, each vertex is the midpoint of two neighbouring voxel centres,
        // one inside the label and one not.
        Affine toIndex = grid.lpsToIndex();
        float[] v = mesh.vertices();
        for (int p = 0; p < v.length; p += 3) {
            Vec3 ijk = toIndex.apply(v[p], v[p + 1], v[p + 2]);
            int halfAxis = -1;
            int[] lower = new int[3];
            for (int axis = 0; axis < 3; axis++) {
                double x = ijk.get(axis);
                double twice = Math.rint(2 * x);
                assertEquals(twice, 2 * x, 1e-3, "vertex " + p / 3 + " index " + ijk);
                if (((long) twice & 1) == 1) {
                    assertEquals(-1, halfAxis, "vertex " + p / 3 + " is half-way along two axes: " + ijk);
                    halfAxis = axis;
                }
                lower[axis] = (int) Math.floor(twice / 2);
            }
            assertTrue(halfAxis >= 0, "vertex " + p / 3 + " is on a voxel centre: " + ijk);
            int[] upper = lower.clone();
            upper[halfAxis]++;
            assertTrue(inside(labels, lower) != inside(labels, upper), "vertex " + p / 3 + " at " + ijk);
        }
    }

    private static boolean inside(Volume labels, int[] ijk) {
        ImageGrid g = labels.grid();
        for (int axis = 0; axis < 3; axis++) {
            if (ijk[axis] < 0 || ijk[axis] >= g.size(axis)) {
                return false;
            }
        }
        return labels.getStored(ijk[0], ijk[1], ijk[2]) != 0;
    }
}
