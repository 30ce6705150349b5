package dev.attest.viewer.surface;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Reduces a closed triangle mesh by quadric-error edge collapse (Garland and Heckbert 1997): each
 * vertex carries the sum of squared distances to the planes of its original triangles, and the
 * edge whose collapse adds the least such error is collapsed first, onto the point minimising it.
 *
 * <p>A collapse is refused when it would break the surface: when the two end vertices share
 * neighbours other than the two vertices opposite the edge (the link condition, without which the
 * mesh becomes non-manifold), when a surrounding triangle would flip or turn by more than about
 * 80° (orientation stays consistent and no fold-overs appear), or when fewer than five vertices
 * would remain. A closed, manifold, consistently oriented input therefore stays so.
 *
 * @param targetRatio the fraction of the triangles to keep, in (0, 1]; the result can keep more
 *     when no further collapse is allowed
 */
public record QuadricDecimator(double targetRatio) {

    /**
     * Weight (per mm⁴) of the squared edge length added to each collapse's cost. On flat parts of a
     * voxel surface every collapse costs nothing, and without a tie-break the queue keeps folding
     * edges into the same vertex, whose valence then grows into the thousands and makes every
     * later check on it slow; preferring short edges spreads the collapses evenly.
     */
    private static final double EDGE_LENGTH_WEIGHT = 1e-4;
    /** Largest number of triangles a vertex may end up with; beyond it collapses make slivers. */
    private static final int MAX_VALENCE = 24;
    /** Cosine of the largest turn a surrounding triangle's normal may make in one collapse. */
    private static final double MIN_NORMAL_COSINE = 0.2;

    public QuadricDecimator {
        if (!(targetRatio > 0 && targetRatio <= 1)) {
            throw new IllegalArgumentException("target ratio must be in (0, 1], got " + targetRatio);
        }
    }

    /** Returns the decimated mesh with recomputed normals; the input is not changed. */
    public SurfaceMesh decimate(SurfaceMesh mesh) {
        if (targetRatio >= 1 || mesh.isEmpty()) {
            return mesh;
        }
        return new Run(mesh).collapseTo((int) Math.ceil(targetRatio * mesh.triangleCount()));
    }

    /** A queued candidate; stale once either end vertex has changed since it was queued. */
    private record Candidate(double cost, int a, int b, int stampA, int stampB, double x, double y, double z)
            implements Comparable<Candidate> {
        @Override
        public int compareTo(Candidate o) {
            return Double.compare(cost, o.cost);
        }
    }

    /** The mutable state of one decimation. */
    private static final class Run {
        private final double[] position;
        private final int[] triangles;
        private final boolean[] triangleAlive;
        private final IntList[] incident;
        private final double[] quadric;
        private final int[] stamp;
        private final boolean[] vertexAlive;
        private final PriorityQueue<Candidate> queue = new PriorityQueue<>();
        private int liveTriangles;
        private int liveVertices;

        Run(SurfaceMesh mesh) {
            int n = mesh.vertexCount();
            float[] v = mesh.vertices();
            position = new double[3 * n];
            for (int i = 0; i < position.length; i++) {
                position[i] = v[i];
            }
            triangles = mesh.triangles().clone();
            int m = triangles.length / 3;
            triangleAlive = new boolean[m];
            Arrays.fill(triangleAlive, true);
            liveTriangles = m;
            incident = new IntList[n];
            vertexAlive = new boolean[n];
            stamp = new int[n];
            quadric = new double[10 * n];
            for (int t = 0; t < m; t++) {
                for (int c = 0; c < 3; c++) {
                    int vertex = triangles[3 * t + c];
                    if (incident[vertex] == null) {
                        incident[vertex] = new IntList(8);
                        vertexAlive[vertex] = true;
                        liveVertices++;
                    }
                    incident[vertex].add(t);
                }
                addPlaneQuadric(t);
            }
            for (int t = 0; t < m; t++) {
                for (int c = 0; c < 3; c++) {
                    int a = triangles[3 * t + c];
                    int b = triangles[3 * t + (c + 1) % 3];
                    // Each undirected edge is seen from its two triangles; queue it once.
                    if (a < b) {
                        enqueue(a, b);
                    }
                }
            }
        }

        SurfaceMesh collapseTo(int target) {
            while (liveTriangles > target && liveVertices > 4) {
                Candidate c = queue.poll();
                if (c == null) {
                    break;
                }
                if (!vertexAlive[c.a] || !vertexAlive[c.b] || stamp[c.a] != c.stampA || stamp[c.b] != c.stampB) {
                    continue;
                }
                if (liveVertices <= 5 || incident[c.a].size() + incident[c.b].size() - 4 > MAX_VALENCE
                        || !linkConditionHolds(c.a, c.b) || wouldFold(c.a, c.b, c.x, c.y, c.z)) {
                    continue;
                }
                collapse(c.a, c.b, c.x, c.y, c.z);
            }
            return compact();
        }

        /** Adds the area-weighted quadric of triangle t's plane to its three vertices. */
        private void addPlaneQuadric(int t) {
            double[] n = normal(triangles[3 * t], triangles[3 * t + 1], triangles[3 * t + 2]);
            double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
            if (len == 0) {
                return;
            }
            double a = n[0] / len;
            double b = n[1] / len;
            double c = n[2] / len;
            int p = 3 * triangles[3 * t];
            double d = -(a * position[p] + b * position[p + 1] + c * position[p + 2]);
            double w = len / 2;
            double[] q = {a * a, a * b, a * c, a * d, b * b, b * c, b * d, c * c, c * d, d * d};
            for (int corner = 0; corner < 3; corner++) {
                int base = 10 * triangles[3 * t + corner];
                for (int i = 0; i < 10; i++) {
                    quadric[base + i] += w * q[i];
                }
            }
        }

        private void enqueue(int a, int b) {
            double[] q = new double[10];
            for (int i = 0; i < 10; i++) {
                q[i] = quadric[10 * a + i] + quadric[10 * b + i];
            }
            double[] best = optimum(q, a, b);
            double dx = position[3 * a] - position[3 * b];
            double dy = position[3 * a + 1] - position[3 * b + 1];
            double dz = position[3 * a + 2] - position[3 * b + 2];
            double edge2 = dx * dx + dy * dy + dz * dz;
            double cost = error(q, best[0], best[1], best[2]) + EDGE_LENGTH_WEIGHT * edge2 * edge2;
            queue.add(new Candidate(cost, a, b, stamp[a], stamp[b],
                    best[0], best[1], best[2]));
        }

        /**
         * The point minimising the quadric, if the 3 × 3 system is well conditioned and its solution
         * stays near the edge; otherwise the best of the two ends and the midpoint, since flat
         * regions (common on voxel surfaces) leave the minimum undetermined.
         */
        private double[] optimum(double[] q, int a, int b) {
            int pa = 3 * a;
            int pb = 3 * b;
            double ax = position[pa];
            double ay = position[pa + 1];
            double az = position[pa + 2];
            double bx = position[pb];
            double by = position[pb + 1];
            double bz = position[pb + 2];
            double edge2 = (ax - bx) * (ax - bx) + (ay - by) * (ay - by) + (az - bz) * (az - bz);
            double det = q[0] * (q[4] * q[7] - q[5] * q[5]) - q[1] * (q[1] * q[7] - q[5] * q[2])
                    + q[2] * (q[1] * q[5] - q[4] * q[2]);
            double scale = Math.max(Math.abs(q[0]), Math.max(Math.abs(q[4]), Math.abs(q[7])));
            if (Math.abs(det) > 1e-6 * scale * scale * scale) {
                double r0 = -q[3];
                double r1 = -q[6];
                double r2 = -q[8];
                double x = (r0 * (q[4] * q[7] - q[5] * q[5]) - q[1] * (r1 * q[7] - q[5] * r2)
                        + q[2] * (r1 * q[5] - q[4] * r2)) / det;
                double y = (q[0] * (r1 * q[7] - r2 * q[5]) - r0 * (q[1] * q[7] - q[5] * q[2])
                        + q[2] * (q[1] * r2 - r1 * q[2])) / det;
                double z = (q[0] * (q[4] * r2 - q[5] * r1) - q[1] * (q[1] * r2 - r1 * q[2])
                        + r0 * (q[1] * q[5] - q[4] * q[2])) / det;
                double mx = (ax + bx) / 2 - x;
                double my = (ay + by) / 2 - y;
                double mz = (az + bz) / 2 - z;
                if (mx * mx + my * my + mz * mz <= edge2) {
                    return new double[] {x, y, z};
                }
            }
            double[][] options = {{ax, ay, az}, {bx, by, bz}, {(ax + bx) / 2, (ay + by) / 2, (az + bz) / 2}};
            double[] best = options[2];
            double bestError = error(q, best[0], best[1], best[2]);
            for (int i = 0; i < 2; i++) {
                double e = error(q, options[i][0], options[i][1], options[i][2]);
                if (e < bestError) {
                    bestError = e;
                    best = options[i];
                }
            }
            return best;
        }

        private static double error(double[] q, double x, double y, double z) {
            return q[0] * x * x + 2 * q[1] * x * y + 2 * q[2] * x * z + 2 * q[3] * x
                    + q[4] * y * y + 2 * q[5] * y * z + 2 * q[6] * y
                    + q[7] * z * z + 2 * q[8] * z + q[9];
        }

        /**
         * In a closed manifold, the edge (a, b) can be collapsed without pinching the surface only
         * if the vertices adjacent to both a and b are exactly the two opposite the edge.
         */
        private boolean linkConditionHolds(int a, int b) {
            IntList aTriangles = incident[a];
            int[] ringA = new int[aTriangles.size() * 2];
            int ringASize = 0;
            int opposite = 0;
            for (int i = 0; i < aTriangles.size(); i++) {
                int t = aTriangles.get(i);
                if (!triangleAlive[t]) {
                    continue;
                }
                boolean hasB = false;
                for (int c = 0; c < 3; c++) {
                    hasB |= triangles[3 * t + c] == b;
                }
                if (hasB) {
                    opposite++;
                }
                for (int c = 0; c < 3; c++) {
                    int v = triangles[3 * t + c];
                    if (v != a) {
                        ringA[ringASize++] = v;
                    }
                }
            }
            if (opposite != 2) {
                return false;
            }
            int shared = 0;
            int[] seen = new int[16];
            int seenSize = 0;
            IntList bTriangles = incident[b];
            for (int i = 0; i < bTriangles.size(); i++) {
                int t = bTriangles.get(i);
                if (!triangleAlive[t]) {
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    int v = triangles[3 * t + c];
                    if (v == a || v == b || contains(seen, seenSize, v)) {
                        continue;
                    }
                    if (contains(ringA, ringASize, v)) {
                        if (seenSize == seen.length) {
                            seen = Arrays.copyOf(seen, seen.length * 2);
                        }
                        seen[seenSize++] = v;
                        shared++;
                    }
                }
            }
            return shared == 2;
        }

        private static boolean contains(int[] values, int size, int v) {
            for (int i = 0; i < size; i++) {
                if (values[i] == v) {
                    return true;
                }
            }
            return false;
        }

        /** Tells whether moving a and b to (x, y, z) would flip, fold or flatten a triangle that survives. */
        private boolean wouldFold(int a, int b, double x, double y, double z) {
            return wouldFold(a, b, a, x, y, z) || wouldFold(a, b, b, x, y, z);
        }

        private boolean wouldFold(int a, int b, int moving, double x, double y, double z) {
            IntList list = incident[moving];
            for (int i = 0; i < list.size(); i++) {
                int t = list.get(i);
                if (!triangleAlive[t]) {
                    continue;
                }
                int v0 = triangles[3 * t];
                int v1 = triangles[3 * t + 1];
                int v2 = triangles[3 * t + 2];
                boolean hasA = v0 == a || v1 == a || v2 == a;
                boolean hasB = v0 == b || v1 == b || v2 == b;
                if (hasA && hasB) {
                    continue; // removed by the collapse
                }
                double[] before = normal(v0, v1, v2);
                double[] after = normalWithMoved(v0, v1, v2, moving, x, y, z);
                double lb = Math.sqrt(before[0] * before[0] + before[1] * before[1] + before[2] * before[2]);
                double la = Math.sqrt(after[0] * after[0] + after[1] * after[1] + after[2] * after[2]);
                if (la <= 1e-12 * Math.max(lb, 1e-30)) {
                    return true;
                }
                double dot = (before[0] * after[0] + before[1] * after[1] + before[2] * after[2]) / (la * lb);
                if (dot < MIN_NORMAL_COSINE) {
                    return true;
                }
            }
            return false;
        }

        /** Collapses b into a at (x, y, z): triangles with both die, b's others now use a. */
        private void collapse(int a, int b, double x, double y, double z) {
            IntList bTriangles = incident[b];
            for (int i = 0; i < bTriangles.size(); i++) {
                int t = bTriangles.get(i);
                if (!triangleAlive[t]) {
                    continue;
                }
                boolean hasA = triangles[3 * t] == a || triangles[3 * t + 1] == a || triangles[3 * t + 2] == a;
                if (hasA) {
                    triangleAlive[t] = false;
                    liveTriangles--;
                } else {
                    for (int c = 0; c < 3; c++) {
                        if (triangles[3 * t + c] == b) {
                            triangles[3 * t + c] = a;
                        }
                    }
                    incident[a].add(t);
                }
            }
            IntList merged = new IntList(incident[a].size());
            for (int i = 0; i < incident[a].size(); i++) {
                int t = incident[a].get(i);
                if (triangleAlive[t]) {
                    merged.add(t);
                }
            }
            incident[a] = merged;
            incident[b] = null;
            vertexAlive[b] = false;
            liveVertices--;
            position[3 * a] = x;
            position[3 * a + 1] = y;
            position[3 * a + 2] = z;
            for (int i = 0; i < 10; i++) {
                quadric[10 * a + i] += quadric[10 * b + i];
            }
            stamp[a]++;
            // Re-queue every edge at a with its new cost; older entries for them are now stale.
            for (int i = 0; i < merged.size(); i++) {
                int t = merged.get(i);
                for (int c = 0; c < 3; c++) {
                    int v = triangles[3 * t + c];
                    // Each neighbour appears in two of a's triangles; queue it from the one where it follows a.
                    if (v != a && triangles[3 * t + (c + 2) % 3] == a) {
                        enqueue(Math.min(a, v), Math.max(a, v));
                    }
                }
            }
        }

        private double[] normal(int v0, int v1, int v2) {
            return normalAt(position[3 * v0], position[3 * v0 + 1], position[3 * v0 + 2],
                    position[3 * v1], position[3 * v1 + 1], position[3 * v1 + 2],
                    position[3 * v2], position[3 * v2 + 1], position[3 * v2 + 2]);
        }

        private double[] normalWithMoved(int v0, int v1, int v2, int moving, double x, double y, double z) {
            double[] p = new double[9];
            int[] vs = {v0, v1, v2};
            for (int c = 0; c < 3; c++) {
                if (vs[c] == moving) {
                    p[3 * c] = x;
                    p[3 * c + 1] = y;
                    p[3 * c + 2] = z;
                } else {
                    System.arraycopy(position, 3 * vs[c], p, 3 * c, 3);
                }
            }
            return normalAt(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
        }

        private static double[] normalAt(double x0, double y0, double z0, double x1, double y1, double z1,
                                         double x2, double y2, double z2) {
            double ux = x1 - x0;
            double uy = y1 - y0;
            double uz = z1 - z0;
            double vx = x2 - x0;
            double vy = y2 - y0;
            double vz = z2 - z0;
            return new double[] {uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx};
        }

        private SurfaceMesh compact() {
            int n = vertexAlive.length;
            int[] newIndex = new int[n];
            Arrays.fill(newIndex, -1);
            int vertices = 0;
            int[] out = new int[3 * liveTriangles];
            int o = 0;
            for (int t = 0; t < triangleAlive.length; t++) {
                if (!triangleAlive[t]) {
                    continue;
                }
                for (int c = 0; c < 3; c++) {
                    int v = triangles[3 * t + c];
                    if (newIndex[v] < 0) {
                        newIndex[v] = vertices++;
                    }
                    out[o++] = newIndex[v];
                }
            }
            float[] xyz = new float[3 * vertices];
            for (int v = 0; v < n; v++) {
                if (newIndex[v] >= 0) {
                    for (int c = 0; c < 3; c++) {
                        xyz[3 * newIndex[v] + c] = (float) position[3 * v + c];
                    }
                }
            }
            return SurfaceMesh.withComputedNormals(xyz, out);
        }
    }
}
