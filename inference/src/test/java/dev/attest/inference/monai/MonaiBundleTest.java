package dev.attest.inference.monai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.inference.manifest.InputContract;
import dev.attest.inference.manifest.ManifestFormatException;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.ModelTask;
import dev.attest.inference.manifest.Normalisation;
import dev.attest.inference.manifest.OutputLabel;
import dev.attest.inference.manifest.OutputSpec;
import dev.attest.inference.manifest.WeightFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A MONAI bundle laid out like the model zoo's spleen_ct_segmentation (tools/fixtures/make_monai_bundle.py)
 * becomes the manifest its metadata.json and inference.json describe.
 */
class MonaiBundleTest {
    @TempDir
    Path tmp;

    static Path bundle() throws Exception {
        return Paths.get(MonaiBundleTest.class.getResource("/fixtures/monai/spleen_ct_tiny").toURI());
    }

    @Test
    void readsTheSpleenStyleBundleIntoItsManifest() throws Exception {
        MonaiBundle.Result r = MonaiBundle.read(bundle());
        ModelManifest m = r.manifest();
        assertEquals("spleen_ct_tiny", m.id());
        assertEquals("Spleen CT segmentation (tiny test model)", m.name());
        assertEquals("0.1.0", m.version());
        assertEquals(ModelTask.SEGMENTATION, m.task());
        assertEquals("pytorch", m.engine());
        assertEquals(WeightFormat.TORCHSCRIPT, m.format());
        assertEquals("models/model.ts", m.weights());
        assertNull(m.sha256());
        assertEquals("Apache License, Version 2.0", m.licence());
        assertEquals("A two-layer stand-in with the spleen bundle's input contract; not trained", m.description());
        InputContract in = m.input();
        assertEquals("CT", in.modality());
        assertEquals(1, in.channels());
        assertArrayEquals(new double[] {1.5, 1.5, 2.0}, in.targetSpacing());
        assertEquals("RAS", in.orientation());
        assertEquals("xyz", in.axisOrder());
        assertEquals(new Normalisation(Normalisation.Kind.WINDOW, -57, 164, true, false), in.normalisation());
        assertArrayEquals(new int[] {16, 16, 16}, in.patchSize());
        assertEquals(0.5, in.overlap());
        assertEquals(4, in.batchSize());
        assertEquals(List.of(new OutputSpec("pred", "logits", "softmax", List.of(new OutputLabel(1, "spleen", 0x1F77B4, null)),
                true)), m.outputs());
        assertEquals(List.of("LICENSE", "configs/metadata.json", "configs/inference.json", "docs/README.md"), r.extraFiles());
        assertEquals(List.of(), r.notes());
    }

    /** A copy of the fixture bundle whose configs the test may edit. */
    private Path copyOfBundle(String name) throws Exception {
        Path target = tmp.resolve(name);
        Path src = bundle();
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path to = target.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    private static ObjectNode json(Path file) throws IOException {
        return (ObjectNode) new ObjectMapper().readTree(file.toFile());
    }

    private static ObjectNode transform(ObjectNode inference, int index) {
        return (ObjectNode) inference.get("preprocessing").get("transforms").get(index);
    }

    @Test
    void zScoreLicenceFieldAndExpressionsAreHandledAsTheBundleSays() throws Exception {
        Path b = copyOfBundle("Brain MRI");
        Path inf = b.resolve(MonaiBundle.INFERENCE);
        ObjectNode config = json(inf);
        ObjectNode norm = transform(config, 4);
        norm.removeAll();
        norm.put("_target_", "monai.transforms.NormalizeIntensityd").put("keys", "@image_key").put("nonzero", true)
                .put("channel_wise", true);
        transform(config, 3).put("pixdim", "$@spacing * 2");
        ((ObjectNode) config.get("inferer")).put("roi_size", "@roi");
        config.putArray("roi").add(32).add(48).add(24);
        transform(config, 2).put("_disabled_", true);
        Files.writeString(inf, config.toPrettyString());
        Path meta = b.resolve(MonaiBundle.METADATA);
        ObjectNode metadata = json(meta);
        metadata.put("license", "CC-BY-NC-4.0");
        ((ObjectNode) metadata.get("network_data_format").get("inputs").get("image")).put("modality", "MRI");
        Files.writeString(meta, metadata.toPrettyString());

        MonaiBundle.Result r = MonaiBundle.read(b);
        InputContract in = r.manifest().input();
        assertEquals("brain-mri", r.manifest().id());
        assertEquals("CC-BY-NC-4.0", r.manifest().licence());
        assertEquals("MR", in.modality());
        assertEquals(Normalisation.zscore(true), in.normalisation());
        assertNull(in.targetSpacing());
        assertNull(in.orientation());
        assertArrayEquals(new int[] {32, 48, 24}, in.patchSize());
        assertEquals(List.of("inference.json: expression $@spacing * 2 cannot be evaluated; left out"), r.notes());
    }

    @Test
    void aWindowOntoAnotherRangeIsRefusedNamingTheFile() throws Exception {
        Path b = copyOfBundle("wide");
        Path inf = b.resolve(MonaiBundle.INFERENCE);
        ObjectNode config = json(inf);
        transform(config, 4).put("b_min", -1.0);
        Files.writeString(inf, config.toPrettyString());
        ManifestFormatException e = assertThrows(ManifestFormatException.class, () -> MonaiBundle.read(b));
        assertEquals(inf + ": ScaleIntensityRanged maps to [-1.0, 1.0]; Attest's window maps to [0, 1] only", e.getMessage());
        assertEquals(inf, e.file());
    }

    @Test
    void withoutInferenceJsonThePatchComesFromSpatialShapeAndTheGapIsNoted() throws Exception {
        Path b = copyOfBundle("bare");
        Files.delete(b.resolve(MonaiBundle.INFERENCE));
        MonaiBundle.Result r = MonaiBundle.read(b);
        assertArrayEquals(new int[] {16, 16, 16}, r.manifest().input().patchSize());
        assertEquals(Normalisation.none(), r.manifest().input().normalisation());
        assertEquals("none", r.manifest().outputs().get(0).activation());
        assertEquals(List.of("bare: no configs/inference.json; spacing, orientation and normalisation unknown",
                "configs/metadata.json: input hounsfield value_range [0,1] but no intensity transform was found in"
                        + " configs/inference.json; the input is passed unscaled"), r.notes());
    }

    @Test
    void recognisesABundleOnlyWithMetadataAndTorchScript() throws Exception {
        assertTrue(MonaiBundle.isBundle(bundle()));
        Path b = copyOfBundle("no-ts");
        Files.delete(b.resolve(MonaiBundle.WEIGHTS));
        assertFalse(MonaiBundle.isBundle(b));
    }
}
