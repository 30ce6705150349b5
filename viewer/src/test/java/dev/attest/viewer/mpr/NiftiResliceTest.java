package dev.attest.viewer.mpr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reslices the brainchop T1 (256³, 1 mm, stored LIA: +i left, +j inferior, +k anterior). */
class NiftiResliceTest {

    private static Volume t1;

    @BeforeAll
    static void read() throws IOException {
        Path data = Path.of(System.getProperty("attest.data", "../../shared/data"));
        t1 = NiftiReader.read(data.resolve("nifti/brainchop_t1_crop.nii.gz")).volume();
    }

    @Test
    void axialSliceThroughCentreOfLiaVolumeIsUprightWithAnteriorAtTheTop() {
        ImageGrid grid = t1.grid();
        assertEquals("LIA", grid.orientationCode());
        Vec3 centre = grid.indexToLps().apply(127.5, 127.5, 127.5);
        ViewPlane plane = ViewPlane.axial(centre);
        SliceImage image = PlaneResampler.resample(t1, plane, Interpolation.NEAREST);
        assertEquals(256, image.width());
        assertEquals(256, image.height());
        assertEquals(1.0, image.pixelMm());
        assertEquals(new OrientationLabels("R", "L", "A", "P"), OrientationLabels.of(plane));

        SliceNavigator nav = new SliceNavigator(t1, plane);
        assertEquals(1.0, nav.step());
        assertEquals(256, nav.sliceCount());
        // Top-left pixel: patient right (i = 0) and most anterior (k = 255); the plane lies
        // half-way between j = 127 and 128, and nearest rounds the half up.
        assertArrayEquals(new int[] {0, 128, 255}, nav.readout(image, 0, 0).voxel());
        assertArrayEquals(new int[] {255, 128, 0}, nav.readout(image, 255, 255).voxel());
        for (int[] uv : new int[][] {{128, 128}, {100, 60}, {200, 180}, {17, 240}}) {
            SliceNavigator.CursorReadout r = nav.readout(image, uv[0], uv[1]);
            assertArrayEquals(new int[] {uv[0], 128, 255 - uv[1]}, r.voxel());
            assertEquals(t1.getPhysical(uv[0], 128, 255 - uv[1]), image.value(uv[0], uv[1]));
        }
        // Reference voxel values read from the file with numpy.
        assertEquals(84, image.value(128, 128));
        assertEquals(93, image.value(100, 60));
        assertEquals(18, image.value(200, 180));
    }
}
