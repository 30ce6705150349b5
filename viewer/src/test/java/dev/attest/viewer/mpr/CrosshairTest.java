package dev.attest.viewer.mpr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attest.core.geometry.Vec3;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.volume.Volume;
import org.junit.jupiter.api.Test;

class CrosshairTest {

    @Test
    void clickInAxialViewMovesCoronalAndSagittalPlanesThroughTheClickedPoint() {
        Volume ct = CtPhantom.generate(96, 96, 60, 4.0, 5.0, 0, 7).ct();
        Crosshair crosshair = new Crosshair(new Vec3(0, 0, -37.5));
        SliceImage axial = PlaneResampler.resample(ct, crosshair.plane(StandardView.AXIAL), Interpolation.NEAREST);
        // Pixel (29, 43) of the axial view is voxel (29, 43, 22): the liver lesion.
        Crosshair moved = crosshair.clickedAt(axial, 29, 43);
        assertEquals(new Vec3(-74, -18, -37.5), moved.point());

        SliceImage coronal = PlaneResampler.resample(ct, moved.plane(StandardView.CORONAL), Interpolation.NEAREST);
        SliceImage sagittal = PlaneResampler.resample(ct, moved.plane(StandardView.SAGITTAL), Interpolation.NEAREST);
        assertArrayEquals(new double[] {29, 43}, moved.inView(axial), 1e-9);
        for (SliceImage view : new SliceImage[] {coronal, sagittal}) {
            double[] uv = moved.inView(view);
            assertEquals(20, view.value((int) Math.round(uv[0]), (int) Math.round(uv[1])));
        }
        // Coronal rows run from z = 148 down in 4 mm steps, so z = -37.5 lies on row 46.375.
        assertArrayEquals(new double[] {29, 46.375}, moved.inView(coronal), 1e-9);

        SliceNavigator nav = new SliceNavigator(ct, moved.plane(StandardView.AXIAL));
        assertEquals(new Vec3(-74, -18, -27.5), moved.scrolled(nav, 2).point());
    }
}
