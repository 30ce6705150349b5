package dev.attest.viewer.surface;

import java.util.Objects;

/**
 * A closed triangle surface in patient LPS millimetres: vertices as x, y, z triples, triangles as
 * three vertex indices wound counter-clockwise seen from outside, and one unit normal per vertex.
 *
 * <p>The arrays are shared, not copied, because meshes of whole organs run to millions of values;
 * callers must not modify them.
 */
public record SurfaceMesh(float[] vertices, int[] triangles, float[] normals) {

    public SurfaceMesh {
        Objects.requireNonNull(vertices, "vertices");
        Objects.requireNonNull(triangles, "triangles");
        Objects.requireNonNull(normals, "normals");
        if (vertices.length % 3 != 0 || triangles.length % 3 != 0) {
            throw new IllegalArgumentException("vertices and triangles must come in triples, got "
                    + vertices.length + " and " + triangles.length + " values");
        }
        if (normals.length != vertices.length) {
            throw new IllegalArgumentException("need one normal per vertex: " + normals.length
                    + " normal values for " + vertices.length + " vertex values");
        }
        int n = vertices.length / 3;
        for (int i = 0; i < triangles.length; i++) {
            if (triangles[i] < 0 || triangles[i] >= n) {
                throw new IllegalArgumentException("triangle " + i / 3 + " refers to vertex " + triangles[i]
                        + " of " + n);
            }
        }
    }

    /** The mesh with no triangles, for a label that is absent. */
    public static SurfaceMesh empty() {
        return new SurfaceMesh(new float[0], new int[0], new float[0]);
    }

    /** Builds a mesh whose vertex normals are the area-weighted average of the adjacent triangles' normals. */
    public static SurfaceMesh withComputedNormals(float[] vertices, int[] triangles) {
        return new SurfaceMesh(vertices, triangles, vertexNormals(vertices, triangles));
    }

    public int vertexCount() {
        return vertices.length / 3;
    }

    public int triangleCount() {
        return triangles.length / 3;
    }

    public boolean isEmpty() {
        return triangles.length == 0;
    }

    /** Total area of the triangles in mm². */
    public double surfaceArea() {
        double area = 0;
        double[] n = new double[3];
        for (int t = 0; t < triangles.length; t += 3) {
            crossOfEdges(vertices, triangles[t], triangles[t + 1], triangles[t + 2], n);
            area += 0.5 * Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
        }
        return area;
    }

    /**
     * Signed volume enclosed by the surface in mm³, by the divergence theorem: the sum over
     * triangles of the tetrahedra they span with the origin. Positive when the triangles face
     * outwards; only meaningful for a closed mesh.
     */
    public double enclosedVolume() {
        // Relative to the first vertex rather than the LPS origin: the sum is the same for a
        // closed mesh, but the terms stay small, so float coordinates far from the origin do not
        // cancel catastrophically.
        if (triangles.length == 0) {
            return 0;
        }
        double ox = vertices[0];
        double oy = vertices[1];
        double oz = vertices[2];
        double six = 0;
        for (int t = 0; t < triangles.length; t += 3) {
            int a = 3 * triangles[t];
            int b = 3 * triangles[t + 1];
            int c = 3 * triangles[t + 2];
            double ax = vertices[a] - ox;
            double ay = vertices[a + 1] - oy;
            double az = vertices[a + 2] - oz;
            double bx = vertices[b] - ox;
            double by = vertices[b + 1] - oy;
            double bz = vertices[b + 2] - oz;
            double cx = vertices[c] - ox;
            double cy = vertices[c + 1] - oy;
            double cz = vertices[c + 2] - oz;
            six += ax * (by * cz - bz * cy) + ay * (bz * cx - bx * cz) + az * (bx * cy - by * cx);
        }
        return six / 6;
    }

    /** Returns {minX, minY, minZ, maxX, maxY, maxZ} of the vertices in LPS mm; all NaN for an empty mesh. */
    public double[] bounds() {
        double[] b = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        for (int v = 0; v < vertices.length; v += 3) {
            for (int axis = 0; axis < 3; axis++) {
                double value = vertices[v + axis];
                if (!(value >= b[axis])) {
                    b[axis] = value;
                }
                if (!(value <= b[axis + 3])) {
                    b[axis + 3] = value;
                }
            }
        }
        return b;
    }

    static float[] vertexNormals(float[] vertices, int[] triangles) {
        double[] sum = new double[vertices.length];
        double[] n = new double[3];
        for (int t = 0; t < triangles.length; t += 3) {
            // The cross product's length is twice the area, so adding it unnormalised weights by area.
            crossOfEdges(vertices, triangles[t], triangles[t + 1], triangles[t + 2], n);
            for (int corner = 0; corner < 3; corner++) {
                int v = 3 * triangles[t + corner];
                sum[v] += n[0];
                sum[v + 1] += n[1];
                sum[v + 2] += n[2];
            }
        }
        float[] normals = new float[vertices.length];
        for (int v = 0; v < vertices.length; v += 3) {
            double len = Math.sqrt(sum[v] * sum[v] + sum[v + 1] * sum[v + 1] + sum[v + 2] * sum[v + 2]);
            if (len > 0) {
                normals[v] = (float) (sum[v] / len);
                normals[v + 1] = (float) (sum[v + 1] / len);
                normals[v + 2] = (float) (sum[v + 2] / len);
            }
        }
        return normals;
    }

    /** Writes (b - a) × (c - a) for vertex indices a, b, c into out. */
    static void crossOfEdges(float[] vertices, int a, int b, int c, double[] out) {
        int ia = 3 * a;
        int ib = 3 * b;
        int ic = 3 * c;
        double ux = vertices[ib] - vertices[ia];
        double uy = vertices[ib + 1] - vertices[ia + 1];
        double uz = vertices[ib + 2] - vertices[ia + 2];
        double vx = vertices[ic] - vertices[ia];
        double vy = vertices[ic + 1] - vertices[ia + 1];
        double vz = vertices[ic + 2] - vertices[ia + 2];
        out[0] = uy * vz - uz * vy;
        out[1] = uz * vx - ux * vz;
        out[2] = ux * vy - uy * vx;
    }

    @Override
    public String toString() {
        return "SurfaceMesh[" + vertexCount() + " vertices, " + triangleCount() + " triangles]";
    }
}
