package dev.attest.viewer.surface;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.volume.Volume;
import java.util.Arrays;

/**
 * Discrete marching cubes: the surface of one label's voxels, with a vertex at the midpoint of
 * every grid edge between a label voxel and any other voxel, closed where the label touches the
 * edge of the volume.
 *
 * <p>The surface is built in index space and its vertices are then mapped through the grid's
 * index→LPS affine, so sheared and oblique grids come out in true patient geometry. Vertices are
 * shared between the triangles that meet at them (one per crossing grid edge), which makes the
 * mesh watertight. Thread-safe: every call works on its own data.
 */
public final class MarchingCubes {

    private MarchingCubes() {
    }

    /** Extracts the surface of the voxels whose stored value is label, in LPS mm. */
    public static SurfaceMesh extract(Volume labels, int label) {
        LabelIndex index = LabelIndex.scan(labels);
        if (!index.extents().containsKey(label)) {
            return SurfaceMesh.empty();
        }
        return extract(index.mask(label), labels.grid(), new Cancellation());
    }

    /** Extracts the surface of a mask cut out of a label map on grid. */
    static SurfaceMesh extract(LabelMask mask, ImageGrid grid, Cancellation cancellation) {
        IndexSurface surface = extractIndexSpace(mask, cancellation);
        return toPatient(surface, mask, grid.indexToLps());
    }

    /** Vertices in the mask's own index space (doubled, so every midpoint is an integer) and triangles. */
    record IndexSurface(int[] doubledVertices, int[] triangles) {
    }

    static IndexSurface extractIndexSpace(LabelMask mask, Cancellation cancellation) {
        int nx = mask.sizeX();
        int ny = mask.sizeY();
        int nz = mask.sizeZ();
        byte[] in = mask.inside();
        int layer = nx * ny;
        // Vertex ids of the crossing edges: along x and y within layers k and k + 1, and along z
        // between them. Two layers at a time keep the memory proportional to one slice.
        int[] xLow = new int[layer];
        int[] yLow = new int[layer];
        int[] xHigh = new int[layer];
        int[] yHigh = new int[layer];
        int[] zEdge = new int[layer];
        Arrays.fill(xLow, -1);
        Arrays.fill(yLow, -1);
        IntList vertices = new IntList(1024);
        IntList triangles = new IntList(2048);
        int[] edgeVertex = new int[12];
        for (int k = 0; k + 1 < nz; k++) {
            cancellation.throwIfCancelled();
            Arrays.fill(xHigh, -1);
            Arrays.fill(yHigh, -1);
            Arrays.fill(zEdge, -1);
            int low = k * layer;
            int high = low + layer;
            for (int j = 0; j + 1 < ny; j++) {
                for (int i = 0; i + 1 < nx; i++) {
                    int p = j * nx + i;
                    int cube = in[low + p]
                            | in[low + p + 1] << 1
                            | in[low + p + nx] << 2
                            | in[low + p + nx + 1] << 3
                            | in[high + p] << 4
                            | in[high + p + 1] << 5
                            | in[high + p + nx] << 6
                            | in[high + p + nx + 1] << 7;
                    if (cube == 0 || cube == 255) {
                        continue;
                    }
                    int[] table = CubeCases.TRIANGLES[cube];
                    for (int t = 0; t < table.length; t++) {
                        int e = table[t];
                        triangles.add(vertexOn(e, i, j, k, p, nx, xLow, yLow, xHigh, yHigh, zEdge, vertices));
                    }
                }
            }
            int[] swap = xLow;
            xLow = xHigh;
            xHigh = swap;
            swap = yLow;
            yLow = yHigh;
            yHigh = swap;
        }
        return new IndexSurface(vertices.toArray(), triangles.toArray());
    }

    /** Returns the id of the vertex on edge e of cube (i, j, k), creating it the first time. */
    private static int vertexOn(int e, int i, int j, int k, int p, int nx, int[] xLow, int[] yLow, int[] xHigh,
                                int[] yHigh, int[] zEdge, IntList vertices) {
        int[] ids;
        int at;
        switch (e) {
            case 0 -> { ids = xLow; at = p; }
            case 1 -> { ids = xLow; at = p + nx; }
            case 2 -> { ids = xHigh; at = p; }
            case 3 -> { ids = xHigh; at = p + nx; }
            case 4 -> { ids = yLow; at = p; }
            case 5 -> { ids = yLow; at = p + 1; }
            case 6 -> { ids = yHigh; at = p; }
            case 7 -> { ids = yHigh; at = p + 1; }
            case 8 -> { ids = zEdge; at = p; }
            case 9 -> { ids = zEdge; at = p + 1; }
            case 10 -> { ids = zEdge; at = p + nx; }
            default -> { ids = zEdge; at = p + nx + 1; }
        }
        int id = ids[at];
        if (id < 0) {
            int[] a = CubeCases.EDGE_CORNERS[e];
            int c0 = a[0];
            int c1 = a[1];
            // Doubled coordinates: the midpoint of corners c0 and c1 of cube (i, j, k).
            id = vertices.size() / 3;
            vertices.add(2 * i + (c0 & 1) + (c1 & 1));
            vertices.add(2 * j + (c0 >> 1 & 1) + (c1 >> 1 & 1));
            vertices.add(2 * k + (c0 >> 2 & 1) + (c1 >> 2 & 1));
            ids[at] = id;
        }
        return id;
    }

    /**
     * Maps index-space vertices to LPS. An affine with negative determinant mirrors space, which
     * would turn every triangle inside out, so the winding is reversed to keep the triangles
     * counter-clockwise seen from outside.
     */
    static SurfaceMesh toPatient(IndexSurface surface, LabelMask mask, Affine indexToLps) {
        int[] d = surface.doubledVertices();
        float[] lps = new float[d.length];
        double[] m = new double[12];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                m[4 * r + c] = indexToLps.get(r, c);
            }
        }
        for (int v = 0; v < d.length; v += 3) {
            double i = d[v] * 0.5 + mask.originI();
            double j = d[v + 1] * 0.5 + mask.originJ();
            double k = d[v + 2] * 0.5 + mask.originK();
            lps[v] = (float) (m[0] * i + m[1] * j + m[2] * k + m[3]);
            lps[v + 1] = (float) (m[4] * i + m[5] * j + m[6] * k + m[7]);
            lps[v + 2] = (float) (m[8] * i + m[9] * j + m[10] * k + m[11]);
        }
        int[] triangles = surface.triangles();
        if (indexToLps.determinant() < 0) {
            triangles = triangles.clone();
            for (int t = 0; t < triangles.length; t += 3) {
                int swap = triangles[t + 1];
                triangles[t + 1] = triangles[t + 2];
                triangles[t + 2] = swap;
            }
        }
        return SurfaceMesh.withComputedNormals(lps, triangles);
    }
}
