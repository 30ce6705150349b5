package dev.attest.annotation.edit;

/** A voxel's position in a grid: column i, row j, slice k. */
public record VoxelIndex(int i, int j, int k) {

    /** Returns the index along axis 0 (i), 1 (j) or 2 (k). */
    public int get(int axis) {
        return switch (axis) {
            case 0 -> i;
            case 1 -> j;
            case 2 -> k;
            default -> throw new IndexOutOfBoundsException("axis " + axis + " is not 0, 1 or 2");
        };
    }

    /** Returns a copy with the index along axis replaced by value. */
    public VoxelIndex with(int axis, int value) {
        return switch (axis) {
            case 0 -> new VoxelIndex(value, j, k);
            case 1 -> new VoxelIndex(i, value, k);
            case 2 -> new VoxelIndex(i, j, value);
            default -> throw new IndexOutOfBoundsException("axis " + axis + " is not 0, 1 or 2");
        };
    }
}
