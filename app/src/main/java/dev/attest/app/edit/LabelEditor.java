package dev.attest.app.edit;

import dev.attest.annotation.edit.CorrectedMask;
import dev.attest.annotation.edit.CorrectedMaskWriter;
import dev.attest.annotation.edit.EditOperation;
import dev.attest.annotation.edit.EditSession;
import dev.attest.annotation.edit.IndexBox;
import dev.attest.annotation.edit.IntensityRange;
import dev.attest.annotation.edit.Mark;
import dev.attest.annotation.edit.Region;
import dev.attest.annotation.edit.SlicePlane;
import dev.attest.annotation.edit.VoxelIndex;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns pointer gestures in patient coordinates into label-map edits on a private copy of a label map (the
 * model's own map, the evidence, is never changed), with undo and redo by whole gestures: one brush drag is
 * one undo step however many dabs it made. Headless, so the GUI's tool and the tests drive the same code.
 * Not thread-safe: it belongs to the FX thread.
 */
public final class LabelEditor {
    private final Volume image;
    private final EditSession session;
    private final ImageGrid grid;
    private final Deque<Integer> undoGestures = new ArrayDeque<>();
    private final Deque<Integer> redoGestures = new ArrayDeque<>();
    private EditSettings settings;
    private int strokesInGesture;
    private VoxelIndex gestureStart;
    private SlicePlane gesturePlane;
    private VoxelIndex lastDab;

    /**
     * @param labels the label map to correct (copied; UINT8 or UINT16)
     * @param image  the image on the same grid, for intensity-limited tools; null when there is none
     */
    public LabelEditor(Volume labels, Volume image, EditSettings settings) {
        this.image = image;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.session = new EditSession(copyOf(labels));
        this.grid = labels.grid();
    }

    /** The corrected copy being edited: what the overlay shows and what {@link #save} writes. */
    public Volume labels() {
        return session.labels();
    }

    public EditSettings settings() {
        return settings;
    }

    public void setSettings(EditSettings s) {
        settings = Objects.requireNonNull(s, "settings");
    }

    /** The points and boxes placed so far. */
    public List<Mark> marks() {
        return session.marks();
    }

    /**
     * The two outer corners of a box mark in LPS: the voxels' edges, not their centres, so a box one slice
     * thick still has a thickness and is drawn on its slice.
     */
    public Vec3[] outerCorners(Mark.Box box) {
        var a = box.box().min();
        var b = box.box().max();
        return new Vec3[] {grid.indexToLps().apply(a.i() - 0.5, a.j() - 0.5, a.k() - 0.5),
            grid.indexToLps().apply(b.i() + 0.5, b.j() + 0.5, b.k() + 0.5)};
    }

    /** How many voxels differ from the map as it was when editing began. */
    public long changedVoxelCount() {
        return session.changedVoxelCount();
    }

    /** The index-space plane closest to a view whose normal is viewNormal (an oblique view edits the nearest). */
    public SlicePlane planeFacing(Vec3 viewNormal) {
        int best = 2;
        double bestDot = -1;
        for (int axis = 0; axis < 3; axis++) {
            double d = Math.abs(grid.axisDirection(axis).dot(viewNormal));
            if (d > bestDot) {
                bestDot = d;
                best = axis;
            }
        }
        return switch (best) {
            case 0 -> SlicePlane.SAGITTAL;
            case 1 -> SlicePlane.CORONAL;
            default -> SlicePlane.AXIAL;
        };
    }

    /** The voxel whose centre is nearest a patient point, or empty outside the grid. */
    public Optional<VoxelIndex> voxelAt(Vec3 lps) {
        Vec3 ijk = grid.lpsToIndex().apply(lps.x(), lps.y(), lps.z());
        int i = (int) Math.round(ijk.x());
        int j = (int) Math.round(ijk.y());
        int k = (int) Math.round(ijk.z());
        if (i < 0 || j < 0 || k < 0 || i >= grid.sizeX() || j >= grid.sizeY() || k >= grid.sizeZ()) {
            return Optional.empty();
        }
        return Optional.of(new VoxelIndex(i, j, k));
    }

    /** Starts a gesture at a point of a view with the given normal; returns whether the map or marks changed. */
    public boolean press(Vec3 lps, Vec3 viewNormal) {
        strokesInGesture = 0;
        gesturePlane = planeFacing(viewNormal);
        gestureStart = voxelAt(lps).orElse(null);
        lastDab = null;
        if (gestureStart == null) {
            return false;
        }
        return switch (settings.tool()) {
            case BRUSH, SPHERE, ERASER -> dab(gestureStart);
            case FLOOD_FILL -> apply(new EditOperation.FloodFill(settings.label(), gesturePlane, gestureStart, limit()));
            case POINT -> apply(new EditOperation.PlacePoint(settings.label(), lps));
            case BOX -> false; // placed on release, spanning the drag
        };
    }

    /** Continues a gesture: brushes paint along the way (one dab per voxel moved), other tools wait. */
    public boolean drag(Vec3 lps) {
        if (gestureStart == null) {
            return false;
        }
        Optional<VoxelIndex> at = voxelAt(lps);
        if (at.isEmpty() || at.get().equals(lastDab)) {
            return false;
        }
        return switch (settings.tool()) {
            case BRUSH, SPHERE, ERASER -> dab(inGesturePlane(at.get()));
            default -> false;
        };
    }

    /** Ends a gesture; the box tool places its box here. Returns whether anything changed. */
    public boolean release(Vec3 lps) {
        boolean changed = false;
        if (gestureStart != null && settings.tool() == EditTool.BOX) {
            VoxelIndex end = voxelAt(lps).map(this::inGesturePlane).orElse(gestureStart);
            int fixed = gesturePlane.fixedAxis();
            IndexBox box = IndexBox.rectangle(gesturePlane, gestureStart.get(fixed), gestureStart.get(gesturePlane.uAxis()),
                    gestureStart.get(gesturePlane.vAxis()), end.get(gesturePlane.uAxis()), end.get(gesturePlane.vAxis()));
            changed = apply(new EditOperation.PlaceBox(settings.label(), box));
        }
        if (strokesInGesture > 0) {
            undoGestures.push(strokesInGesture);
            redoGestures.clear();
        }
        strokesInGesture = 0;
        gestureStart = null;
        return changed;
    }

    public boolean canUndo() {
        return !undoGestures.isEmpty() && session.canUndo();
    }

    public boolean canRedo() {
        return !redoGestures.isEmpty() && session.canRedo();
    }

    /** Undoes the last whole gesture; false when there is none (or the capped history forgot it). */
    public boolean undo() {
        if (!canUndo()) {
            return false;
        }
        int n = undoGestures.pop();
        int undone = 0;
        while (undone < n && session.undo().isPresent()) {
            undone++;
        }
        redoGestures.push(undone);
        return true;
    }

    public boolean redo() {
        if (!canRedo()) {
            return false;
        }
        int n = redoGestures.pop();
        int redone = 0;
        while (redone < n && session.redo().isPresent()) {
            redone++;
        }
        undoGestures.push(redone);
        return true;
    }

    /**
     * Writes the corrected map and its provenance sidecar (what it was derived from, who edited it, every
     * operation) into folder as name.nii.gz and name.json; never overwrites.
     */
    public CorrectedMask save(Path source, String editor, Path folder, String name) throws IOException {
        return new CorrectedMaskWriter().write(session, source, editor, folder, name);
    }

    /** A drag keeps to the slice it began on: a 2D brush never jumps slices when the crosshair moves. */
    private VoxelIndex inGesturePlane(VoxelIndex v) {
        if (settings.tool() == EditTool.SPHERE) {
            return v;
        }
        int fixed = gesturePlane.fixedAxis();
        return v.with(fixed, gestureStart.get(fixed));
    }

    private boolean dab(VoxelIndex at) {
        lastDab = at;
        Region region = settings.tool() == EditTool.SPHERE ? new Region.Sphere(at, settings.radiusMm())
                : new Region.Disc(gesturePlane, at, settings.radiusMm());
        EditOperation op = settings.tool() == EditTool.ERASER
                ? (settings.eraseOnlyLabel() ? EditOperation.Erase.only(settings.label(), region) : EditOperation.Erase.all(region))
                : new EditOperation.Paint(settings.label(), region, limit());
        return apply(op);
    }

    private boolean apply(EditOperation op) {
        var stroke = session.apply(op);
        strokesInGesture++;
        return stroke.changedVoxelCount() > 0 || stroke.mark().isPresent();
    }

    private IntensityRange limit() {
        return settings.limited() && image != null ? new IntensityRange(image, settings.lo(), settings.hi()) : null;
    }

    private static Volume copyOf(Volume labels) {
        Volume copy = Volume.allocate(labels.grid(), labels.type());
        for (int z = 0; z < labels.grid().sizeZ(); z++) {
            Object from = labels.sliceArray(z);
            System.arraycopy(from, 0, copy.sliceArray(z), 0, java.lang.reflect.Array.getLength(from));
        }
        copy.setName(labels.name() + " (corrected)");
        copy.properties().putAll(labels.properties());
        return copy;
    }
}
