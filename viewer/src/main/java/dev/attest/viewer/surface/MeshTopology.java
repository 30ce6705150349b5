package dev.attest.viewer.surface;

import java.util.HashMap;
import java.util.Map;

/**
 * Topological facts about a triangle mesh: whether every edge is shared by exactly two triangles
 * that traverse it in opposite directions (closed, manifold and consistently oriented), and its
 * Euler characteristic.
 *
 * @param edges distinct undirected edges
 * @param boundaryEdges edges used by one triangle only (holes)
 * @param nonManifoldEdges edges used by three or more triangles
 * @param misorientedEdges edges used twice in the same direction (neighbours wound oppositely)
 * @param usedVertices vertices referenced by at least one triangle
 */
public record MeshTopology(long edges, long boundaryEdges, long nonManifoldEdges, long misorientedEdges,
                           int usedVertices, int triangles) {

    /** Counts the edges of the mesh's triangles. */
    public static MeshTopology of(SurfaceMesh mesh) {
        int[] t = mesh.triangles();
        int n = mesh.vertexCount();
        // Key: undirected edge (low, high); value: uses in direction low→high, then high→low, packed.
        Map<Long, int[]> uses = new HashMap<>(t.length * 2);
        boolean[] used = new boolean[n];
        for (int f = 0; f < t.length; f += 3) {
            for (int c = 0; c < 3; c++) {
                int a = t[f + c];
                int b = t[f + (c + 1) % 3];
                used[a] = true;
                long key = a < b ? (long) a * n + b : (long) b * n + a;
                int[] count = uses.computeIfAbsent(key, k -> new int[2]);
                count[a < b ? 0 : 1]++;
            }
        }
        long boundary = 0;
        long nonManifold = 0;
        long misoriented = 0;
        for (int[] count : uses.values()) {
            int total = count[0] + count[1];
            if (total == 1) {
                boundary++;
            } else if (total > 2) {
                nonManifold++;
            } else if (count[0] != 1) {
                misoriented++;
            }
        }
        int usedVertices = 0;
        for (boolean u : used) {
            usedVertices += u ? 1 : 0;
        }
        return new MeshTopology(uses.size(), boundary, nonManifold, misoriented, usedVertices, t.length / 3);
    }

    /** Tells whether every edge has exactly two triangles, traversing it in opposite directions. */
    public boolean isClosedOrientedManifold() {
        return boundaryEdges == 0 && nonManifoldEdges == 0 && misorientedEdges == 0;
    }

    /** V − E + F over the vertices in use; 2 for a surface with the topology of a sphere. */
    public long eulerCharacteristic() {
        return usedVertices - edges + triangles;
    }
}
