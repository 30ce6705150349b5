package dev.attest.inference.conform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conforming against nibabel/scipy values computed offline (tools/reference/make_conform_refs.py) on a
 * 3 mm RAS int16 CT, the identity on brainchop's already conformed T1, and the label round trip.
 */
class BrainConformTest {

    static final Path DATA = Path.of(System.getProperty("attest.data", "../../shared/data"));

    static JsonNode reference() throws Exception {
        try (InputStream in = BrainConformTest.class.getResourceAsStream("/fixtures/conform/ct_sm_conform_reference.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void alreadyConformedT1IsReturnedUnchanged() throws Exception {
        Volume t1 = NiftiReader.read(DATA.resolve("nifti/brainchop_t1_crop.nii.gz")).volume();
        assertTrue(BrainConform.isConformed(t1));
        ConformedVolume c = BrainConform.conform(t1);
        assertSame(t1, c.volume());
        assertFalse(c.resampled());
        assertSame(t1.grid(), c.source());
        // Its labels go back untouched too: the grids are the same.
        Volume labels = Volume.allocate(t1.grid(), VoxelType.UINT8);
        assertSame(labels, BrainConform.labelsToSource(labels, c.source()));
    }

    @Test
    void conformsAThreeMillimetreCtLikeNibabelAndScipy() throws Exception {
        JsonNode ref = reference();
        Volume ct = NiftiReader.read(DATA.resolve("nifti/totalsegmentator_example_ct_sm.nii.gz")).volume();
        assertFalse(BrainConform.isConformed(ct));
        ConformedVolume c = BrainConform.conform(ct);
        assertTrue(c.resampled());
        Volume v = c.volume();
        assertEquals(VoxelType.UINT8, v.type());
        assertEquals("LIA", v.grid().orientationCode());
        Affine ras = v.grid().toRas();
        for (int r = 0; r < 3; r++) {
            for (int col = 0; col < 4; col++) {
                assertEquals(ref.path("affine_ras").get(r).get(col).asDouble(), ras.get(r, col), 1e-4, "affine " + r + "," + col);
            }
        }
        float[][] physical = slices(ct.toFloat32Physical());
        double[] scale = BrainConform.uint8Scale(VoxelType.INT16, physical, minMax(physical));
        assertEquals(ref.path("src_min").asDouble(), scale[0], 0);
        assertEquals(ref.path("scale").asDouble(), scale[1], 1e-12);
        JsonNode lattice = ref.path("lattice");
        int n = lattice.size();
        int exact = 0;
        int maxDiff = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                for (int d = 0; d < n; d++) {
                    int expected = ref.path("image").get(a).get(b).get(d).asInt();
                    int actual = (int) v.getStored(lattice.get(a).asInt(), lattice.get(b).asInt(), lattice.get(d).asInt());
                    exact += expected == actual ? 1 : 0;
                    maxDiff = Math.max(maxDiff, Math.abs(expected - actual));
                }
            }
        }
        System.out.printf("conform vs nibabel/scipy: %d of %d lattice voxels identical, max difference %d%n",
                exact, n * n * n, maxDiff);
        // Truncation to uint8 can flip by one where float and double rounding straddle an integer.
        assertTrue(exact >= 0.999 * n * n * n, "exact " + exact);
        assertTrue(maxDiff <= 1, "max difference " + maxDiff);
        long[] hist = new long[256];
        for (int z = 0; z < 256; z++) {
            for (byte b : (byte[]) v.sliceArray(z)) {
                hist[b & 0xFF]++;
            }
        }
        long diff = 0;
        for (int i = 0; i < 256; i++) {
            diff += Math.abs(hist[i] - ref.path("image_histogram").get(i).asLong());
        }
        assertTrue(diff <= 0.002 * 256 * 256 * 256, "histogram differs by " + diff);
    }

    @Test
    void labelsConformByNearestNeighbourAndComeBackExactly() throws Exception {
        JsonNode ref = reference();
        Volume seg = NiftiReader.read(DATA.resolve("nifti/totalsegmentator_example_seg.nii.gz")).volume();
        Volume conformed = BrainConform.conformLabels(seg);
        JsonNode lattice = ref.path("lattice");
        int n = lattice.size();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                for (int d = 0; d < n; d++) {
                    int expected = ref.path("label").get(a).get(b).get(d).asInt();
                    int i = lattice.get(a).asInt();
                    int j = lattice.get(b).asInt();
                    int k = lattice.get(d).asInt();
                    assertEquals(expected, (int) conformed.getStored(i, j, k), "label at " + i + "," + j + "," + k);
                }
            }
        }
        Volume back = BrainConform.labelsToSource(conformed, seg.grid());
        assertEquals(seg.grid(), back.grid());
        // A 3 mm source voxel maps to the 1 mm voxel nearest its centre, and that voxel's nearest source voxel
        // is itself again; only voxels outside the 256 mm cube are lost (to 0).
        ImageGrid g = seg.grid();
        Affine toConformed = conformed.grid().lpsToIndex().multiply(g.indexToLps());
        long inside = 0;
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    Vec3 p = toConformed.apply(x, y, z);
                    boolean in = Math.round(p.x()) >= 0 && Math.round(p.x()) < 256 && Math.round(p.y()) >= 0
                            && Math.round(p.y()) < 256 && Math.round(p.z()) >= 0 && Math.round(p.z()) < 256;
                    double expected = in ? seg.getStored(x, y, z) : 0;
                    inside += in ? 1 : 0;
                    assertEquals(expected, back.getStored(x, y, z), "voxel " + x + "," + y + "," + z);
                }
            }
        }
        // 256 mm of the 366 x 303 mm in-plane field, all 90 mm in z: 85 x 85 voxels per slice of 30.
        assertEquals(85L * 85 * 30, inside);
    }

    private static double[] minMax(float[][] s) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float[] a : s) {
            for (float f : a) {
                lo = Math.min(lo, f);
                hi = Math.max(hi, f);
            }
        }
        return new double[] {lo, hi};
    }

    private static float[][] slices(Volume f) {
        float[][] s = new float[f.grid().sizeZ()][];
        for (int z = 0; z < s.length; z++) {
            s[z] = (float[]) f.sliceArray(z);
        }
        return s;
    }
}
