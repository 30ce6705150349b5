package dev.attest.viewer.volume3d;

/**
 * One rendered frame: ARGB pixels (row-major, width × height), and per pixel the projected
 * physical value (MIP/MinIP; NaN where the ray misses) and the depth of the first visible sample
 * (composite; millimetres along the view direction from the plane through the volume's centre,
 * NaN where nothing is visible). pixelMm is the pixel size in the patient; reduction is 1 for a
 * full-resolution frame and e.g. 4 for an interaction frame covering the same field of view.
 */
public record Rendering(int width, int height, double pixelMm, int reduction, OrbitCamera camera, RenderSettings settings,
        int[] argb, float[] values, float[] depthMm) {

    public int argb(int u, int v) {
        return argb[v * width + u];
    }

    public float value(int u, int v) {
        return values[v * width + u];
    }

    public float depth(int u, int v) {
        return depthMm[v * width + u];
    }
}
