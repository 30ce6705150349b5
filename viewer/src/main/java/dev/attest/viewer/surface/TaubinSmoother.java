package dev.attest.viewer.surface;

/**
 * Taubin's λ|μ smoothing: each iteration moves every vertex a fraction λ towards the average of
 * its neighbours, then a fraction μ (negative, slightly larger in magnitude) back. The pair acts as
 * a low-pass filter, removing the voxel staircase while, unlike plain Laplacian smoothing, barely
 * shrinking the surface. The connectivity is unchanged, so a closed mesh stays closed.
 *
 * @param iterations number of λ, μ step pairs; 0 leaves the mesh as it is
 * @param lambda the shrinking step, in (0, 1)
 * @param mu the inflating step, negative with |μ| > λ
 */
public record TaubinSmoother(int iterations, double lambda, double mu) {

    /**
     * λ = 0.5, μ = −0.53: a pass-band of k_PB = 1/λ + 1/μ ≈ 0.11, Taubin's suggested range, which
     * keeps shapes a few voxels across while smoothing away single-voxel steps.
     */
    public static TaubinSmoother standard(int iterations) {
        return new TaubinSmoother(iterations, 0.5, -0.53);
    }

    public TaubinSmoother {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be at least 0, got " + iterations);
        }
        if (!(lambda > 0 && lambda < 1) || !(mu < -lambda)) {
            throw new IllegalArgumentException("need 0 < λ < 1 and μ < −λ, got λ = " + lambda + ", μ = " + mu);
        }
    }

    /** Returns a smoothed copy of mesh with recomputed normals; the input is not changed. */
    public SurfaceMesh smooth(SurfaceMesh mesh) {
        if (iterations == 0 || mesh.isEmpty()) {
            return mesh;
        }
        int n = mesh.vertexCount();
        VertexNeighbours adjacency = VertexNeighbours.of(n, mesh.triangles());
        double[] position = new double[3 * n];
        float[] source = mesh.vertices();
        for (int i = 0; i < position.length; i++) {
            position[i] = source[i];
        }
        double[] scratch = new double[3 * n];
        for (int it = 0; it < iterations; it++) {
            step(position, scratch, adjacency, lambda);
            step(position, scratch, adjacency, mu);
        }
        float[] out = new float[3 * n];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) position[i];
        }
        return SurfaceMesh.withComputedNormals(out, mesh.triangles());
    }

    /** One Jacobi step p ← p + factor · (mean of neighbours − p), via scratch so the order of vertices does not matter. */
    private static void step(double[] position, double[] scratch, VertexNeighbours adjacency, double factor) {
        int n = position.length / 3;
        for (int v = 0; v < n; v++) {
            int start = adjacency.offsets[v];
            int end = adjacency.offsets[v + 1];
            if (end == start) {
                System.arraycopy(position, 3 * v, scratch, 3 * v, 3);
                continue;
            }
            double sx = 0;
            double sy = 0;
            double sz = 0;
            for (int i = start; i < end; i++) {
                int w = 3 * adjacency.neighbours[i];
                sx += position[w];
                sy += position[w + 1];
                sz += position[w + 2];
            }
            double inv = 1.0 / (end - start);
            int p = 3 * v;
            scratch[p] = position[p] + factor * (sx * inv - position[p]);
            scratch[p + 1] = position[p + 1] + factor * (sy * inv - position[p + 1]);
            scratch[p + 2] = position[p + 2] + factor * (sz * inv - position[p + 2]);
        }
        System.arraycopy(scratch, 0, position, 0, position.length);
    }
}
