package dev.attest.viewer.fx;

import javafx.scene.canvas.GraphicsContext;

/**
 * Something drawn over a {@link SliceView}'s image (measurements, annotations), in order of
 * addition, on every repaint and in exports; it draws in screen coordinates through the transform
 * and scales its line widths and text by {@link ViewTransform#uiScale()}.
 */
@FunctionalInterface
public interface ViewLayer {

    void paint(GraphicsContext g, ViewTransform t);
}
