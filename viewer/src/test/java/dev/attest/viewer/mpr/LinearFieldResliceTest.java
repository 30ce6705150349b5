package dev.attest.viewer.mpr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import org.junit.jupiter.api.Test;

/**
 * Reslices volumes whose values are a linear function of LPS position: trilinear interpolation
 * reproduces such a field exactly, so any geometric error shows up as a wrong value.
 */
class LinearFieldResliceTest {

    private static double field(Vec3 p) {
        return 3 * p.x() + 2 * p.y() - p.z() + 5;
    }

    private static Volume fieldVolume(ImageGrid grid) {
        Volume v = Volume.allocate(grid, VoxelType.FLOAT32);
        for (int k = 0; k < grid.sizeZ(); k++) {
            for (int j = 0; j < grid.sizeY(); j++) {
                for (int i = 0; i < grid.sizeX(); i++) {
                    v.setStored(i, j, k, field(grid.indexToLps().apply(i, j, k)));
                }
            }
        }
        return v;
    }

    private static boolean interior(ImageGrid grid, Vec3 index) {
        for (int a = 0; a < 3; a++) {
            if (index.get(a) < 0 || index.get(a) > grid.size(a) - 1) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aSecondVolumeOnAnotherGridIsSampledOnTheSamePixelsAsTheImage() {
        ImageGrid imageGrid = new ImageGrid(20, 24, 10, Affine.fromColumns(new Vec3(1.5, 0, 0), new Vec3(0, 1.25, 0),
                new Vec3(0, 0, 3), new Vec3(-14, -15, -13.5)));
        // An overlay on a coarser, shifted grid in the same patient space, like a label map.
        ImageGrid overlayGrid = new ImageGrid(12, 12, 8, Affine.fromColumns(new Vec3(3, 0, 0), new Vec3(0, 3, 0),
                new Vec3(0, 0, 4), new Vec3(-16, -17, -14)));
        Volume overlay = fieldVolume(overlayGrid);
        SliceImage image = PlaneResampler.resample(fieldVolume(imageGrid), ViewPlane.axial(new Vec3(0.5, -0.5, 1)), Interpolation.LINEAR);
        SliceImage onImage = PlaneResampler.resampleLike(overlay, image, Interpolation.LINEAR);
        assertEquals(image.width(), onImage.width());
        assertEquals(image.height(), onImage.height());
        assertEquals(image.firstPixel(), onImage.firstPixel());
        int checked = 0;
        for (int v = 0; v < image.height(); v++) {
            for (int u = 0; u < image.width(); u++) {
                Vec3 p = image.pixelToLps(u, v);
                if (interior(overlayGrid, overlayGrid.lpsToIndex().apply(p))) {
                    assertEquals(field(p), onImage.value(u, v), 1e-3, "overlay at pixel " + u + "," + v);
                    checked++;
                }
            }
        }
        assertTrue(checked > 100, "checked " + checked + " pixels");
    }

    @Test
    void linearIsExactAndNearestTakesTheClosestVoxelOnAnObliquePlane() {
        ImageGrid grid = new ImageGrid(20, 24, 10, Affine.fromColumns(new Vec3(1.5, 0, 0), new Vec3(0, 1.25, 0),
                new Vec3(0, 0, 3), new Vec3(-14, -15, -13.5)));
        Volume volume = fieldVolume(grid);
        ViewPlane plane = ViewPlane.oblique(new Vec3(0.3, -0.7, 0.9), new Vec3(1, 0.5, 0.25), new Vec3(0.1, -0.2, -1));
        SliceImage linear = PlaneResampler.resample(volume, plane, Interpolation.LINEAR);
        SliceImage nearest = PlaneResampler.resample(volume, plane, Interpolation.NEAREST);
        // The normal is mostly along j (1.25 mm), so the in-plane axes are i (1.5 mm) and k (3 mm).
        assertEquals(1.5, linear.pixelMm());
        int interiorPixels = 0;
        int nearestDiffers = 0;
        for (int v = 0; v < linear.height(); v++) {
            for (int u = 0; u < linear.width(); u++) {
                Vec3 p = linear.pixelToLps(u, v);
                Vec3 index = grid.lpsToIndex().apply(p);
                if (interior(grid, index)) {
                    interiorPixels++;
                    assertEquals(field(p), linear.value(u, v), 2e-4, "linear at " + u + "," + v);
                    Vec3 voxel = grid.indexToLps().apply(Math.round(index.x()), Math.round(index.y()), Math.round(index.z()));
                    assertEquals((float) field(voxel), nearest.value(u, v), 1e-4, "nearest at " + u + "," + v);
                    if (Math.abs(nearest.value(u, v) - field(p)) > 0.5) {
                        nearestDiffers++;
                    }
                }
            }
        }
        assertTrue(interiorPixels > 200, "only " + interiorPixels + " pixels inside");
        assertTrue(nearestDiffers > 0, "nearest never differed from the field");
    }

    @Test
    void pixelsOutsideTheVolumeAreNaN() {
        ImageGrid grid = new ImageGrid(10, 10, 10, Affine.diagonal(2, 2, 2));
        Volume volume = fieldVolume(grid);
        SliceImage image = PlaneResampler.resample(volume, ViewPlane.axial(new Vec3(9, 9, 9)), 30, 30, 1.0,
                Interpolation.LINEAR);
        // Pixel (0, 0) lies at x = y = -5.5 mm, beyond the voxel edge at -1 mm.
        assertTrue(Float.isNaN(image.value(0, 0)));
        assertTrue(Float.isNaN(image.value(29, 29)));
        assertEquals(new Vec3(8.5, 8.5, 9), image.pixelToLps(14, 14));
        assertEquals(field(new Vec3(8.5, 8.5, 9)), image.value(14, 14), 1e-4);
        // The half voxel at the edge holds the edge value: x = -0.5 mm is inside voxel 0, -1.5 mm is not.
        assertEquals(new Vec3(-0.5, 8.5, 9), image.pixelToLps(5, 14));
        assertEquals(field(new Vec3(0, 8.5, 9)), image.value(5, 14), 1e-4);
        assertTrue(Float.isNaN(image.value(4, 14)));
    }

    @Test
    void gantryTiltedGridReslicedAxiallyGivesTheFieldAtTruePositions() {
        // Each slice is 2 mm higher and shifted 0.5 mm posterior: a sheared grid, as from a tilted gantry.
        ImageGrid grid = new ImageGrid(32, 32, 20, Affine.fromColumns(new Vec3(1, 0, 0), new Vec3(0, 1, 0),
                new Vec3(0, 0.5, 2), new Vec3(-16, -20, -19)));
        Volume volume = fieldVolume(grid);
        ViewPlane plane = ViewPlane.axial(new Vec3(0, 0, 0));
        SliceImage image = PlaneResampler.resample(volume, plane, Interpolation.LINEAR);
        int interiorPixels = 0;
        for (int v = 0; v < image.height(); v++) {
            for (int u = 0; u < image.width(); u++) {
                Vec3 p = image.pixelToLps(u, v);
                if (interior(grid, grid.lpsToIndex().apply(p))) {
                    interiorPixels++;
                    assertEquals(field(p), image.value(u, v), 2e-4, "at " + p);
                } else if (!interior(grid, grid.lpsToIndex().apply(p).add(new Vec3(0.5, 0.5, 0.5)))
                        && !interior(grid, grid.lpsToIndex().apply(p).sub(new Vec3(0.5, 0.5, 0.5)))) {
                    assertTrue(Float.isNaN(image.value(u, v)), "outside at " + p);
                }
            }
        }
        // At z = 0 (k = 9.5) the tilt shifts the rows 4.75 mm: y runs from -15.25 to 15.75, and the
        // default field of view (box y -20.75 .. 21.25, 42 rows) puts a pixel row on each of them.
        assertEquals(42, image.height());
        assertEquals(new Vec3(-16, -20.25, 0), image.firstPixel());
        assertEquals(32 * 32, interiorPixels);
        SliceNavigator nav = new SliceNavigator(volume, plane);
        assertEquals(2.0, nav.step());
        assertEquals(20, nav.sliceCount());
    }
}
