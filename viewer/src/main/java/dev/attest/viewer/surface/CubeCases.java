package dev.attest.viewer.surface;

import java.util.ArrayList;
import java.util.List;

/**
 * The marching-cubes case table, derived here from first principles instead of typed in: for
 * each of the 256 inside/outside patterns of a cube's corners, the surface crosses each face
 * along segments between the midpoints of the face's sign-changing edges; chaining the segments
 * gives closed loops, and each loop is fanned into triangles.
 *
 * <p>Corner c sits at (c & 1, c >> 1 & 1, c >> 2 & 1). Edges 0-3 run along x, 4-7 along y, 8-11
 * along z (see {@link #EDGE_CORNERS}). A face with two inside corners on one diagonal is
 * ambiguous; the table always cuts the inside corners apart there. Because that decision depends
 * only on the face, the two cubes sharing a face always agree, so the surface has no cracks.
 */
final class CubeCases {

    /** The two corners of each edge, lower corner first. */
    static final int[][] EDGE_CORNERS = {
        {0, 1}, {2, 3}, {4, 5}, {6, 7},
        {0, 2}, {1, 3}, {4, 6}, {5, 7},
        {0, 4}, {1, 5}, {2, 6}, {3, 7},
    };

    /**
     * The corners of each face in counter-clockwise order seen from outside the cube, so that
     * walking them gives the face's outward normal by the right-hand rule.
     */
    private static final int[][] FACES = {
        {0, 2, 3, 1}, // z = 0
        {4, 5, 7, 6}, // z = 1
        {0, 1, 5, 4}, // y = 0
        {2, 6, 7, 3}, // y = 1
        {0, 4, 6, 2}, // x = 0
        {1, 3, 7, 5}, // x = 1
    };

    /** For each case, edge triples of triangles wound counter-clockwise seen from outside the mask. */
    static final int[][] TRIANGLES = buildTable();

    private CubeCases() {
    }

    private static int[][] buildTable() {
        int[][] edgeOf = new int[8][8];
        for (int e = 0; e < 12; e++) {
            edgeOf[EDGE_CORNERS[e][0]][EDGE_CORNERS[e][1]] = e;
            edgeOf[EDGE_CORNERS[e][1]][EDGE_CORNERS[e][0]] = e;
        }
        int[][] table = new int[256][];
        for (int cube = 0; cube < 256; cube++) {
            table[cube] = triangulate(cube, edgeOf);
        }
        return table;
    }

    private static int[] triangulate(int cube, int[][] edgeOf) {
        // next[e] = the edge the surface's boundary goes to after edge e, or -1 where it does not cross.
        int[] next = new int[12];
        java.util.Arrays.fill(next, -1);
        for (int[] face : FACES) {
            addFaceSegments(cube, face, edgeOf, next);
        }
        List<Integer> triangles = new ArrayList<>();
        boolean[] used = new boolean[12];
        for (int start = 0; start < 12; start++) {
            if (next[start] < 0 || used[start]) {
                continue;
            }
            List<Integer> loop = new ArrayList<>();
            for (int e = start; !used[e]; e = next[e]) {
                used[e] = true;
                loop.add(e);
            }
            fan(loop, triangles);
        }
        return triangles.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Adds the segments where the surface crosses one face. Walking the face counter-clockwise
     * from outside, the surface enters the inside region at an outside→inside edge and leaves it
     * at an inside→outside edge; a segment runs from an entry to the exit that bounds the same
     * inside run, which keeps the inside on the same side of every segment, hence every loop
     * consistently oriented.
     */
    private static void addFaceSegments(int cube, int[] face, int[][] edgeOf, int[] next) {
        for (int p = 0; p < 4; p++) {
            int corner = face[p];
            int before = face[(p + 3) % 4];
            if (!inside(cube, corner) || inside(cube, before)) {
                continue;
            }
            // corner starts a run of inside corners; follow it to its last inside corner.
            int last = p;
            while (inside(cube, face[(last + 1) % 4])) {
                last = (last + 1) % 4;
            }
            int entry = edgeOf[before][corner];
            int exit = edgeOf[face[last]][face[(last + 1) % 4]];
            next[entry] = exit;
        }
    }

    /**
     * Fans a loop into triangles from an apex chosen so that no diagonal joins two points of the
     * same cube face: such a diagonal would lie in the face, where the neighbouring cube might draw
     * the same one, giving an edge with four triangles.
     */
    private static void fan(List<Integer> loop, List<Integer> triangles) {
        int n = loop.size();
        int apex = 0;
        for (int candidate = 0; candidate < n; candidate++) {
            boolean ok = true;
            for (int d = 2; d < n - 1 && ok; d++) {
                ok = !shareFace(loop.get(candidate), loop.get((candidate + d) % n));
            }
            if (ok) {
                apex = candidate;
                break;
            }
        }
        for (int d = 1; d < n - 1; d++) {
            triangles.add(loop.get(apex));
            triangles.add(loop.get((apex + d) % n));
            triangles.add(loop.get((apex + d + 1) % n));
        }
    }

    static boolean shareFace(int e1, int e2) {
        for (int[] face : FACES) {
            if (onFace(e1, face) && onFace(e2, face)) {
                return true;
            }
        }
        return false;
    }

    private static boolean onFace(int edge, int[] face) {
        int found = 0;
        for (int corner : face) {
            if (corner == EDGE_CORNERS[edge][0] || corner == EDGE_CORNERS[edge][1]) {
                found++;
            }
        }
        return found == 2;
    }

    private static boolean inside(int cube, int corner) {
        return (cube >> corner & 1) != 0;
    }
}
