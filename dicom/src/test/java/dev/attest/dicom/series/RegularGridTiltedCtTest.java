package dev.attest.dicom.series;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.dicom.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real 18.5° tilted Philips head CT, resampled, against dcm2niix's own tilt correction
 * ({@code _Tilt_1.nii}, described in reference/resample/, made by tools/reference/make_resample_refs.py).
 * dcm2niix shifts each slice along the column direction with linear interpolation and fills with
 * the volume minimum; for an evenly spaced tilted stack our resampler does the same arithmetic, so
 * the grids coincide voxel for voxel (dcm2niix's j runs the other way) and values differ only by
 * float-versus-double round-off, and at each slice's border rows, where the two programs draw the
 * edge of a slice half a voxel apart.
 */
class RegularGridTiltedCtTest {

    private static final String TILTED = "series-ct/dcm_qa_ct_philips_S21610_S2010_tilt";
    private static final String UNTILTED = "series-ct/dcm_qa_ct_philips_S21570_S2010";
    private static final String REFERENCE = "/reference/resample/dcm_qa_ct_philips_S21610_S2010_tilt__Tilt_1.json";

    private static StackGeometry stack;
    private static Volume resampled;
    private static JsonNode ref;
    private static Affine refIndexToLps;

    @BeforeAll
    static void resampleTheTiltedSeries() throws Exception {
        stack = onlyStack(TILTED);
        Volume volume = VolumeAssembler.load(stack);
        long start = System.nanoTime();
        resampled = RegularGridResampler.resample(stack, volume);
        System.out.printf(Locale.ROOT, "resampled %s to %s in %.0f ms%n", volume.grid(), resampled.grid(),
                (System.nanoTime() - start) / 1e6);
        try (InputStream in = RegularGridTiltedCtTest.class.getResourceAsStream(REFERENCE)) {
            ref = new ObjectMapper().readTree(in);
        }
        double[][] rows = new double[4][4];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                rows[r][c] = ref.get("index_to_lps").get(r).get(c).asDouble();
            }
        }
        refIndexToLps = Affine.of(rows);
    }

    @Test
    void tiltedCtLandsOnTheVoxelCentresOfDcm2niixTiltCorrection() {
        ImageGrid grid = resampled.grid();
        assertEquals(List.of(512, 600, 54), List.of(grid.sizeX(), grid.sizeY(), grid.sizeZ()));
        assertEquals(ref.get("dims").get(1).asInt(), grid.sizeY());
        assertTrue(grid.isOrthogonal(1e-9));
        assertEquals("LPS", grid.orientationCode()); // dcm2niix's sform reads LAS: its j is our −j
        assertEquals(0.482421875, grid.spacing().x(), 1e-9);
        assertEquals(0.482421875, grid.spacing().y(), 1e-9);
        assertEquals(2.5 * Math.cos(Math.toRadians(18.5)), grid.spacing().z(), 1e-4);
        // Axes: ours = theirs with j reversed, to float32 precision of their header.
        assertTrue(grid.indexToLps().column(0).distance(refIndexToLps.column(0)) < 1e-6);
        assertTrue(grid.indexToLps().column(1).distance(refIndexToLps.column(1).scale(-1)) < 1e-6);
        assertTrue(grid.indexToLps().column(2).distance(refIndexToLps.column(2)) < 1e-6);
        // The 8 corner voxels (their (i, j, k) is our (i, 599 − j, k)) land on the same LPS points.
        double worst = 0;
        for (JsonNode corner : ref.get("corners")) {
            int i = corner.get("ijk").get(0).asInt();
            int j = corner.get("ijk").get(1).asInt();
            int k = corner.get("ijk").get(2).asInt();
            Vec3 theirs = new Vec3(corner.get("lps").get(0).asDouble(), corner.get("lps").get(1).asDouble(),
                    corner.get("lps").get(2).asDouble());
            worst = Math.max(worst, grid.indexToLps().apply(i, grid.sizeY() - 1 - j, k).distance(theirs));
        }
        System.out.printf(Locale.ROOT, "corner voxels: largest distance from dcm2niix's %.2e mm%n", worst);
        // dcm2niix stores the sform in float32 (about 4e-5 mm at 800 mm) and rounds the tilt from the header.
        assertTrue(worst < 1e-3, "corners differ by up to " + worst + " mm");
    }

    @Test
    void tiltedCtValuesAgreeWithDcm2niixTiltCorrection() {
        ImageGrid grid = resampled.grid();
        double slope = ref.get("scl_slope").asDouble();
        double inter = ref.get("scl_inter").asDouble();
        JsonNode s = ref.get("samples_ijkv");
        int inside = 0;
        int outside = 0;
        int exact = 0;
        double sumAbs = 0;
        double maxAbs = 0;
        for (int n = 0; n < s.size(); n += 4) {
            Vec3 world = refIndexToLps.apply(s.get(n).asInt(), s.get(n + 1).asInt(), s.get(n + 2).asInt());
            Vec3 index = grid.lpsToIndex().apply(world);
            int i = (int) Math.round(index.x());
            int j = (int) Math.round(index.y());
            int k = (int) Math.round(index.z());
            assertTrue(index.distance(new Vec3(i, j, k)) < 1e-3, "dcm2niix voxel at our index " + index);
            double theirs = s.get(n + 3).asInt() * slope + inter;
            double ours = resampled.getPhysical(i, j, k);
            double margin = marginInsideData(world);
            if (margin >= 0) {
                double diff = Math.abs(ours - theirs);
                sumAbs += diff;
                maxAbs = Math.max(maxAbs, diff);
                exact += diff == 0 ? 1 : 0;
                inside++;
            } else if (margin < -0.5) {
                assertEquals(theirs, ours, "outside the data both hold the volume minimum, at " + index);
                outside++;
            }
        }
        double meanAbs = sumAbs / inside;
        System.out.printf(Locale.ROOT, "vs dcm2niix _Tilt_1: %d sampled voxels inside the data, mean |diff| %.4f HU, "
                + "max %.0f HU, %d identical; %d outside, all identical%n", inside, meanAbs, maxAbs, exact, outside);
        assertTrue(inside > 1500 && outside > 100, inside + " inside, " + outside + " outside");
        assertTrue(meanAbs < 0.1, "mean |difference| " + meanAbs + " HU");
        assertTrue(maxAbs <= 1, "largest difference " + maxAbs + " HU");

        // Whole slices, border included. At each slice's two border rows the conventions differ: dcm2niix
        // keeps input rows [0, 512) (the last one clamped), we keep the voxel footprint [-0.5, 511.5]; so one
        // row of 512 voxels at each end may hold data in one and the fill value in the other, which moves a
        // 512 x 600 slice mean by up to about 0.3 HU. (Measured over the whole volume, those border rows aside,
        // 14.09 million voxels: mean |difference| 0.00014 HU, largest 1 HU, 1935 voxels off by one.)
        double worstSlice = 0;
        for (int k = 0; k < grid.sizeZ(); k++) {
            short[] slice = (short[]) resampled.sliceArray(k);
            double sum = 0;
            for (short v : slice) {
                sum += v;
            }
            worstSlice = Math.max(worstSlice, Math.abs(sum / slice.length - ref.get("slice_mean_raw").get(k).asDouble()));
        }
        System.out.printf(Locale.ROOT, "per-slice mean: largest difference from dcm2niix %.4f HU%n", worstSlice * slope);
        assertTrue(worstSlice * slope < 0.5, "a slice mean differs by " + worstSlice + " HU");
    }

    @Test
    void tiltedCtKeepsInt16AndItsRescaleAndIsMarkedAsResampled() {
        assertEquals(VoxelType.INT16, resampled.type());
        assertEquals(1.0, resampled.rescale().slope());
        assertEquals(-1024.0, resampled.rescale().intercept());
        assertEquals("gantry tilt 18.50 deg", resampled.properties().get("resampled").split(";")[0]);
    }

    @Test
    void untiltedCtIsLeftAsItIs() throws Exception {
        StackGeometry flat = onlyStack(UNTILTED);
        assertTrue(flat.isRegular());
        Volume volume = VolumeAssembler.load(flat);
        assertSame(volume, RegularGridResampler.resample(flat, volume));
        // Even forced through the resampler, its grid and voxels come back unchanged.
        Volume forced = RegularGridResampler.resampleAlways(flat, volume);
        assertTrue(forced.grid().sameGeometry(volume.grid(), 1e-4), forced.grid() + " vs " + volume.grid());
        for (int z = 0; z < volume.grid().sizeZ(); z++) {
            assertTrue(java.util.Arrays.equals((short[]) volume.sliceArray(z), (short[]) forced.sliceArray(z)), "slice " + z);
        }
    }

    /**
     * How far, in voxels, a point lies inside the voxel centres of the nearest input slice (in that
     * slice's own frame): negative outside, below −0.5 beyond the slice's footprint.
     */
    private static double marginInsideData(Vec3 world) {
        double t = world.dot(stack.normal());
        double[] p = stack.positions();
        int nearest = 0;
        for (int s = 1; s < p.length; s++) {
            if (Math.abs(p[s] - t) < Math.abs(p[nearest] - t)) {
                nearest = s;
            }
        }
        ImageFrame f = stack.frames().get(nearest);
        Vec3 d = world.sub(f.position());
        double c = d.dot(f.rowDirection()) / f.columnSpacing();
        double r = d.dot(f.columnDirection()) / f.rowSpacing();
        return Math.min(Math.min(c, f.columns() - 1 - c), Math.min(r, f.rows() - 1 - r));
    }

    private static StackGeometry onlyStack(String folder) throws Exception {
        DicomScanner.Result scan = DicomScanner.scan(TestData.path(folder));
        List<DicomStudy> studies = SeriesGrouper.group(scan.files());
        assertEquals(1, studies.size());
        assertEquals(1, studies.get(0).series().size());
        List<StackGeometry> stacks = studies.get(0).series().get(0).stacks();
        assertEquals(1, stacks.size());
        return stacks.get(0);
    }
}
