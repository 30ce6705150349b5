package dev.attest.annotation.edit;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The undo and redo stacks of an edit session, holding at most a given number of bytes: when a new
 * stroke pushes the total over the cap, the oldest strokes are forgotten (their edits stay in the
 * label map, they just can no longer be undone).
 */
final class EditHistory {
    private final long capBytes;
    private final Deque<Stroke> undo = new ArrayDeque<>();
    private final Deque<Stroke> redo = new ArrayDeque<>();
    private long bytes;
    private int dropped;

    EditHistory(long capBytes) {
        if (capBytes < 0) {
            throw new IllegalArgumentException("history cap must be >= 0 bytes, got " + capBytes);
        }
        this.capBytes = capBytes;
    }

    /** Adds a new stroke: redo is cleared (its strokes no longer follow from the current state), then the cap enforced. */
    void push(Stroke stroke) {
        redo.forEach(s -> bytes -= s.bytes());
        redo.clear();
        undo.push(stroke);
        bytes += stroke.bytes();
        while (bytes > capBytes && !undo.isEmpty()) {
            bytes -= undo.removeLast().bytes();
            dropped++;
        }
    }

    Stroke popUndo() {
        Stroke s = undo.pop();
        redo.push(s);
        return s;
    }

    Stroke popRedo() {
        Stroke s = redo.pop();
        undo.push(s);
        return s;
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    int undoDepth() {
        return undo.size();
    }

    int redoDepth() {
        return redo.size();
    }

    long bytes() {
        return bytes;
    }

    long capBytes() {
        return capBytes;
    }

    int dropped() {
        return dropped;
    }
}
