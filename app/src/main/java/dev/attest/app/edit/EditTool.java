package dev.attest.app.edit;

/** What a left drag does while editing labels. */
public enum EditTool {
    /** Paints a disc of the chosen radius in the view's plane at each mouse position. */
    BRUSH,
    /** Paints a sphere of the chosen radius: the 3D brush. */
    SPHERE,
    /** Clears a disc to background (every label, or only the chosen one). */
    ERASER,
    /** Fills the 4-connected region of the clicked voxel's label in the view's plane. */
    FLOOD_FILL,
    /** Records the box dragged out in the view's plane as the true box of the chosen label. */
    BOX,
    /** Records the clicked point as the true point of the chosen label. */
    POINT;

    /** The name on buttons: "flood fill", "sphere". */
    public String words() {
        return switch (this) {
            case SPHERE -> "3D brush";
            case FLOOD_FILL -> "fill";
            default -> name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
