package dev.attest.app.bench.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarchingCubesPartTest {

    @Test
    void reportsVtkMissingAndStillGivesAttestsSurfaceFigures(@TempDir Path work) throws Exception {
        Path data = Path.of(System.getProperty("attest.data", "../../shared/data"));
        MarchingCubesPart part = new MarchingCubesPart(data.resolve("nifti/totalsegmentator_example_seg.nii.gz"),
                Path.of("../tools/bench/vtk_surface.py"));
        RenderBenchContext ctx = new RenderBenchContext(null, null, 1, work, work.resolve("no-python").toString(),
                new PrintStream(new ByteArrayOutputStream()));
        Map<String, Object> out = part.run(ctx);
        // 41 labels present; VTK 9.1's vtkDiscreteFlyingEdges3D makes 132308 triangles of this map (tools/bench/vtk_surface.py).
        assertEquals(41, out.get("labels"));
        assertEquals(132308L, out.get("attestTriangles"));
        assertEquals(Map.of("status", "missing", "why", work.resolve("no-python") + " not found"), out.get("vtk"));
    }
}
