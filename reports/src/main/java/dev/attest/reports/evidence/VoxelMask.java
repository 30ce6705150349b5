package dev.attest.reports.evidence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * A set of voxels of one grid, kept as the sorted list of their linear indices
 * {@code x + sizeX·(y + sizeY·z)}: compact for the small masks findings and lesions have, and cheap to
 * compare and intersect. In JSON it is the grid (size, index-to-LPS affine, row-major) and run-length pairs
 * (first index, count), which a few lines of numpy can unpack. Immutable.
 */
public final class VoxelMask {
    private final ImageGrid grid;
    private final int[] indices;

    private VoxelMask(ImageGrid grid, int[] sortedUniqueIndices) {
        this.grid = grid;
        this.indices = sortedUniqueIndices;
    }

    /**
     * Creates a mask from linear indices in ascending order without repeats.
     *
     * @throws IllegalArgumentException if an index is outside the grid, out of order or repeated, or the grid
     *                                  has more voxels than an int can index
     */
    public static VoxelMask of(ImageGrid grid, int[] sortedIndices) {
        requireIndexable(grid);
        int[] copy = sortedIndices.clone();
        long n = grid.voxelCount();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] < 0 || copy[i] >= n) {
                throw new IllegalArgumentException("voxel index " + copy[i] + " is outside a grid of " + n + " voxels");
            }
            if (i > 0 && copy[i] <= copy[i - 1]) {
                throw new IllegalArgumentException("voxel indices must ascend without repeats: " + copy[i - 1]
                        + " then " + copy[i]);
            }
        }
        return new VoxelMask(grid, copy);
    }

    /** Creates a mask from any indices, sorting them and dropping repeats. */
    public static VoxelMask ofUnsorted(ImageGrid grid, int[] indices) {
        return of(grid, IntStream.of(indices).sorted().distinct().toArray());
    }

    public static VoxelMask fromBitSet(ImageGrid grid, BitSet bits) {
        return of(grid, bits.stream().toArray());
    }

    public static VoxelMask empty(ImageGrid grid) {
        requireIndexable(grid);
        return new VoxelMask(grid, new int[0]);
    }

    /** Masks index voxels with an int; larger grids cannot hold one. */
    public static void requireIndexable(ImageGrid grid) {
        if (grid.voxelCount() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a grid of " + grid.voxelCount() + " voxels is too large for a voxel mask");
        }
    }

    public ImageGrid grid() {
        return grid;
    }

    public int count() {
        return indices.length;
    }

    public boolean isEmpty() {
        return indices.length == 0;
    }

    /** A copy of the ascending linear indices. */
    public int[] indices() {
        return indices.clone();
    }

    public IntStream stream() {
        return IntStream.of(indices);
    }

    public boolean contains(int index) {
        return Arrays.binarySearch(indices, index) >= 0;
    }

    public BitSet toBitSet() {
        BitSet bits = new BitSet();
        for (int i : indices) {
            bits.set(i);
        }
        return bits;
    }

    /** The voxels for which keep is true. */
    public VoxelMask filter(IntPredicate keep) {
        return new VoxelMask(grid, IntStream.of(indices).filter(keep).toArray());
    }

    /** The voxels in either mask. */
    public VoxelMask union(VoxelMask other) {
        requireSameGrid(other);
        return new VoxelMask(grid, IntStream.concat(IntStream.of(indices), IntStream.of(other.indices))
                .sorted().distinct().toArray());
    }

    /** The voxels in both masks. */
    public VoxelMask intersection(VoxelMask other) {
        requireSameGrid(other);
        return filter(other::contains);
    }

    /** Patient LPS position (mm) of the centre of voxel {@code index}. */
    public Vec3 lps(int index) {
        return lps(grid, index);
    }

    /** Patient LPS position (mm) of the centre of voxel {@code index} of any grid. */
    public static Vec3 lps(ImageGrid grid, int index) {
        int sx = grid.sizeX();
        int sy = grid.sizeY();
        return grid.indexToLps().apply(index % sx, (index / sx) % sy, index / (sx * sy));
    }

    /** The mean LPS position of the voxel centres; the affine is linear, so the mean index is mapped once. */
    public Vec3 centroidLps() {
        if (indices.length == 0) {
            throw new IllegalStateException("an empty mask has no centroid");
        }
        int sx = grid.sizeX();
        int sy = grid.sizeY();
        double x = 0;
        double y = 0;
        double z = 0;
        for (int i : indices) {
            x += i % sx;
            y += (i / sx) % sy;
            z += i / (sx * sy);
        }
        double n = indices.length;
        return grid.indexToLps().apply(x / n, y / n, z / n);
    }

    /** Volume in millilitres: the voxel count times one voxel's volume. */
    public double volumeMl() {
        return indices.length * voxelMl(grid);
    }

    /** One voxel's volume in millilitres. */
    public static double voxelMl(ImageGrid grid) {
        return Math.abs(grid.indexToLps().determinant()) / 1000;
    }

    /**
     * The smallest patient-axis-aligned box holding every voxel whole (its centre ± half a voxel along each
     * grid axis), so that a box drawn around a one-voxel finding still has a size.
     */
    public PatientBox bounds() {
        if (indices.length == 0) {
            throw new IllegalStateException("an empty mask has no bounding box");
        }
        int sx = grid.sizeX();
        int sy = grid.sizeY();
        int[] lo = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] hi = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        for (int i : indices) {
            int[] c = {i % sx, (i / sx) % sy, i / (sx * sy)};
            for (int a = 0; a < 3; a++) {
                lo[a] = Math.min(lo[a], c[a]);
                hi[a] = Math.max(hi[a], c[a]);
            }
        }
        Affine m = grid.indexToLps();
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int corner = 0; corner < 8; corner++) {
            Vec3 p = m.apply((corner & 1) == 0 ? lo[0] - 0.5 : hi[0] + 0.5,
                    (corner & 2) == 0 ? lo[1] - 0.5 : hi[1] + 0.5,
                    (corner & 4) == 0 ? lo[2] - 0.5 : hi[2] + 0.5);
            for (int a = 0; a < 3; a++) {
                min[a] = Math.min(min[a], p.get(a));
                max[a] = Math.max(max[a], p.get(a));
            }
        }
        return new PatientBox(new Vec3(min[0], min[1], min[2]), new Vec3(max[0], max[1], max[2]));
    }

    private void requireSameGrid(VoxelMask other) {
        if (!grid.equals(other.grid)) {
            throw new GridMismatchException("mask", grid, "other mask", other.grid);
        }
    }

    /** The JSON form: grid size, index-to-LPS affine (16 values, row-major) and (first index, count) runs. */
    public record Json(int[] size, double[] indexToLps, int[] runs) {
    }

    @JsonValue
    public Json toJson() {
        int[] runs = new int[2 * indices.length];
        int n = 0;
        for (int i = 0; i < indices.length; i++) {
            if (n > 0 && runs[n - 2] + runs[n - 1] == indices[i]) {
                runs[n - 1]++;
            } else {
                runs[n++] = indices[i];
                runs[n++] = 1;
            }
        }
        return new Json(new int[] {grid.sizeX(), grid.sizeY(), grid.sizeZ()}, grid.indexToLps().toRowMajor(),
                Arrays.copyOf(runs, n));
    }

    /** Rebuilds a mask from its JSON form, checking it as {@link #of} does. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static VoxelMask fromJson(Json json) {
        if (json.size() == null || json.size().length != 3 || json.indexToLps() == null
                || json.indexToLps().length != 16 || json.runs() == null || json.runs().length % 2 != 0) {
            throw new IllegalArgumentException("a voxel mask needs size[3], indexToLps[16] and (start, count) run pairs");
        }
        double[] m = json.indexToLps();
        Affine affine = Affine.of(new double[][] {
            {m[0], m[1], m[2], m[3]}, {m[4], m[5], m[6], m[7]}, {m[8], m[9], m[10], m[11]}, {m[12], m[13], m[14], m[15]}});
        ImageGrid grid = new ImageGrid(json.size()[0], json.size()[1], json.size()[2], affine);
        IntStream.Builder out = IntStream.builder();
        for (int r = 0; r < json.runs().length; r += 2) {
            if (json.runs()[r + 1] <= 0) {
                throw new IllegalArgumentException("run " + r / 2 + " has count " + json.runs()[r + 1]);
            }
            for (int k = 0; k < json.runs()[r + 1]; k++) {
                out.add(json.runs()[r] + k);
            }
        }
        return of(grid, out.build().toArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VoxelMask m && grid.equals(m.grid) && Arrays.equals(indices, m.indices);
    }

    @Override
    public int hashCode() {
        return Objects.hash(grid, Arrays.hashCode(indices));
    }

    @Override
    public String toString() {
        return "VoxelMask[" + indices.length + " voxels of " + grid + "]";
    }
}
