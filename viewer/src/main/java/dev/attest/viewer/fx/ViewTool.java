package dev.attest.viewer.fx;

import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * What the mouse and keys do in a {@link SliceView} (navigate, window/level, pan, zoom, measure).
 * The view offers each event to its tool first, with the transform of what is on screen; a method
 * returns true when it consumed the event, and only then does the view skip its default meaning
 * (wheel scrolls, Ctrl+wheel zooms, right-drag sets window/level, middle or Shift+left drag pans,
 * arrow and page keys scroll).
 */
public interface ViewTool {

    default boolean mousePressed(MouseEvent e, ViewTransform t) {
        return false;
    }

    default boolean mouseDragged(MouseEvent e, ViewTransform t) {
        return false;
    }

    default boolean mouseReleased(MouseEvent e, ViewTransform t) {
        return false;
    }

    default boolean mouseMoved(MouseEvent e, ViewTransform t) {
        return false;
    }

    default boolean mouseClicked(MouseEvent e, ViewTransform t) {
        return false;
    }

    default boolean scrolled(ScrollEvent e, ViewTransform t) {
        return false;
    }

    default boolean keyPressed(KeyEvent e, ViewTransform t) {
        return false;
    }

    /** Called when the tool is set on a view, so it can keep the view to repaint or change it. */
    default void attached(SliceView view) {
    }

    /** Called when another tool replaces this one, so it can drop half-finished work. */
    default void detached(SliceView view) {
    }
}
