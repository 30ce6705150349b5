package dev.attest.viewer.mpr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.core.geometry.Vec3;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.volume.Volume;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reslices the synthetic CT (4 mm pixels, 5 mm slices, no noise) through the liver lesion. */
class PhantomResliceTest {

    private static final Vec3 LESION = new Vec3(-75, -20, -35);

    private static Volume ct;
    private static Volume labels;

    @BeforeAll
    static void generate() {
        CtPhantom.Result phantom = CtPhantom.generate(96, 96, 60, 4.0, 5.0, 0, 7);
        ct = phantom.ct();
        labels = phantom.labels();
    }

    /** Returns the value of the pixel nearest to an LPS point lying on the image's plane. */
    private static float at(SliceImage image, Vec3 lps) {
        Vec3 uvd = image.lpsToPixel(lps);
        assertEquals(0, uvd.z(), 1e-9, "point is off the plane");
        return image.value((int) Math.round(uvd.x()), (int) Math.round(uvd.y()));
    }

    private static void assertStructure(ViewPlane plane, Vec3 lps, int label, double hu) {
        SliceImage l = PlaneResampler.resample(labels, plane, Interpolation.NEAREST);
        SliceImage c = PlaneResampler.resample(ct, plane, Interpolation.NEAREST);
        assertEquals(label, at(l, lps), "label at " + lps);
        assertEquals(hu, at(c, lps), "HU at " + lps);
    }

    @Test
    void axialSliceThroughLesionShowsLesionAndNeighbours() {
        ViewPlane plane = ViewPlane.axial(LESION);
        SliceImage image = PlaneResampler.resample(ct, plane, Interpolation.NEAREST);
        assertEquals(96, image.width());
        assertEquals(96, image.height());
        assertEquals(4.0, image.pixelMm());
        assertEquals(new Vec3(-190, -190, -35), image.firstPixel());
        assertStructure(plane, LESION, 9, 20);
        assertStructure(plane, new Vec3(-40, -20, -35), 4, 60);
        assertStructure(plane, new Vec3(0, 70, -35), 7, 700);
        assertStructure(plane, new Vec3(10, 40, -35), 8, 200);
        assertStructure(plane, new Vec3(0, -105, -35), 1, -100);
        assertStructure(plane, new Vec3(0, -150, -35), 0, -1000);
        assertEquals(20, at(PlaneResampler.resample(ct, plane, Interpolation.LINEAR), LESION));
    }

    @Test
    void coronalSliceThroughLesionShowsLesionLiverAndLungs() {
        ViewPlane plane = ViewPlane.coronal(LESION);
        SliceImage image = PlaneResampler.resample(ct, plane, Interpolation.NEAREST);
        // x spans 96 × 4 mm; z spans 60 × 5 mm = 300 mm, in 4 mm square pixels.
        assertEquals(96, image.width());
        assertEquals(75, image.height());
        assertEquals(4.0, image.pixelMm());
        assertStructure(plane, LESION, 9, 20);
        assertStructure(plane, new Vec3(-40, -20, -35), 4, 60);
        assertStructure(plane, new Vec3(70, -20, 70), 3, -850);
        assertStructure(plane, new Vec3(-70, -20, 70), 2, -850);
        assertStructure(plane, new Vec3(-185, -20, 0), 0, -1000);
    }

    @Test
    void sagittalSliceThroughLesionShowsLesionLiverKidneyAndLung() {
        ViewPlane plane = ViewPlane.sagittal(LESION);
        SliceImage image = PlaneResampler.resample(ct, plane, Interpolation.NEAREST);
        assertEquals(96, image.width());
        assertEquals(75, image.height());
        assertStructure(plane, LESION, 9, 20);
        assertStructure(plane, new Vec3(-75, -5, -70), 4, 60);
        assertStructure(plane, new Vec3(-75, 45, -80), 5, 30);
        assertStructure(plane, new Vec3(-75, 5, 70), 2, -850);
    }

    @Test
    void pixelToLpsToPixelRoundTripsOnEveryView() {
        ViewPlane oblique = ViewPlane.oblique(LESION, new Vec3(1, 1, 0.3), new Vec3(0.2, -0.1, -1));
        for (ViewPlane plane : new ViewPlane[] {ViewPlane.axial(LESION), ViewPlane.coronal(LESION),
                ViewPlane.sagittal(LESION), oblique}) {
            SliceImage image = PlaneResampler.resample(ct, plane, Interpolation.LINEAR);
            for (double[] uv : new double[][] {{0, 0}, {17.25, 3.5}, {image.width() - 1, image.height() - 1}}) {
                Vec3 back = image.lpsToPixel(image.pixelToLps(uv[0], uv[1]));
                assertEquals(uv[0], back.x(), 1e-9);
                assertEquals(uv[1], back.y(), 1e-9);
                assertEquals(0, back.z(), 1e-9);
            }
            Vec3 lesionPixel = image.lpsToPixel(LESION);
            assertEquals(0, LESION.distance(image.pixelToLps(lesionPixel.x(), lesionPixel.y())), 1e-9);
        }
    }

    @Test
    void cursorReadoutGivesVoxelIndexPositionAndValue() {
        ViewPlane plane = ViewPlane.axial(new Vec3(0, 0, -37.5));
        SliceImage image = PlaneResampler.resample(ct, plane, Interpolation.NEAREST);
        SliceNavigator nav = new SliceNavigator(ct, plane);
        SliceNavigator.CursorReadout r = nav.readout(image, 29, 43);
        assertEquals(new Vec3(-74, -18, -37.5), r.lps());
        assertArrayEquals(new int[] {29, 43, 22}, r.voxel());
        assertEquals(20, r.value());
        assertEquals(image.value(29, 43), r.value());
        SliceNavigator.CursorReadout off = nav.readout(image, -5, 0);
        assertEquals(null, off.voxel());
        assertTrue(Double.isNaN(off.value()));
    }

    @Test
    void navigatorStepsOneVoxelLayerAlongEachNormal() {
        Vec3 p = new Vec3(-74, -18, -37.5);
        SliceNavigator axial = new SliceNavigator(ct, ViewPlane.axial(p));
        assertEquals(5.0, axial.step());
        assertEquals(60, axial.sliceCount());
        assertEquals(22, axial.sliceIndex(p));
        assertEquals(new Vec3(-74, -18, -32.5), axial.move(p, 1));
        assertEquals(23, axial.sliceIndex(axial.move(p, 1)));
        assertEquals(new Vec3(-74, -18, -147.5), axial.toSlice(p, 0));

        SliceNavigator coronal = new SliceNavigator(ct, ViewPlane.coronal(p));
        assertEquals(4.0, coronal.step());
        assertEquals(96, coronal.sliceCount());
        assertEquals(43, coronal.sliceIndex(p));
        assertEquals(new Vec3(-74, -14, -37.5), coronal.move(p, 1));

        // The sagittal normal points to the patient's right, so slices count from the left side.
        SliceNavigator sagittal = new SliceNavigator(ct, ViewPlane.sagittal(p));
        assertEquals(4.0, sagittal.step());
        assertEquals(66, sagittal.sliceIndex(p));
        assertEquals(new Vec3(-78, -18, -37.5), sagittal.move(p, 1));
    }
}
