package dev.attest.app.export.objects;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.core.volume.Volume;

/**
 * Boxes and masks computed the slow, obvious way, voxel by voxel, to check the exported ones against: nothing here
 * shares code with the writer.
 */
final class Brute {
    private Brute() {
    }

    /** {min, max} voxel corners (both included) of a label, or null when absent. */
    static int[][] box3d(Volume v, int label) {
        int[] min = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE};
        int[] max = {-1, -1, -1};
        var g = v.grid();
        for (int k = 0; k < g.sizeZ(); k++) {
            for (int j = 0; j < g.sizeY(); j++) {
                for (int i = 0; i < g.sizeX(); i++) {
                    if (v.getStored(i, j, k) == label) {
                        int[] p = {i, j, k};
                        for (int a = 0; a < 3; a++) {
                            min[a] = Math.min(min[a], p[a]);
                            max[a] = Math.max(max[a], p[a]);
                        }
                    }
                }
            }
        }
        return max[0] < 0 ? null : new int[][] {min, max};
    }

    /** COCO's {x, y, width, height, area} of a label on slice k, or null when absent there. */
    static long[] sliceBox(Volume v, int label, int k) {
        long minI = Long.MAX_VALUE;
        long minJ = Long.MAX_VALUE;
        long maxI = -1;
        long maxJ = -1;
        long count = 0;
        var g = v.grid();
        for (int j = 0; j < g.sizeY(); j++) {
            for (int i = 0; i < g.sizeX(); i++) {
                if (v.getStored(i, j, k) == label) {
                    minI = Math.min(minI, i);
                    maxI = Math.max(maxI, i);
                    minJ = Math.min(minJ, j);
                    maxJ = Math.max(maxJ, j);
                    count++;
                }
            }
        }
        return count == 0 ? null : new long[] {minI, minJ, maxI - minI + 1, maxJ - minJ + 1, count};
    }

    /** Decodes COCO's uncompressed RLE ({"size":[h,w],"counts":[...]}) into mask[y][x]. */
    static boolean[][] decode(JsonNode rle) {
        int h = rle.get("size").get(0).asInt();
        int w = rle.get("size").get(1).asInt();
        boolean[][] mask = new boolean[h][w];
        long at = 0;
        boolean on = false;
        for (JsonNode c : rle.get("counts")) {
            for (long n = 0; n < c.asLong(); n++, at++) {
                if (on) {
                    mask[(int) (at % h)][(int) (at / h)] = true;
                }
            }
            on = !on;
        }
        if (at != (long) h * w) {
            throw new AssertionError("RLE counts sum to " + at + ", not " + h + " x " + w);
        }
        return mask;
    }
}
