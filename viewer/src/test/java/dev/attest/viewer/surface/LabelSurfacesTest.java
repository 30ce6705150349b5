package dev.attest.viewer.surface;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.CancelledException;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Surfaces of every label of the TotalSegmentator example label map (3 mm voxels, stored RAS). */
class LabelSurfacesTest {

    private static Volume totalSegmentator() throws IOException {
        return NiftiReader.read(Path.of(System.getProperty("attest.data"), "nifti",
                "totalsegmentator_example_seg.nii.gz")).volume();
    }

    private static JsonNode reference() throws IOException {
        try (InputStream in = LabelSurfacesTest.class.getResourceAsStream(
                "/reference/surface/vtk_discrete_marching_cubes.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyLabelGetsAClosedSurfaceAndOrganVolumesMatchTheirVoxels() throws IOException {
        Volume labels = totalSegmentator();
        List<Long> reports = new ArrayList<>();
        Map<Integer, SurfaceMesh> meshes;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            meshes = LabelSurfaces.build(labels, SurfaceOptions.standard(), pool,
                    (done, total, message) -> {
                        synchronized (reports) {
                            reports.add(done * 1000 + total);
                        }
                    }, new Cancellation());
        }
        // 41 labels besides background, as nibabel counts them (label 13 is a single voxel).
        assertEquals(41, meshes.size());
        assertEquals(List.of(1, 2, 3, 4, 5), meshes.keySet().stream().limit(5).toList());
        assertEquals(42, reports.size());
        assertEquals(41 * 1000 + 41, reports.stream().mapToLong(Long::longValue).max().orElseThrow());
        for (Map.Entry<Integer, SurfaceMesh> e : meshes.entrySet()) {
            MeshTopology topology = MeshTopology.of(e.getValue());
            assertTrue(topology.isClosedOrientedManifold(), "label " + e.getKey() + " " + topology);
            assertTrue(e.getValue().enclosedVolume() > 0, "label " + e.getKey());
        }
        // A single voxel is an octahedron of half-voxel radius: 8 triangles, volume (4/3) · 1.5³ mm³.
        SurfaceMesh octahedron = MarchingCubes.extract(labels, 13);
        assertEquals(8, octahedron.triangleCount());
        assertEquals(4.0 / 3 * 1.5 * 1.5 * 1.5, octahedron.enclosedVolume(), 1e-3);
        // Decimation to half stops at five vertices, the smallest it allows: a triangular bipyramid.
        assertEquals(6, meshes.get(13).triangleCount());
        assertEquals(5, meshes.get(13).vertexCount());

        // Voxel counts from nibabel (in the reference file). After smoothing and decimation the
        // organs' volumes came out within 0.05 % of voxels × 27 mm³, the 997-voxel label 52 within
        // 0.34 %: the slight inflation of Taubin's step offsets the corners marching cubes cuts.
        // 1 % is allowed.
        double voxel = 27.0;
        for (JsonNode ref : reference().get("totalsegmentator").get("labels")) {
            int label = ref.get("label").asInt();
            long voxels = ref.get("voxels").asLong();
            double mesh = meshes.get(label).enclosedVolume();
            assertEquals(voxels * voxel, mesh, 0.01 * voxels * voxel, "label " + label);
        }
    }

    @Test
    void cancelledBuildThrows() throws IOException {
        Volume labels = totalSegmentator();
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        assertThrows(CancelledException.class, () -> LabelSurfaces.build(labels, SurfaceOptions.standard(),
                Runnable::run, ProgressListener.NONE, cancellation));
    }
}
