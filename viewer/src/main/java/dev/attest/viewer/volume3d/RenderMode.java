package dev.attest.viewer.volume3d;

/** How samples along a ray combine into a pixel. */
public enum RenderMode {
    /** Maximum intensity projection: the largest value along the ray, shown through a window. */
    MIP("MIP"),
    /** Minimum intensity projection: the smallest value along the ray (airways, ducts). */
    MIN_IP("MinIP"),
    /** Front-to-back alpha compositing through a transfer function, with gradient shading. */
    COMPOSITE("Composite");

    private final String label;

    RenderMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
