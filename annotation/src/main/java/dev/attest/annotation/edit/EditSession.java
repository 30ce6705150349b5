package dev.attest.annotation.edit;

import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Edits one label map in place with undo and redo: apply an operation, get back the stroke that
 * records what changed; the history is capped in bytes and forgets its oldest strokes first.
 * Not thread-safe: one session belongs to one editor (the UI thread or one worker). Besides the
 * capped history, the session keeps a copy of each slice it has touched, as it was before the
 * first edit, so that {@link #changedVoxelCount()} is exact; that copy is outside the cap.
 */
public final class EditSession {
    /** Enough for several hundred large brush strokes on a CT-sized label map. */
    public static final long DEFAULT_HISTORY_BYTES = 256L << 20;

    private final LabelMapAccess map;
    private final VoxelSelector selector;
    private final EditHistory history;
    private final List<EditOperation> applied = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();
    /** Copy of each slice as it was before its first edit, to count voxels that differ from the start exactly. */
    private final Object[] originalSlices;
    private long changedVoxels;

    public EditSession(Volume labels) {
        this(labels, DEFAULT_HISTORY_BYTES);
    }

    /**
     * @throws UnsupportedLabelMapException if labels is not an unrescaled UINT8 or UINT16 volume of
     *         at most 2^31 - 1 voxels
     */
    public EditSession(Volume labels, long historyCapBytes) {
        this.map = new LabelMapAccess(labels);
        this.selector = new VoxelSelector(map);
        this.history = new EditHistory(historyCapBytes);
        this.originalSlices = new Object[map.sizeZ];
    }

    public Volume labels() {
        return map.volume;
    }

    /**
     * Applies op to the label map and returns what it changed; the redo stack is cleared.
     *
     * @throws IllegalArgumentException if the label does not fit the map's type, or an intensity
     *         reference lies on another grid ({@link GridMismatchException})
     */
    public Stroke apply(EditOperation op) {
        IntList selected = selector.select(op);
        int[] indices = selected.toArray();
        short[] before = new short[indices.length];
        int after = switch (op) {
            case EditOperation.Paint p -> p.label();
            case EditOperation.FloodFill f -> f.label();
            default -> 0;
        };
        for (int n = 0; n < indices.length; n++) {
            before[n] = (short) map.get(indices[n]);
            write(indices[n], after);
        }
        Mark mark = switch (op) {
            case EditOperation.PlacePoint p -> new Mark.Point(p.label(), p.lps());
            case EditOperation.PlaceBox b -> new Mark.Box(b.label(), b.box(), centre(b.box().min()), centre(b.box().max()));
            default -> null;
        };
        Stroke stroke = new Stroke(op, indices, before, after, mark);
        if (mark != null) {
            marks.add(mark);
        }
        applied.add(op);
        history.push(stroke);
        return stroke;
    }

    /** Undoes the latest stroke still in the history and returns it; empty when there is none to undo. */
    public Optional<Stroke> undo() {
        if (!history.canUndo()) {
            return Optional.empty();
        }
        Stroke s = history.popUndo();
        for (int n = s.changedVoxelCount() - 1; n >= 0; n--) {
            write(s.voxelIndex(n), s.valueBefore(n));
        }
        if (s.mark().isPresent()) {
            marks.removeLast();
        }
        applied.removeLast();
        return Optional.of(s);
    }

    /** Applies again the latest undone stroke and returns it; empty when there is none. */
    public Optional<Stroke> redo() {
        if (!history.canRedo()) {
            return Optional.empty();
        }
        Stroke s = history.popRedo();
        for (int n = 0; n < s.changedVoxelCount(); n++) {
            write(s.voxelIndex(n), s.valueAfter());
        }
        s.mark().ifPresent(marks::add);
        applied.add(s.operation());
        return Optional.of(s);
    }

    public boolean canUndo() {
        return history.canUndo();
    }

    public boolean canRedo() {
        return history.canRedo();
    }

    /** How many voxels now hold a value other than the one they held when the session began. */
    public long changedVoxelCount() {
        return changedVoxels;
    }

    /** The operations that made the current label map, oldest first, including those too old to undo. */
    public List<EditOperation> operations() {
        return List.copyOf(applied);
    }

    /** The points and boxes currently placed, oldest first. */
    public List<Mark> marks() {
        return List.copyOf(marks);
    }

    public int undoDepth() {
        return history.undoDepth();
    }

    public int redoDepth() {
        return history.redoDepth();
    }

    /** Bytes the undo and redo strokes hold now; never more than {@link #historyCapBytes()}. */
    public long historyBytes() {
        return history.bytes();
    }

    public long historyCapBytes() {
        return history.capBytes();
    }

    /** How many strokes were forgotten to keep the history under its cap. */
    public int droppedSteps() {
        return history.dropped();
    }

    private void write(int index, int value) {
        int z = index / map.sliceLength;
        if (originalSlices[z] == null) {
            originalSlices[z] = copyOf(map.volume.sliceArray(z));
        }
        int offset = index % map.sliceLength;
        int original = originalSlices[z] instanceof byte[] b ? b[offset] & 0xFF : ((short[]) originalSlices[z])[offset] & 0xFFFF;
        int old = map.get(index);
        changedVoxels += (value != original ? 1 : 0) - (old != original ? 1 : 0);
        map.set(index, value);
    }

    private static Object copyOf(Object slice) {
        return slice instanceof byte[] b ? b.clone() : ((short[]) slice).clone();
    }

    private Vec3 centre(VoxelIndex v) {
        return map.volume.grid().indexToLps().apply(v.i(), v.j(), v.k());
    }
}
