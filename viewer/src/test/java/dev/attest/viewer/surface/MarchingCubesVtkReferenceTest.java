package dev.attest.viewer.surface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our marching cubes against VTK's vtkDiscreteMarchingCubes on the same masks
 * (reference/surface/vtk_discrete_marching_cubes.json, from tools/reference/make_surface_refs.py).
 * Both put vertices at edge midpoints and both triangulate each cube's loops into n − 2 triangles,
 * so vertex and triangle counts must match exactly; the areas differ only where a loop of more
 * than four non-coplanar points is split along a different diagonal.
 */
class MarchingCubesVtkReferenceTest {

    /**
     * Relative area tolerance. Loops of four or more points that are not planar can be split along
     * either diagonal; our table picks the first apex whose diagonals stay off the cube's faces,
     * VTK's table was laid out by hand, and on these masks our areas come out 0.02-0.5 % lower.
     */
    private static final double AREA_TOLERANCE = 0.006;
    /** Relative volume tolerance; the diagonal choice moves volume by at most 0.16 % here. */
    private static final double VOLUME_TOLERANCE = 0.002;
    /**
     * The lattice has an ambiguous face or cube almost everywhere and a surface ten times its
     * volume's cube root, so the diagonal choice weighs more: 1.3 % of the volume.
     */
    private static final double LATTICE_VOLUME_TOLERANCE = 0.015;

    private static JsonNode reference() throws IOException {
        try (InputStream in = MarchingCubesVtkReferenceTest.class.getResourceAsStream(
                "/reference/surface/vtk_discrete_marching_cubes.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void sphereAndLatticeMatchVtkCountsAreaAndVolume() throws IOException {
        for (JsonNode ref : reference().get("synthetic")) {
            Masks.Shape shape = ref.get("name").asText().equals("sphere") ? Masks::inSphere : Masks::inLattice;
            Volume labels = Masks.labelMap(Masks.anisotropicGrid(), 1, shape);
            assertEquals(ref.get("voxels").asLong(), Masks.count(labels, 1));
            assertEquals(ref.get("index_sum").asLong(), Masks.indexSum(labels, 1));
            String name = ref.get("name").asText();
            assertMatches(ref, MarchingCubes.extract(labels, 1), name,
                    name.equals("lattice") ? LATTICE_VOLUME_TOLERANCE : VOLUME_TOLERANCE);
        }
    }

    @Test
    void totalSegmentatorLabelsMatchVtk() throws IOException {
        Path file = Path.of(System.getProperty("attest.data"), "nifti", "totalsegmentator_example_seg.nii.gz");
        Volume labels = NiftiReader.read(file).volume();
        for (JsonNode ref : reference().get("totalsegmentator").get("labels")) {
            int label = ref.get("label").asInt();
            assertMatches(ref, MarchingCubes.extract(labels, label), "label " + label, VOLUME_TOLERANCE);
        }
    }

    private static void assertMatches(JsonNode ref, SurfaceMesh mesh, String what, double volumeTolerance) {
        assertEquals(ref.get("triangles").asInt(), mesh.triangleCount(), what + " triangles");
        assertEquals(ref.get("vertices").asInt(), mesh.vertexCount(), what + " vertices");
        double area = ref.get("surface_area_mm2").asDouble();
        assertEquals(area, mesh.surfaceArea(), AREA_TOLERANCE * area, what + " area");
        double volume = ref.get("volume_mm3").asDouble();
        assertEquals(volume, mesh.enclosedVolume(), volumeTolerance * volume, what + " volume");
        assertTrue(MeshTopology.of(mesh).isClosedOrientedManifold(), what + " " + MeshTopology.of(mesh));
    }
}
