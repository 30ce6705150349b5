package dev.attest.app.gui;

import dev.attest.app.edit.LabelEditor;
import dev.attest.viewer.fx.ViewTool;
import dev.attest.viewer.fx.ViewTransform;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/**
 * The label-editing tool of a slice view: a plain left press, drag and release go to the {@link LabelEditor}
 * in patient coordinates with the view's plane; right drag (window/level), Shift or middle drag (pan) and the
 * wheel keep their meaning, so a reader can adjust the image while editing.
 */
final class LabelEditTool implements ViewTool {
    private final LabelEditor editor;
    /** Told with true while a gesture goes on (repaint the slices) and false when it ends (also 3D, undo state). */
    private final java.util.function.Consumer<Boolean> changed;
    private boolean dragging;

    LabelEditTool(LabelEditor editor, java.util.function.Consumer<Boolean> changed) {
        this.editor = editor;
        this.changed = changed;
    }

    @Override
    public boolean mousePressed(MouseEvent e, ViewTransform t) {
        if (e.getButton() != MouseButton.PRIMARY || e.isShiftDown()) {
            return false;
        }
        dragging = true;
        if (editor.press(t.screenToLps(e.getX(), e.getY()), t.plane().normal())) {
            changed.accept(true);
        }
        return true;
    }

    @Override
    public boolean mouseDragged(MouseEvent e, ViewTransform t) {
        if (!dragging || !e.isPrimaryButtonDown()) {
            return false;
        }
        if (editor.drag(t.screenToLps(e.getX(), e.getY()))) {
            changed.accept(true);
        }
        return true;
    }

    @Override
    public boolean mouseReleased(MouseEvent e, ViewTransform t) {
        if (!dragging || e.getButton() != MouseButton.PRIMARY) {
            return false;
        }
        dragging = false;
        editor.release(t.screenToLps(e.getX(), e.getY()));
        changed.accept(false);
        return true;
    }

    @Override
    public void detached(dev.attest.viewer.fx.SliceView view) {
        dragging = false;
    }
}
