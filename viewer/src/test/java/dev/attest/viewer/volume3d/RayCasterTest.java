package dev.attest.viewer.volume3d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.CancelledException;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.viewer.render.WindowLevel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ray casting against references computed by plain loops over the voxels: with the camera along
 * a grid axis, pixel size equal to the spacing and the step equal to it too, every ray passes
 * through a row of voxel centres, so MIP/MinIP must equal the max/min over that row exactly.
 */
class RayCasterTest {

    /** 48 × 40 × 36 voxels of 5 mm (isotropic, so the pixels can match the spacing in every view). */
    private static Volume phantom;
    private static Volume niftiCt;

    @BeforeAll
    static void load() throws IOException {
        phantom = CtPhantom.generate(48, 40, 36, 5, 5, 20, 11).ct();
        Path data = Path.of(System.getProperty("attest.data", "../../shared/data"));
        niftiCt = NiftiReader.read(data.resolve("nifti/totalsegmentator_example_ct_sm.nii.gz")).volume();
    }

    /** A camera whose pixels are spacingMm for a width × height image of caster's volume. */
    private static OrbitCamera aligned(RayCaster caster, double azimuth, double elevation, int width, int height, double spacingMm) {
        return new OrbitCamera(azimuth, elevation, 2 * caster.boundingRadiusMm() / (Math.min(width, height) * spacingMm), 0, 0);
    }

    private static RenderSettings settings(RayCaster caster, RenderMode mode, double step) {
        return caster.defaultSettings(mode, TransferPreset.CT_BONE).withStep(step);
    }

    /** The max (or min) over n voxels, voxel(t) giving the physical value of the t-th. */
    private static double extreme(boolean max, int n, java.util.function.IntToDoubleFunction voxel) {
        double best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (int t = 0; t < n; t++) {
            best = max ? Math.max(best, voxel.applyAsDouble(t)) : Math.min(best, voxel.applyAsDouble(t));
        }
        return best;
    }

    private static void assertProjection(Rendering r, int width, int height, ProjectionReference ref) {
        assertEquals(width, r.width());
        assertEquals(height, r.height());
        for (int v = 0; v < height; v++) {
            for (int u = 0; u < width; u++) {
                double expected = ref.at(u, v);
                int uu = u;
                int vv = v;
                assertEquals(expected, r.value(u, v), 1e-3, () -> "pixel (" + uu + ", " + vv + ")");
            }
        }
    }

    @FunctionalInterface
    private interface ProjectionReference {
        double at(int u, int v);
    }

    @Test
    void anteriorMipAndMinIpOfThePhantomEqualTheMaxAndMinOverEachAnteroposteriorRow() {
        RayCaster caster = new RayCaster(phantom);
        int nx = 48;
        int ny = 40;
        int nz = 36;
        OrbitCamera cam = aligned(caster, 0, 0, nx, nz, 5);
        Rendering mip = caster.render(cam, settings(caster, RenderMode.MIP, 5), nx, nz, new Cancellation());
        assertEquals(5, mip.pixelMm(), 1e-12);
        // Image column u is patient x (left to the right), row v is superior-first.
        assertProjection(mip, nx, nz, (u, v) -> extreme(true, ny, y -> phantom.getPhysical(u, y, nz - 1 - v)));
        Rendering minIp = caster.render(cam, settings(caster, RenderMode.MIN_IP, 2.5), nx, nz, new Cancellation());
        assertProjection(minIp, nx, nz, (u, v) -> extreme(false, ny, y -> phantom.getPhysical(u, y, nz - 1 - v)));
    }

    @Test
    void lateralPosteriorAndAxialMipsOfThePhantomEqualTheirAxisProjections() {
        RayCaster caster = new RayCaster(phantom);
        int nx = 48;
        int ny = 40;
        int nz = 36;
        Rendering left = caster.render(aligned(caster, 90, 0, ny, nz, 5), settings(caster, RenderMode.MIP, 5), ny, nz, new Cancellation());
        // From the patient's left: column u runs anterior to posterior (y), rays cross x.
        assertProjection(left, ny, nz, (u, v) -> extreme(true, nx, x -> phantom.getPhysical(x, u, nz - 1 - v)));
        Rendering back = caster.render(aligned(caster, 180, 0, nx, nz, 5), settings(caster, RenderMode.MIP, 5), nx, nz, new Cancellation());
        assertProjection(back, nx, nz, (u, v) -> extreme(true, ny, y -> phantom.getPhysical(nx - 1 - u, y, nz - 1 - v)));
        Rendering axial = caster.render(aligned(caster, 0, -90, nx, ny, 5), settings(caster, RenderMode.MIP, 5), nx, ny, new Cancellation());
        assertProjection(axial, nx, ny, (u, v) -> extreme(true, nz, z -> phantom.getPhysical(u, v, z)));
    }

    @Test
    void anteriorAndLateralMipOfARealRasNiftiCtEqualNumpysAxisMaxima() {
        RayCaster caster = new RayCaster(niftiCt);
        ImageGrid g = niftiCt.grid();
        assertEquals("RAS", g.orientationCode());
        assertEquals(new Vec3(3, 3, 3), g.spacing());
        int nx = g.sizeX();
        int ny = g.sizeY();
        int nz = g.sizeZ();
        // Stored RAS: +i is patient right, so patient left (image right) is i = nx − 1 − u; +j is anterior.
        Rendering front = caster.render(aligned(caster, 0, 0, nx, nz, 3), settings(caster, RenderMode.MIP, 3), nx, nz, new Cancellation());
        assertProjection(front, nx, nz, (u, v) -> extreme(true, ny, j -> niftiCt.getPhysical(nx - 1 - u, j, nz - 1 - v)));
        // numpy: d.max(axis=1)[::-1, ::-1].T, its sum and a few pixels.
        assertEquals(533201, sum(front));
        assertEquals(-731, front.value(0, 0));
        assertEquals(576, front.value(60, 15));
        assertEquals(332, front.value(30, 10));
        Rendering left = caster.render(aligned(caster, 90, 0, ny, nz, 3), settings(caster, RenderMode.MIP, 3), ny, nz, new Cancellation());
        assertProjection(left, ny, nz, (u, v) -> extreme(true, nx, i -> niftiCt.getPhysical(i, ny - 1 - u, nz - 1 - v)));
        assertEquals(329337, sum(left)); // numpy: d.max(axis=0).sum()
        assertEquals(70, left.value(50, 15));
        Rendering minIp = caster.render(aligned(caster, 0, 0, nx, nz, 3), settings(caster, RenderMode.MIN_IP, 3), nx, nz, new Cancellation());
        assertEquals(-3693425, sum(minIp)); // numpy: d.min(axis=1).sum()
        assertEquals(-1002, minIp.value(60, 15));
    }

    private static long sum(Rendering r) {
        long s = 0;
        for (float v : r.values()) {
            s += Math.round(v);
        }
        return s;
    }

    @Test
    void shearedGridIsMarchedInPatientSpace() {
        // A gantry-tilt-like grid: each slice is shifted 2 mm posterior, so k runs (0, 2, 2) mm.
        ImageGrid grid = new ImageGrid(8, 20, 10, Affine.fromColumns(new Vec3(2, 0, 0), new Vec3(0, 2, 0),
                new Vec3(0, 2, 2), Vec3.ZERO));
        Volume v = Volume.allocate(grid, VoxelType.INT16);
        SplittableRandom random = new SplittableRandom(3);
        for (int k = 0; k < 10; k++) {
            for (int j = 0; j < 20; j++) {
                for (int i = 0; i < 8; i++) {
                    v.setStored(i, j, k, random.nextInt(-1000, 1000));
                }
            }
        }
        RayCaster caster = new RayCaster(v);
        assertEquals(new Vec3(7, 28, 9), caster.centre());
        // From the patient's left, 39 × 10 pixels of 2 mm centred on (y, z) = (28, 9): pixel (u, v)
        // is at y = 2u − 10, z = 18 − 2v, i.e. slice k = 9 − v and row j = (y − 2k) / 2 = u + v − 14.
        Rendering r = caster.render(aligned(caster, 90, 0, 39, 10, 2), settings(caster, RenderMode.MIP, 2), 39, 10, new Cancellation());
        for (int row = 0; row < 10; row++) {
            for (int u = 0; u < 39; u++) {
                int k = 9 - row;
                int j = u + row - 14;
                double expected = j < 0 || j >= 20 ? Double.NaN : extreme(true, 8, i -> v.getPhysical(i, j, k));
                assertEquals(expected, r.value(u, row), 1e-3, "pixel (" + u + ", " + row + ")");
            }
        }
    }

    @Test
    void patientLeftIsOnTheImageRightFromTheFrontAndAnteriorOnTheLeftFromTheLeft() {
        // 64³ of 1 mm, LPS; a bright block in the patient's left-anterior-superior corner.
        ImageGrid grid = new ImageGrid(64, 64, 64, Affine.fromColumns(new Vec3(1, 0, 0), new Vec3(0, 1, 0),
                new Vec3(0, 0, 1), new Vec3(-31.5, -31.5, -31.5)));
        Volume v = Volume.allocate(grid, VoxelType.INT16);
        for (int z = 48; z < 60; z++) {
            for (int y = 4; y < 16; y++) {
                for (int x = 48; x < 60; x++) {
                    v.setStored(x, y, z, 1000);
                }
            }
        }
        RayCaster caster = new RayCaster(v);
        RenderSettings s = settings(caster, RenderMode.MIP, 0).withWindow(new WindowLevel(500, 1000));
        Rendering front = caster.render(aligned(caster, 0, 0, 64, 64, 1), s, 64, 64, new Cancellation());
        assertEquals(1000, front.value(53, 10), "left (x = 53) on the right, superior (z = 53) at the top");
        assertEquals(0, front.value(10, 10));
        assertEquals(0, front.value(53, 53));
        assertEquals(0xFFFFFFFF, front.argb(53, 10));
        assertEquals(0xFF000000, front.argb(10, 10));
        Rendering fromLeft = caster.render(aligned(caster, 90, 0, 64, 64, 1), s, 64, 64, new Cancellation());
        assertEquals(1000, fromLeft.value(10, 10), "anterior (y = 10) on the left of the lateral view");
        assertEquals(0, fromLeft.value(53, 10));
    }

    @Test
    void compositeWithAnOpaqueStepShowsTheFirstVoxelAboveTheThresholdAtItsDepth() {
        RayCaster caster = new RayCaster(phantom);
        int nx = 48;
        int ny = 40;
        int nz = 36;
        int colour = 0xD0A070;
        TransferFunction step = new TransferFunction("opaque above 150 HU", List.of(
                TransferFunction.Point.of(149.5, colour, 0), TransferFunction.Point.of(150, colour, 1)));
        RenderSettings s = caster.defaultSettings(RenderMode.COMPOSITE, TransferPreset.CT_BONE)
                .withTransfer(step).withStep(5).withShading(false);
        Rendering r = caster.render(aligned(caster, 0, 0, nx, nz, 5), s, nx, nz, new Cancellation());
        int hits = 0;
        for (int v = 0; v < nz; v++) {
            for (int u = 0; u < nx; u++) {
                int first = -1;
                for (int y = 0; y < ny && first < 0; y++) {
                    if (phantom.getPhysical(u, y, nz - 1 - v) >= 150) {
                        first = y;
                    }
                }
                if (first < 0) {
                    assertEquals(RenderSettings.BLACK, r.argb(u, v), "pixel " + u + ", " + v);
                    assertTrue(Float.isNaN(r.depth(u, v)));
                } else {
                    hits++;
                    assertEquals(0xFF000000 | colour, r.argb(u, v), "pixel " + u + ", " + v);
                    // Depth from the plane through the centre (y index 19.5), along +y.
                    assertEquals((first - 19.5) * 5, r.depth(u, v), 1e-6, "pixel " + u + ", " + v);
                }
            }
        }
        assertTrue(hits > 100, "the spine and aorta are hit by " + hits + " rays");
    }

    @Test
    void zeroOpacityShowsOnlyTheBackground() {
        RayCaster caster = new RayCaster(phantom);
        TransferFunction clear = new TransferFunction("clear", List.of(TransferFunction.Point.of(-5000, 0xFFFFFF, 0),
                TransferFunction.Point.of(5000, 0xFFFFFF, 0)));
        int bg = 0xFF102030;
        RenderSettings s = new RenderSettings(RenderMode.COMPOSITE, clear, new WindowLevel(0, 100), 0, true, bg);
        Rendering r = caster.render(new OrbitCamera(30, 20, 1.3, 0, 0), s, 40, 30, new Cancellation());
        for (int i = 0; i < r.argb().length; i++) {
            assertEquals(bg, r.argb()[i]);
            assertTrue(Float.isNaN(r.depthMm()[i]));
        }
    }

    @Test
    void reducedFrameSamplesTheSameRaysAsTheFullFrameAtItsPixelCentres() {
        RayCaster caster = new RayCaster(phantom);
        OrbitCamera cam = new OrbitCamera(35, 25, 1.2, 7, -4);
        RenderSettings s = caster.defaultSettings(RenderMode.COMPOSITE, TransferPreset.CT_SOFT_TISSUE);
        Rendering full = caster.render(cam, s, 60, 45, new Cancellation());
        Rendering reduced = caster.render(cam, s, 60, 45, 3, new Cancellation());
        assertEquals(20, reduced.width());
        assertEquals(15, reduced.height());
        assertEquals(3 * full.pixelMm(), reduced.pixelMm(), 1e-12);
        for (int v = 0; v < 15; v++) {
            for (int u = 0; u < 20; u++) {
                // Reduced pixel u covers full pixels 3u .. 3u + 2; its centre is full pixel 3u + 1.
                assertEquals(full.argb(3 * u + 1, 3 * v + 1), reduced.argb(u, v), "pixel " + u + ", " + v);
            }
        }
    }

    @Test
    void panShiftsThePictureByThePannedMillimetres() {
        RayCaster caster = new RayCaster(phantom);
        OrbitCamera cam = aligned(caster, 0, 0, 48, 36, 5);
        RenderSettings s = settings(caster, RenderMode.MIP, 5);
        Rendering still = caster.render(cam, s, 48, 36, new Cancellation());
        Rendering panned = caster.render(cam.withPan(10, -5), s, 48, 36, new Cancellation());
        // 10 mm right is two pixels right, 5 mm up one pixel up.
        for (int v = 0; v < 35; v++) {
            for (int u = 2; u < 48; u++) {
                assertEquals(still.value(u - 2, v + 1), panned.value(u, v), 1e-3, "pixel " + u + ", " + v);
            }
        }
    }

    @Test
    void cancelledRenderThrows() {
        RayCaster caster = new RayCaster(phantom);
        Cancellation c = new Cancellation();
        c.cancel();
        assertThrows(CancelledException.class, () -> caster.render(OrbitCamera.ANTERIOR,
                settings(caster, RenderMode.MIP, 0), 64, 64, c));
    }
}
