package dev.attest.inference.meshnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.labels.LabelDescription;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.OutputLabel;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The 104-class Desikan-Killiany MeshNet (model21_104class) against Debian torch 1.13 run on the same TF.js
 * weights (tools/reference/make_meshnet_refs.py): a 48-slice coronal slab in the suite, the full 256^3
 * volume on request (-Dattest.meshnet.full=true, about two minutes on two cores).
 */
class MeshNetParcellationTest {

    static final Path DATA = MeshNetModel5Test.DATA;
    static final Path MODEL = DATA.resolve("models/brainchop/model21_104class");
    static final int CLASSES = 104;

    static JsonNode reference() throws Exception {
        try (InputStream in = MeshNetParcellationTest.class.getResourceAsStream("/fixtures/meshnet/model21_reference.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static FloatTensor wholeInput() throws Exception {
        Volume t1 = NiftiReader.read(MeshNetModel5Test.T1).volume();
        return BrainchopScaling.tensor(t1, BrainchopScaling.forModel("model21_104class"));
    }

    @Test
    void coronalSlabMatchesTorchOnTheSameWeights() throws Exception {
        JsonNode ref = reference().path("slab");
        int z0 = ref.path("z0").asInt();
        int z1 = ref.path("z1").asInt();
        FloatTensor whole = wholeInput();
        int plane = 256 * 256;
        float[] slab = Arrays.copyOfRange(whole.data(), z0 * plane, z1 * plane);
        byte[] expected;
        try (InputStream in = new GZIPInputStream(MeshNetParcellationTest.class
                .getResourceAsStream("/fixtures/meshnet/model21_slab_z104-152_labels.u8.gz"))) {
            expected = in.readAllBytes();
        }
        assertEquals(ref.path("sha256").asText(), sha256(expected), "reference slab file and its recorded sha256");
        long t0 = System.nanoTime();
        MeshNetSegmentation seg;
        try (MeshNet net = MeshNet.load(TfjsLayersModel.read(MODEL.resolve("model.json")), DeviceChoice.CPU)) {
            long t1 = System.nanoTime();
            seg = net.segment(new FloatTensor(slab, new long[] {1, 1, z1 - z0, 256, 256}));
            System.out.printf("model21_104class slab %dx256x256: load %.2f s, inference %.1f s; %s%n", z1 - z0,
                    (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9, RunFigures.memory());
        }
        check(seg.labels(), expected, ref, "slab");
    }

    @Test
    void fullVolumeMatchesTorchOnTheSameWeights() throws Exception {
        assumeTrue(Boolean.getBoolean("attest.meshnet.full"), "full 256^3 parcellation only with -Dattest.meshnet.full=true");
        JsonNode ref = reference().path("full");
        FloatTensor input = wholeInput();
        long t0 = System.nanoTime();
        MeshNetSegmentation seg;
        try (MeshNet net = MeshNet.load(TfjsLayersModel.read(MODEL.resolve("model.json")), DeviceChoice.CPU)) {
            long t1 = System.nanoTime();
            seg = net.segment(input);
            System.out.printf("model21_104class 256^3: load %.2f s, inference %.1f s; %s%n", (t1 - t0) / 1e9,
                    (System.nanoTime() - t1) / 1e9, RunFigures.memory());
        }
        check(seg.labels(), null, ref, "full");
        String out = System.getProperty("attest.meshnet.out");
        if (out != null) {
            writeLabelMap(seg, Path.of(out));
        }
    }

    /** Writes the parcellation beside nothing but its ITK-SNAP sidecar, on the T1's grid, for the viewer. */
    static void writeLabelMap(MeshNetSegmentation seg, Path file) throws Exception {
        ImageGrid grid = NiftiReader.read(MeshNetModel5Test.T1).volume().grid();
        Object[] slices = new Object[seg.sizeZ()];
        int plane = seg.sizeX() * seg.sizeY();
        for (int z = 0; z < slices.length; z++) {
            slices[z] = Arrays.copyOfRange(seg.labels(), z * plane, (z + 1) * plane);
        }
        Volume labels = Volume.wrap(grid, VoxelType.UINT8, slices);
        NiftiWriter.write(labels, file);
        ModelManifest m = MeshNetImporter.manifest(MODEL);
        List<LabelDescription> d = new ArrayList<>();
        for (OutputLabel l : m.outputs().get(0).labels()) {
            if (l.value() > 0) {
                d.add(new LabelDescription(l.value(), l.name(), l.rgb()));
            }
        }
        new LabelDescriptions(d).writeItkSnap(LabelDescriptions.sidecarOf(file));
    }

    private static void check(byte[] ours, byte[] expected, JsonNode ref, String what) throws Exception {
        long n = ours.length;
        long[] counts = new long[CLASSES];
        for (byte b : ours) {
            counts[b & 0xFF]++;
        }
        long[] refCounts = new long[CLASSES];
        for (int k = 0; k < CLASSES; k++) {
            refCounts[k] = ref.path("counts").get(k).asLong();
        }
        long differing;
        if (expected != null) {
            long same = 0;
            for (int i = 0; i < ours.length; i++) {
                if (ours[i] == expected[i]) {
                    same++;
                }
            }
            differing = n - same;
        } else {
            // Without the full label array, the per-label count differences bound the disagreement from below.
            long sum = 0;
            for (int k = 0; k < CLASSES; k++) {
                sum += Math.abs(counts[k] - refCounts[k]);
            }
            differing = sum / 2;
        }
        boolean identical = sha256(ours).equals(ref.path("sha256").asText());
        System.out.printf("model21 %s vs torch 1.13: %d of %d voxels differ (agreement %.6f), identical array: %b%n",
                what, differing, n, 1 - differing / (double) n, identical);
        assertTrue(1 - differing / (double) n >= 0.999, "agreement");
        long sumDiff = 0;
        for (int k = 0; k < CLASSES; k++) {
            sumDiff += Math.abs(counts[k] - refCounts[k]);
        }
        assertTrue(sumDiff <= 2 * Math.max(differing, (long) (0.001 * n)), "per-label counts: " + sumDiff);
        int present = 0;
        for (long c : counts) {
            present += c > 0 ? 1 : 0;
        }
        assertTrue(present >= 0.95 * Arrays.stream(refCounts).filter(c -> c > 0).count(), "labels present " + present);
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
