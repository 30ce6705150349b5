package dev.attest.inference.run;

import java.util.Arrays;

/**
 * Keeps, for each non-zero label, only its largest connected component and sets the rest to 0
 * (MONAI's KeepLargestConnectedComponent with independent labels). Components of equal size are
 * decided by raster order (z slowest): the one whose first voxel comes first wins. Uses one int per
 * voxel for component ids plus a work queue.
 */
public final class LargestComponentFilter {

    private LargestComponentFilter() {
    }

    /** Filters labels (flat, x fastest) in place on a sizeX × sizeY × sizeZ grid. */
    public static void apply(short[] labels, int sizeX, int sizeY, int sizeZ, Connectivity connectivity) {
        int n = labels.length;
        int[] component = new int[n];
        Arrays.fill(component, -1);
        int[] queue = new int[Math.min(n, 1 << 16)];
        int maxLabel = 0;
        for (short l : labels) {
            maxLabel = Math.max(maxLabel, l);
        }
        long[] bestSize = new long[maxLabel + 1];
        int[] bestId = new int[maxLabel + 1];
        Arrays.fill(bestId, -1);
        int[][] offsets = neighbours(connectivity);
        int next = 0;
        for (int seed = 0; seed < n; seed++) {
            short l = labels[seed];
            if (l == 0 || component[seed] >= 0) {
                continue;
            }
            int id = next++;
            long size = 0;
            int head = 0;
            int tail = 0;
            queue[tail++] = seed;
            component[seed] = id;
            while (head != tail) {
                int v = queue[head];
                head = (head + 1) % queue.length;
                size++;
                int x = v % sizeX;
                int y = (v / sizeX) % sizeY;
                int z = v / (sizeX * sizeY);
                for (int[] o : offsets) {
                    int nx = x + o[0];
                    int ny = y + o[1];
                    int nz = z + o[2];
                    if (nx < 0 || ny < 0 || nz < 0 || nx >= sizeX || ny >= sizeY || nz >= sizeZ) {
                        continue;
                    }
                    int w = (nz * sizeY + ny) * sizeX + nx;
                    if (labels[w] == l && component[w] < 0) {
                        component[w] = id;
                        if ((tail + 1) % queue.length == head) {
                            queue = grow(queue, head, tail);
                            tail = queue.length / 2 - 1;
                            head = 0;
                        }
                        queue[tail] = w;
                        tail = (tail + 1) % queue.length;
                    }
                }
            }
            if (size > bestSize[l]) {
                bestSize[l] = size;
                bestId[l] = id;
            }
        }
        for (int i = 0; i < n; i++) {
            short l = labels[i];
            if (l != 0 && component[i] != bestId[l]) {
                labels[i] = 0;
            }
        }
    }

    /** Doubles a full ring buffer, unrolling it so the queued items start at 0. */
    private static int[] grow(int[] q, int head, int tail) {
        int[] bigger = new int[q.length * 2];
        int count = 0;
        for (int i = head; i != tail; i = (i + 1) % q.length) {
            bigger[count++] = q[i];
        }
        return bigger;
    }

    private static int[][] neighbours(Connectivity c) {
        java.util.List<int[]> list = new java.util.ArrayList<>();
        for (int dz = -1; dz <= 1; dz++) {
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int manhattan = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
                    if (manhattan == 0 || (c == Connectivity.FACES_6 && manhattan > 1)) {
                        continue;
                    }
                    list.add(new int[] {dx, dy, dz});
                }
            }
        }
        return list.toArray(new int[0][]);
    }
}
