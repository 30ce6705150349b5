package dev.attest.viewer.mpr;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import java.util.Objects;

/**
 * Scrolls a view through a volume along its normal and reads the volume under the cursor.
 *
 * <p>The scroll step is the distance along the normal after which some voxel index has advanced
 * by exactly one, 1 / max|∂index/∂n|: the slice spacing for a view aligned with the grid (also a
 * tilted one, where it is the true z distance between slices), and for an oblique view a step
 * in which no index advances by more than one. Slices are numbered from the volume corner lowest
 * along the normal (for the sagittal view, whose normal points right, from the patient's left).
 */
public final class SliceNavigator {

    private final Volume volume;
    private final ViewPlane plane;
    private final double step;
    private final double firstDepth;
    private final int sliceCount;

    public SliceNavigator(Volume volume, ViewPlane plane) {
        this.volume = Objects.requireNonNull(volume, "volume");
        this.plane = Objects.requireNonNull(plane, "plane");
        ImageGrid grid = volume.grid();
        Vec3 n = plane.normal();
        Vec3 di = grid.lpsToIndex().applyDirection(n);
        this.step = 1 / Math.max(Math.abs(di.x()), Math.max(Math.abs(di.y()), Math.abs(di.z())));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        // Voxel centres, not edges: slice 0 passes through the first voxel layer, not beside it.
        for (int corner = 0; corner < 8; corner++) {
            double d = grid.indexToLps().apply(
                    (corner & 1) == 0 ? 0 : grid.sizeX() - 1,
                    (corner & 2) == 0 ? 0 : grid.sizeY() - 1,
                    (corner & 4) == 0 ? 0 : grid.sizeZ() - 1).dot(n);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        this.firstDepth = min;
        this.sliceCount = (int) Math.floor((max - min) / step + 1e-6) + 1;
    }

    /** The volume value and position under a cursor; voxel is null and value NaN off the volume. */
    public record CursorReadout(Vec3 lps, int[] voxel, double value) {
    }

    /** Distance in mm between neighbouring slices of this view. */
    public double step() {
        return step;
    }

    public int sliceCount() {
        return sliceCount;
    }

    /** Returns the slice the point lies on (rounded), counting from 0; it may lie outside 0..count-1. */
    public int sliceIndex(Vec3 lps) {
        return (int) Math.round((lps.dot(plane.normal()) - firstDepth) / step);
    }

    /** Moves the point by the given number of slices along the normal (negative goes back). */
    public Vec3 move(Vec3 lps, int slices) {
        return lps.add(plane.normal().scale(slices * step));
    }

    /** Returns the point moved along the normal onto the given slice, keeping its in-plane position. */
    public Vec3 toSlice(Vec3 lps, int slice) {
        double depth = firstDepth + slice * step;
        return lps.add(plane.normal().scale(depth - lps.dot(plane.normal())));
    }

    /** Returns the plane through the point on the given slice, for the view to reslice. */
    public ViewPlane planeAt(int slice) {
        return plane.withCentre(toSlice(plane.centre(), slice));
    }

    /** Returns the nearest voxel index of an LPS point, or null when it lies outside the volume. */
    public int[] voxelAt(Vec3 lps) {
        ImageGrid grid = volume.grid();
        Vec3 index = grid.lpsToIndex().apply(lps);
        int[] voxel = {(int) Math.floor(index.x() + 0.5), (int) Math.floor(index.y() + 0.5),
                (int) Math.floor(index.z() + 0.5)};
        for (int a = 0; a < 3; a++) {
            if (voxel[a] < 0 || voxel[a] >= grid.size(a)) {
                return null;
            }
        }
        return voxel;
    }

    /** Reads what the status bar shows for pixel (u, v) of a slice: patient position, voxel and its value. */
    public CursorReadout readout(SliceImage image, double u, double v) {
        Vec3 lps = image.pixelToLps(u, v);
        int[] voxel = voxelAt(lps);
        double value = voxel == null ? Double.NaN : volume.getPhysical(voxel[0], voxel[1], voxel[2]);
        return new CursorReadout(lps, voxel, value);
    }
}
