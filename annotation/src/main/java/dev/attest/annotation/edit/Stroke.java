package dev.attest.annotation.edit;

import java.util.Optional;

/**
 * What one applied operation changed, as compact undo data: the changed voxels' linear indices in
 * ascending order with their previous values (unsigned, in a short each), and the one value every
 * changed voxel received, since each tool writes a single value (a label, or 0 when erasing).
 */
public final class Stroke {
    /** A rough allowance for the object headers and fields, so that many tiny strokes still count. */
    static final long OVERHEAD_BYTES = 64;

    private final EditOperation operation;
    private final int[] indices;
    private final short[] before;
    private final int after;
    private final Mark mark;

    Stroke(EditOperation operation, int[] indices, short[] before, int after, Mark mark) {
        this.operation = operation;
        this.indices = indices;
        this.before = before;
        this.after = after;
        this.mark = mark;
    }

    public EditOperation operation() {
        return operation;
    }

    /** How many voxels this stroke changed (voxels that already held the new value are not counted). */
    public int changedVoxelCount() {
        return indices.length;
    }

    /** The linear index (k × sizeX × sizeY + j × sizeX + i) of the n-th changed voxel, ascending in n. */
    public int voxelIndex(int n) {
        return indices[n];
    }

    /** The value the n-th changed voxel held before the stroke. */
    public int valueBefore(int n) {
        return before[n] & 0xFFFF;
    }

    /** The value every changed voxel holds after the stroke. */
    public int valueAfter() {
        return after;
    }

    /** The point or box this stroke recorded, for the point and box tools. */
    public Optional<Mark> mark() {
        return Optional.ofNullable(mark);
    }

    /** Memory this stroke holds in the undo history: 4 + 2 bytes per changed voxel plus a fixed allowance. */
    public long bytes() {
        return OVERHEAD_BYTES + 6L * indices.length;
    }

    @Override
    public String toString() {
        return "Stroke[" + operation.type() + ", " + indices.length + " voxels -> " + after + "]";
    }
}
