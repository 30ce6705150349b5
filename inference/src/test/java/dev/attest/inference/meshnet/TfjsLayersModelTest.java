package dev.attest.inference.meshnet;

import dev.attest.inference.manifest.ModelFile;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.Normalisation;
import dev.attest.inference.manifest.OutputLabel;
import dev.attest.inference.manifest.WeightFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading brainchop's TF.js layers-models, the importer's manifest, and typed errors for malformed folders. */
class TfjsLayersModelTest {

    static final Path BRAINCHOP = MeshNetModel5Test.DATA.resolve("models/brainchop");

    @Test
    void readsModel5TopologyAndWeights() {
        TfjsLayersModel m = TfjsLayersModel.read(BRAINCHOP.resolve("model5_gw_ae/model.json"));
        List<TfjsConv3d> layers = m.layers();
        assertEquals(10, layers.size());
        int[] dilations = layers.stream().mapToInt(l -> l.dilation()[0]).toArray();
        assertArrayEquals(new int[] {1, 2, 4, 8, 16, 8, 4, 2, 1, 1}, dilations);
        assertEquals(MeshNetActivation.RELU, layers.get(0).activation());
        assertEquals(MeshNetActivation.LINEAR, layers.get(9).activation());
        assertArrayEquals(new int[] {1, 1, 1}, layers.get(9).kernelSize());
        assertEquals(3, m.classes());
        assertEquals(5598, m.parameterCount()); // SOURCES.md's parameter count
    }

    @Test
    void readsEveryBrainchopModelWithTheParameterCountsOfSources() {
        // models/SOURCES.md, "Model details"
        record Expect(String folder, long params, int classes, MeshNetActivation act) { }
        for (Expect e : List.of(new Expect("model11_gw_ae", 23_290, 3, MeshNetActivation.RELU),
                new Expect("model18cls", 96_408, 18, MeshNetActivation.ELU),
                new Expect("model20chan3cls", 87_183, 3, MeshNetActivation.ELU),
                new Expect("model30chan18cls", 196_038, 18, MeshNetActivation.ELU),
                new Expect("model30chan50cls", 197_030, 50, MeshNetActivation.ELU),
                new Expect("model21_104class", 86_372, 104, MeshNetActivation.RELU),
                new Expect("mindgrab", 146_237, 2, MeshNetActivation.GELU))) {
            TfjsLayersModel m = TfjsLayersModel.read(BRAINCHOP.resolve(e.folder).resolve("model.json"));
            assertEquals(e.params, m.parameterCount(), e.folder);
            assertEquals(e.classes, m.classes(), e.folder);
            assertEquals(e.act, m.layers().get(0).activation(), e.folder);
        }
    }

    @Test
    void kernelAxesAreReversedIntoChannelsFirst() {
        // A 3x1x2 kernel (kd, kh, kw), 1 in, 2 out, value = 100*o + 10*d + w in TF order [kd, kh, kw, in, out].
        float[] tf = new float[3 * 1 * 2 * 2];
        for (int d = 0; d < 3; d++) {
            for (int w = 0; w < 2; w++) {
                for (int o = 0; o < 2; o++) {
                    tf[((d * 1) * 2 + w) * 2 + o] = 100 * o + 10 * d + w;
                }
            }
        }
        TfjsConv3d c = new TfjsConv3d("c", 1, 2, new int[] {3, 1, 2}, new int[] {1, 1, 1}, MeshNetActivation.LINEAR, tf, null);
        // Ours [out, in, kw, kh, kd]: for o, w, d the value must be 100*o + 10*d + w.
        assertArrayEquals(new float[] {0, 10, 20, 1, 11, 21, 100, 110, 120, 101, 111, 121}, MeshNet.reverseSpatialAxes(c));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void importerDescribesModel21() throws Exception {
        Path dir = BRAINCHOP.resolve("model21_104class");
        ModelManifest m = MeshNetImporter.manifest(dir);
        assertEquals("brainchop-model21_104class", m.id());
        assertEquals(WeightFormat.TFJS_MESHNET, m.format());
        assertEquals("pytorch", m.engine());
        assertEquals("model.json", m.weights());
        assertEquals(sha256(dir.resolve("model.json")), m.sha256());
        String shard = sha256(dir.resolve("group1-shard1of1.bin"));
        assertEquals(List.of(new ModelFile("group1-shard1of1.bin", shard)), m.files());
        assertEquals(shard.substring(0, 12), m.version());
        assertEquals("LIA", m.input().orientation());
        assertArrayEquals(new double[] {1, 1, 1}, m.input().targetSpacing());
        assertArrayEquals(new int[] {256, 256, 256}, m.input().patchSize());
        assertEquals(Normalisation.minMax(), m.input().normalisation());
        List<OutputLabel> labels = m.outputs().get(0).labels();
        assertEquals(104, labels.size());
        // colormap.json: entry 1 is ctx-lh-bankssts with R 25, G 100, B 40 (FreeSurfer's colour).
        assertEquals(new OutputLabel(1, "ctx-lh-bankssts", 0x196428, null), labels.get(1));
        assertTrue(m.licence().startsWith("MIT"));
    }

    @Test
    void importerPicksTheColormapWithTheModelsClassCountAndQuantileScalingWhereBrainchopDoes() {
        // model5's colormap.json is the two-label brain mask; colormap3.json matches its three classes.
        List<OutputLabel> labels = MeshNetImporter.manifest(BRAINCHOP.resolve("model5_gw_ae")).outputs().get(0).labels();
        assertEquals(List.of(new OutputLabel(0, "background", 0, null), new OutputLabel(1, "White Matter", 0xFFFFFF, null),
                new OutputLabel(2, "Grey Matter", 0xCD3E4E, null)), labels);
        assertEquals(Normalisation.percentile(5, 95, false),
                MeshNetImporter.manifest(BRAINCHOP.resolve("model30chan50cls")).input().normalisation());
        // model11 has no colormap: generic names.
        assertEquals("class 2", MeshNetImporter.manifest(BRAINCHOP.resolve("model11_gw_ae")).outputs().get(0).labels().get(2).name());
    }

    @Test
    void missingShardIsNamed(@TempDir Path dir) throws Exception {
        Files.copy(BRAINCHOP.resolve("model5_gw_ae/model.json"), dir.resolve("model.json"));
        TfjsModelException e = assertThrows(TfjsModelException.class, () -> TfjsLayersModel.read(dir.resolve("model.json")));
        assertEquals(dir.resolve("model.json"), e.file());
        assertTrue(e.getMessage().contains("group1-shard1of1.bin is missing"), e.getMessage());
    }

    @Test
    void shortShardIsASizeMismatch(@TempDir Path dir) throws Exception {
        Files.copy(BRAINCHOP.resolve("model5_gw_ae/model.json"), dir.resolve("model.json"));
        byte[] bin = Files.readAllBytes(BRAINCHOP.resolve("model5_gw_ae/group1-shard1of1.bin"));
        Files.write(dir.resolve("group1-shard1of1.bin"), java.util.Arrays.copyOf(bin, bin.length - 4));
        TfjsModelException e = assertThrows(TfjsModelException.class, () -> TfjsLayersModel.read(dir.resolve("model.json")));
        assertTrue(e.getMessage().contains("fewer than the manifest needs"), e.getMessage());
        Files.write(dir.resolve("group1-shard1of1.bin"), java.util.Arrays.copyOf(bin, bin.length + 8));
        e = assertThrows(TfjsModelException.class, () -> TfjsLayersModel.read(dir.resolve("model.json")));
        assertTrue(e.getMessage().contains("8 more than the manifest describes"), e.getMessage());
    }

    @Test
    void unknownLayerIsRefusedByName(@TempDir Path dir) throws Exception {
        String json = Files.readString(BRAINCHOP.resolve("model5_gw_ae/model.json"))
                .replaceFirst("\"class_name\": \"Activation\"", "\"class_name\": \"BatchNormalization\"");
        Files.writeString(dir.resolve("model.json"), json);
        Files.copy(BRAINCHOP.resolve("model5_gw_ae/group1-shard1of1.bin"), dir.resolve("group1-shard1of1.bin"));
        TfjsModelException e = assertThrows(TfjsModelException.class, () -> TfjsLayersModel.read(dir.resolve("model.json")));
        assertTrue(e.getMessage().contains("unsupported layer '22' of class BatchNormalization"), e.getMessage());
    }

    @Test
    void missingModelJsonIsNamed(@TempDir Path dir) {
        TfjsModelException e = assertThrows(TfjsModelException.class, () -> TfjsLayersModel.read(dir.resolve("model.json")));
        assertEquals(dir.resolve("model.json"), e.file());
    }
}
