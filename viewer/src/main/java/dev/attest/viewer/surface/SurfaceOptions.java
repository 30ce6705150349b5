package dev.attest.viewer.surface;

/**
 * How label surfaces are post-processed after marching cubes.
 *
 * @param smoothing the Taubin smoother applied first (0 iterations for none)
 * @param decimation the decimator applied after smoothing (ratio 1 for none)
 */
public record SurfaceOptions(TaubinSmoother smoothing, QuadricDecimator decimation) {

    public SurfaceOptions {
        java.util.Objects.requireNonNull(smoothing, "smoothing");
        java.util.Objects.requireNonNull(decimation, "decimation");
    }

    /**
     * 20 Taubin iterations, then half the triangles: smooth enough to hide the voxel staircase,
     * which plain marching cubes shows at any voxel size, while keeping organs' shapes.
     */
    public static SurfaceOptions standard() {
        return new SurfaceOptions(TaubinSmoother.standard(20), new QuadricDecimator(0.5));
    }

    /** Marching cubes only: every voxel step is kept. */
    public static SurfaceOptions raw() {
        return new SurfaceOptions(TaubinSmoother.standard(0), new QuadricDecimator(1));
    }

    SurfaceMesh apply(SurfaceMesh mesh) {
        return decimation.decimate(smoothing.smooth(mesh));
    }
}
