package dev.attest.viewer.fx;

import dev.attest.core.geometry.Vec3;
import dev.attest.viewer.measure.DrawnMeasurement;
import dev.attest.viewer.measure.MeasurementHitTest;
import dev.attest.viewer.measure.MeasurementKind;
import dev.attest.viewer.measure.MeasurementList;
import dev.attest.viewer.mpr.ViewPlane;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The left-button tool that draws and edits measurements in one view. Distance and ellipse:
 * press, drag, release (corner to corner for the ellipse). Angle: three clicks, the vertex second.
 * Polygon: a click per vertex, closed by a double click, Enter or a click on the first vertex.
 * Escape cancels what is being drawn (or clears the selection). In any mode, pressing on a handle
 * drags that control point, pressing on a measurement selects it and drags it whole, and Delete or
 * Backspace removes the selected one. With no kind ({@link #editing}) it only selects and edits.
 * One instance per view; other buttons, Shift+drag and the wheel keep the view's defaults.
 */
public final class MeasurementTool implements ViewTool {

    /** How near (screen pixels) the mouse must be to a control point to grab it. */
    public static final double HANDLE_TOLERANCE_PX = 6;
    /** How near (screen pixels) the mouse must be to a line to pick its measurement. */
    public static final double LINE_TOLERANCE_PX = 4;
    /** A press-drag-release shorter than this (screen pixels) draws nothing: it was a click. */
    static final double MIN_DRAG_PX = 3;

    private enum Mode { IDLE, DRAWING, HANDLE, MOVE }

    private final MeasurementKind kind;
    private final MeasurementLayer layer;
    private final SliceView view;
    private Mode mode = Mode.IDLE;
    private final List<Vec3> points = new ArrayList<>();
    private Vec3 floating;
    private ViewPlane plane;
    private double pressX;
    private double pressY;
    private DrawnMeasurement edited;
    private int handle;
    private Vec3 lastLps;

    /**
     * @param kind what a press on empty image draws, or null to only select and edit
     */
    public MeasurementTool(MeasurementKind kind, MeasurementLayer layer, SliceView view) {
        this.kind = kind;
        this.layer = Objects.requireNonNull(layer, "layer");
        this.view = Objects.requireNonNull(view, "view");
    }

    /** A tool that selects, moves, reshapes and deletes measurements but draws none. */
    public static MeasurementTool editing(MeasurementLayer layer, SliceView view) {
        return new MeasurementTool(null, layer, view);
    }

    /** What this tool draws; null when it only edits. */
    public MeasurementKind kind() {
        return kind;
    }

    private MeasurementList list() {
        return layer.list();
    }

    private static boolean plainLeft(MouseEvent e) {
        return e.getButton() == MouseButton.PRIMARY && !e.isShiftDown();
    }

    private boolean clickDrawn() {
        return kind == MeasurementKind.ANGLE || kind == MeasurementKind.POLYGON;
    }

    @Override
    public boolean mousePressed(MouseEvent e, ViewTransform t) {
        if (!plainLeft(e)) {
            return false;
        }
        Vec3 at = t.screenToLps(e.getX(), e.getY());
        if (mode == Mode.DRAWING && clickDrawn()) {
            clickVertex(e, t, at);
            return true;
        }
        List<DrawnMeasurement> visible = layer.visibleOn(t);
        Optional<MeasurementHitTest.HandleHit> hit = MeasurementHitTest.nearestHandle(
                visible, e.getX(), e.getY(), t::lpsToScreen, HANDLE_TOLERANCE_PX * t.uiScale());
        if (hit.isPresent()) {
            edited = hit.get().measurement();
            handle = hit.get().handle();
            list().select(edited.id());
            mode = Mode.HANDLE;
            return true;
        }
        Optional<DrawnMeasurement> under = MeasurementHitTest.under(
                visible, e.getX(), e.getY(), t::lpsToScreen, LINE_TOLERANCE_PX * t.uiScale());
        if (under.isPresent()) {
            edited = under.get();
            list().select(edited.id());
            lastLps = at;
            mode = Mode.MOVE;
            return true;
        }
        list().select(null);
        if (kind == null) {
            return false;
        }
        mode = Mode.DRAWING;
        plane = t.plane();
        points.clear();
        points.add(at);
        pressX = e.getX();
        pressY = e.getY();
        floating = clickDrawn() ? at : null;
        if (!clickDrawn()) {
            points.add(at);
        }
        showSketch();
        return true;
    }

    private void clickVertex(MouseEvent e, ViewTransform t, Vec3 at) {
        if (kind == MeasurementKind.POLYGON && points.size() >= 3) {
            double[] first = t.lpsToScreen(points.get(0));
            boolean onFirst = Math.hypot(first[0] - e.getX(), first[1] - e.getY()) <= HANDLE_TOLERANCE_PX * t.uiScale();
            if (e.getClickCount() >= 2 || onFirst) {
                finish();
                return;
            }
        }
        if (e.getClickCount() >= 2) {
            return;     // the second press of a double click lands on the vertex just placed
        }
        points.add(at);
        floating = at;
        if (kind == MeasurementKind.ANGLE && points.size() == 3) {
            finish();
        } else {
            showSketch();
        }
    }

    @Override
    public boolean mouseDragged(MouseEvent e, ViewTransform t) {
        if (mode == Mode.IDLE || !e.isPrimaryButtonDown()) {
            return false;
        }
        Vec3 at = t.screenToLps(e.getX(), e.getY());
        switch (mode) {
            case DRAWING -> {
                if (clickDrawn()) {
                    floating = at;
                } else {
                    points.set(1, at);
                }
                showSketch();
            }
            case HANDLE -> replace(current().withPoint(handle, at));
            case MOVE -> {
                replace(current().translated(at.sub(lastLps)));
                lastLps = at;
            }
            case IDLE -> { }
        }
        return true;
    }

    /** The edited measurement as the list has it now (a table edit may have relabelled it meanwhile). */
    private DrawnMeasurement current() {
        return list().get(edited.id()).orElse(edited);
    }

    private void replace(DrawnMeasurement m) {
        list().replace(m);
    }

    @Override
    public boolean mouseReleased(MouseEvent e, ViewTransform t) {
        if (e.getButton() != MouseButton.PRIMARY || mode == Mode.IDLE) {
            return false;
        }
        if (mode == Mode.DRAWING) {
            if (!clickDrawn()) {
                if (Math.hypot(e.getX() - pressX, e.getY() - pressY) < MIN_DRAG_PX) {
                    cancel();
                } else {
                    points.set(1, t.screenToLps(e.getX(), e.getY()));
                    finish();
                }
            }
            return true;
        }
        mode = Mode.IDLE;
        edited = null;
        return true;
    }

    @Override
    public boolean mouseMoved(MouseEvent e, ViewTransform t) {
        if (mode == Mode.DRAWING && clickDrawn()) {
            floating = t.screenToLps(e.getX(), e.getY());
            showSketch();
        }
        return false;
    }

    @Override
    public boolean mouseClicked(MouseEvent e, ViewTransform t) {
        return plainLeft(e) && (mode != Mode.IDLE || kind != null);
    }

    @Override
    public boolean keyPressed(KeyEvent e, ViewTransform t) {
        KeyCode code = e.getCode();
        if (code == KeyCode.ESCAPE) {
            if (mode == Mode.DRAWING) {
                cancel();
            } else if (list().selectedId().isPresent()) {
                list().select(null);
            } else {
                return false;
            }
            e.consume();
            return true;
        }
        if (code == KeyCode.ENTER && mode == Mode.DRAWING && kind == MeasurementKind.POLYGON && points.size() >= 3) {
            finish();
            e.consume();
            return true;
        }
        if ((code == KeyCode.DELETE || code == KeyCode.BACK_SPACE) && mode == Mode.IDLE) {
            var selected = list().selectedId();
            if (selected.isPresent()) {
                list().remove(selected.getAsLong());
                e.consume();
                return true;
            }
        }
        return false;
    }

    /** Scrolling leaves the slice being drawn on, so a half-drawn measurement is dropped; the view still scrolls. */
    @Override
    public boolean scrolled(ScrollEvent e, ViewTransform t) {
        if (mode == Mode.DRAWING) {
            cancel();
        }
        return false;
    }

    @Override
    public void detached(SliceView from) {
        cancel();
    }

    /** Adds what was drawn when it makes a measurement (an ellipse needs width and height), and selects it. */
    private void finish() {
        MeasurementLayer.Sketch s = new MeasurementLayer.Sketch(kind, List.copyOf(points), plane);
        DrawnMeasurement valid = MeasurementLayer.asMeasurement(s);
        reset();
        if (valid != null) {
            DrawnMeasurement added = list().add(kind, valid.points(), plane, "");
            list().select(added.id());
        }
    }

    private void cancel() {
        if (mode == Mode.DRAWING) {
            reset();
        }
        mode = Mode.IDLE;
    }

    private void reset() {
        mode = Mode.IDLE;
        points.clear();
        floating = null;
        layer.setSketch(null);
    }

    private void showSketch() {
        List<Vec3> shown = new ArrayList<>(points);
        if (floating != null && clickDrawn()) {
            shown.add(floating);
        }
        layer.setSketch(new MeasurementLayer.Sketch(kind, shown, plane));
    }
}
