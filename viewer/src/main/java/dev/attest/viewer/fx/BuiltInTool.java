package dev.attest.viewer.fx;

import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * The tools every view has, for the toolbar: what a plain left drag does. Right drag (window/level),
 * middle or Shift+left drag (pan) and the wheel keep their meaning whichever is chosen.
 */
public enum BuiltInTool {
    /** Left click or drag moves the shared crosshair to the point under the mouse. */
    NAVIGATE,
    /** Left drag changes window/level as right drag does: right widens, down raises the level. */
    WINDOW_LEVEL,
    /** Left drag moves the image with the mouse. */
    PAN,
    /** Left drag up zooms in, down zooms out, about the point where the drag began. */
    ZOOM;

    /** Screen pixels of vertical drag that zoom by a factor of e. */
    static final double ZOOM_DRAG_PIXELS = 100;

    /** Creates this tool for one view (tools keep per-view drag state). */
    public ViewTool create(SliceView view) {
        return new Tool(this, view);
    }

    /** One instance per view: remembers where the last drag event was. */
    private static final class Tool implements ViewTool {
        private final BuiltInTool kind;
        private final SliceView view;
        private double lastX;
        private double lastY;
        private double anchorX;
        private double anchorY;
        private boolean dragging;

        Tool(BuiltInTool kind, SliceView view) {
            this.kind = kind;
            this.view = view;
        }

        /** Plain left button only: Shift+left is the default pan and stays so. */
        private static boolean plainLeft(MouseEvent e) {
            return e.getButton() == MouseButton.PRIMARY && !e.isShiftDown();
        }

        @Override
        public boolean mousePressed(MouseEvent e, ViewTransform t) {
            if (!plainLeft(e)) {
                return false;
            }
            lastX = anchorX = e.getX();
            lastY = anchorY = e.getY();
            dragging = true;
            if (kind == NAVIGATE) {
                view.moveCrosshairTo(t.screenToLps(e.getX(), e.getY()));
            }
            return true;
        }

        @Override
        public boolean mouseDragged(MouseEvent e, ViewTransform t) {
            if (!dragging || !e.isPrimaryButtonDown()) {
                return false;
            }
            double dx = e.getX() - lastX;
            double dy = e.getY() - lastY;
            lastX = e.getX();
            lastY = e.getY();
            switch (kind) {
                case NAVIGATE -> view.moveCrosshairTo(t.screenToLps(e.getX(), e.getY()));
                case WINDOW_LEVEL -> view.adjustWindow(dx, dy);
                case PAN -> view.panBy(dx, dy);
                case ZOOM -> view.zoomBy(Math.exp(-dy / ZOOM_DRAG_PIXELS), anchorX, anchorY);
            }
            return true;
        }

        @Override
        public boolean mouseReleased(MouseEvent e, ViewTransform t) {
            if (!dragging || e.getButton() != MouseButton.PRIMARY) {
                return false;
            }
            dragging = false;
            return true;
        }

        @Override
        public void detached(SliceView view) {
            dragging = false;
        }
    }
}
