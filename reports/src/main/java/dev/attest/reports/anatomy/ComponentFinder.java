package dev.attest.reports.anatomy;

import dev.attest.core.geometry.ImageGrid;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/** Splits the voxels of one label into connected components by breadth-first search. */
final class ComponentFinder {
    private ComponentFinder() {
    }

    /**
     * The components of the voxels of {@code label} (whose ascending indices are {@code voxels}), each as
     * ascending indices, largest first; equal sizes keep the order of their first voxel.
     */
    static List<int[]> components(int[] map, ImageGrid grid, int label, int[] voxels, Connectivity connectivity) {
        int sx = grid.sizeX();
        int sy = grid.sizeY();
        int sz = grid.sizeZ();
        int[][] offsets = connectivity.offsets();
        BitSet seen = new BitSet();
        int[] queue = new int[voxels.length];
        List<int[]> out = new ArrayList<>();
        for (int start : voxels) {
            if (seen.get(start)) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            seen.set(start);
            while (head < tail) {
                int i = queue[head++];
                int x = i % sx;
                int y = (i / sx) % sy;
                int z = i / (sx * sy);
                for (int[] d : offsets) {
                    int nx = x + d[0];
                    int ny = y + d[1];
                    int nz = z + d[2];
                    if (nx < 0 || ny < 0 || nz < 0 || nx >= sx || ny >= sy || nz >= sz) {
                        continue;
                    }
                    int n = nx + sx * (ny + sy * nz);
                    if (map[n] == label && !seen.get(n)) {
                        seen.set(n);
                        queue[tail++] = n;
                    }
                }
            }
            int[] component = java.util.Arrays.copyOf(queue, tail);
            java.util.Arrays.sort(component);
            out.add(component);
        }
        // Stable sort: components were found in order of their first voxel.
        out.sort(Comparator.comparingInt((int[] c) -> -c.length));
        return out;
    }
}
