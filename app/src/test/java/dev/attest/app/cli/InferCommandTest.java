package dev.attest.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.nifti.NiftiImage;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code attest infer} on a tiny TorchScript net and a permuted, flipped NIfTI, resampled to 1.5 mm
 * LPS and back: labels exactly and probabilities to 1e-5 as Python's reference pipeline
 * (tools/fixtures/make_sliding_window_refs.py, case resample_lps), on the input's own grid.
 */
class InferCommandTest {

    static Path fixture(String name) throws Exception {
        return Paths.get(InferCommandTest.class.getResource("/fixtures/infer/" + name).toURI());
    }

    @Test
    void writesLabelsMapsAndProvenanceOnTheInputGrid(@TempDir Path out) throws Exception {
        CliTest.Run run = CliTest.attest("infer", "--model", fixture("manifest.json").toString(),
                fixture("input.nii.gz").toString(), "--out", out.toString(), "--device", "cpu");
        assertEquals(0, run.exit(), run.err());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals(2, report.get("volumes").size());

        Volume input = NiftiReader.read(fixture("input.nii.gz")).volume();
        NiftiImage labels = NiftiReader.read(out.resolve("labels.nii.gz"));
        Volume l = labels.volume();
        assertTrue(input.grid().sameGeometry(l.grid(), 1e-4), l.grid() + " vs " + input.grid());
        ByteBuffer expected = ByteBuffer.wrap(Files.readAllBytes(fixture("expected.labels.i16"))).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer prob = ByteBuffer.wrap(Files.readAllBytes(fixture("expected.prob1.f32"))).order(ByteOrder.LITTLE_ENDIAN);
        Volume p1 = NiftiReader.read(out.resolve("prob-1.nii.gz")).volume();
        int nx = l.grid().sizeX();
        int ny = l.grid().sizeY();
        long organ = 0;
        for (int i = 0; i < l.grid().voxelCount(); i++) {
            int x = i % nx;
            int y = (i / nx) % ny;
            int z = i / (nx * ny);
            int e = expected.getShort(2 * i);
            if (e != (int) l.getPhysical(x, y, z)) {
                fail("label at " + x + "," + y + "," + z + " is " + l.getPhysical(x, y, z) + ", reference " + e);
            }
            organ += e == 1 ? 1 : 0;
            assertEquals(prob.getFloat(4 * i), p1.getPhysical(x, y, z), 1e-5);
        }
        // 1 x 1 x 2 mm voxels: 0.002 mL each.
        assertEquals(organ, report.get("volumes").get(0).get("voxels").asLong());
        assertEquals(organ * 0.002, report.get("volumes").get(0).get("millilitres").asDouble(), 1e-12);
        assertTrue(Files.readString(out.resolve("labels.labels.txt")).contains("\"organ\""));

        JsonNode prov = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        JsonNode manifest = new ObjectMapper().readTree(fixture("manifest.json").toFile());
        assertEquals("tiny-seg", prov.get("modelId").asText());
        assertEquals(manifest.get("sha256").asText(), prov.get("sha256").asText());
        assertEquals("[8,9,12]", prov.get("parameters").get("networkGrid").toString());
        assertEquals("PyTorch", prov.get("engine").get("name").asText());
    }

    /**
     * A real J2K CT series (shared data) resampled to 2.9 x 2.9 x 3 mm: label counts exact and a
     * seeded sample of voxels, found by LPS position, as the Python pipeline on pydicom's pixels.
     */
    @Test
    void runsOnADicomSeriesWithItsPatientGeometry(@TempDir Path out) throws Exception {
        Path data = Path.of(System.getProperty("attest.data", "../../shared/data"));
        JsonNode expected = new ObjectMapper().readTree(fixture("dicom_expected.json").toFile());
        Path series = data.resolve(expected.get("series").asText());
        CliTest.Run run = CliTest.attest("infer", "--model", fixture("manifest_ct.json").toString(), series.toString(),
                "--out", out.toString(), "--device", "cpu");
        assertEquals(0, run.exit(), run.err());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals(expected.get("labelCounts").get(1).asLong(), report.get("volumes").get(0).get("voxels").asLong());
        assertEquals(expected.get("labelCounts").get(2).asLong(), report.get("volumes").get(1).get("voxels").asLong());
        JsonNode prov = new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
        assertEquals(expected.get("networkShape").toString(), prov.get("parameters").get("networkGrid").toString());
        Volume labels = NiftiReader.read(out.resolve("labels.nii.gz")).volume();
        Volume p1 = NiftiReader.read(out.resolve("prob-1.nii.gz")).volume();
        assertEquals(512, labels.grid().sizeX());
        assertEquals(20, labels.grid().sizeZ());
        for (JsonNode s : expected.get("sample")) {
            var idx = labels.grid().lpsToIndex().apply(s.get(0).asDouble(), s.get(1).asDouble(), s.get(2).asDouble());
            int x = (int) Math.round(idx.x());
            int y = (int) Math.round(idx.y());
            int z = (int) Math.round(idx.z());
            assertEquals(0, idx.distance(new dev.attest.core.geometry.Vec3(x, y, z)), 1e-3, "sample lies on a voxel centre");
            assertEquals(s.get(3).asInt(), (int) labels.getPhysical(x, y, z), "label at " + x + "," + y + "," + z);
            assertEquals(s.get(4).asDouble(), p1.getPhysical(x, y, z), 1e-5, "probability at " + x + "," + y + "," + z);
        }
    }

    @Test
    void refusesWeightsWhoseChecksumDiffers(@TempDir Path dir) throws Exception {
        Files.copy(fixture("tiny_seg.pt"), dir.resolve("tiny_seg.pt"));
        String m = Files.readString(fixture("manifest.json"))
                .replaceAll("\"sha256\": \"[0-9a-f]+\"", "\"sha256\": \"" + "0".repeat(64) + "\"");
        Files.writeString(dir.resolve("manifest.json"), m);
        CliTest.Run run = CliTest.attest("infer", "--model", dir.resolve("manifest.json").toString(),
                fixture("input.nii.gz").toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("tiny_seg.pt has sha256 "), run.err());
        assertTrue(Files.notExists(dir.resolve("out/labels.nii.gz")));
    }

    @Test
    void writesEvidenceMapsOnTheInputGridWithTheirMethods(@TempDir Path out) throws Exception {
        CliTest.Run run = CliTest.attest("infer", "--model", fixture("manifest.json").toString(),
                fixture("input.nii.gz").toString(), "--out", out.toString(), "--device", "cpu",
                "--evidence", "saliency,occlusion", "--occlusion-patch", "4");
        assertEquals(0, run.exit(), run.err());
        Volume input = NiftiReader.read(fixture("input.nii.gz")).volume();
        for (String map : List.of("saliency-1", "occlusion-1")) {
            Volume v = NiftiReader.read(out.resolve(map + ".nii.gz")).volume();
            assertTrue(input.grid().sameGeometry(v.grid(), 1e-4), map);
        }
        JsonNode evidence = new ObjectMapper().readTree(out.resolve("provenance.json").toFile()).get("parameters").get("evidence");
        assertEquals("INPUT_GRADIENT", evidence.get("saliency-1").get("method").asText());
        assertEquals("[4,4,4]", evidence.get("occlusion-1").get("patchSizeZyx").toString());
        assertEquals("[2,2,2]", evidence.get("occlusion-1").get("strideZyx").toString());
        CliTest.Run bad = CliTest.attest("infer", "--model", fixture("manifest.json").toString(),
                fixture("input.nii.gz").toString(), "--out", out.resolve("x").toString(), "--evidence", "magic");
        assertEquals(2, bad.exit(), "a bad option value is a usage error");
        assertTrue(bad.err().contains("unknown evidence method 'magic'"), bad.err());
    }

    @Test
    void runsAnImportedModelByItsRegistryId(@TempDir Path tmp) throws Exception {
        String saved = System.getProperty("attest.config.dir");
        System.setProperty("attest.config.dir", tmp.resolve("config").toString());
        try {
            Path folder = Files.createDirectories(tmp.resolve("tiny"));
            Files.copy(fixture("manifest.json"), folder.resolve("manifest.json"));
            Files.copy(fixture("tiny_seg.pt"), folder.resolve("tiny_seg.pt"));
            assertEquals(0, CliTest.attest("models", "import", folder.toString()).exit());
            CliTest.Run byId = CliTest.attest("infer", "--model", "tiny-seg", fixture("input.nii.gz").toString(),
                    "--out", tmp.resolve("a").toString(), "--device", "cpu");
            assertEquals(0, byId.exit(), byId.err());
            CliTest.Run byPath = CliTest.attest("infer", "--model", fixture("manifest.json").toString(),
                    fixture("input.nii.gz").toString(), "--out", tmp.resolve("b").toString(), "--device", "cpu");
            ObjectMapper json = new ObjectMapper();
            assertEquals(json.readTree(byPath.out()).get("volumes"), json.readTree(byId.out()).get("volumes"));
            CliTest.Run unknown = CliTest.attest("infer", "--model", "no-such-model", fixture("input.nii.gz").toString(),
                    "--out", tmp.resolve("c").toString());
            assertEquals(1, unknown.exit());
            assertTrue(unknown.err().contains("no model with id 'no-such-model'"), unknown.err());
        } finally {
            if (saved == null) {
                System.clearProperty("attest.config.dir");
            } else {
                System.setProperty("attest.config.dir", saved);
            }
        }
    }
}
