package dev.attest.reports.anatomy;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.reports.lexicon.ConceptKind;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Finds the structure a lesion lies in: the most frequent anatomy label in the shell of voxels touching
 * the lesion (26-neighbourhood); if the shell holds no anatomy, the next shell out, up to
 * {@value #SEARCH_MM} mm; lesion voxels never count and the body outline only when nothing else is near.
 * Ties go to the smaller label value, so the answer does not depend on iteration order.
 */
final class ContainerFinder {
    /** How far out a lesion with no touching organ looks for its nearest one. */
    static final double SEARCH_MM = 10;

    private ContainerFinder() {
    }

    static int containerOf(int[] component, int[] map, ImageGrid grid, IntFunction<ConceptKind> kind) {
        int sx = grid.sizeX();
        int sy = grid.sizeY();
        int sz = grid.sizeZ();
        double minSpacing = Math.min(grid.spacing().x(), Math.min(grid.spacing().y(), grid.spacing().z()));
        int rings = Math.max(1, (int) Math.ceil(SEARCH_MM / minSpacing));
        Set<Integer> seen = new HashSet<>();
        for (int i : component) {
            seen.add(i);
        }
        int[] frontier = component;
        int body = 0;
        for (int ring = 1; ring <= rings && frontier.length > 0; ring++) {
            Map<Integer, Integer> counts = new TreeMap<>();
            java.util.List<Integer> next = new java.util.ArrayList<>();
            for (int i : frontier) {
                int x = i % sx;
                int y = (i / sx) % sy;
                int z = i / (sx * sy);
                for (int dz = -1; dz <= 1; dz++) {
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = x + dx;
                            int ny = y + dy;
                            int nz = z + dz;
                            if (nx < 0 || ny < 0 || nz < 0 || nx >= sx || ny >= sy || nz >= sz) {
                                continue;
                            }
                            int n = nx + sx * (ny + sy * nz);
                            if (!seen.add(n)) {
                                continue;
                            }
                            next.add(n);
                            int label = map[n];
                            if (label == 0) {
                                continue;
                            }
                            ConceptKind k = kind.apply(label);
                            if (k == ConceptKind.ANATOMY) {
                                counts.merge(label, 1, Integer::sum);
                            } else if (k == ConceptKind.BODY && body == 0) {
                                body = label;
                            }
                        }
                    }
                }
            }
            if (!counts.isEmpty()) {
                int best = 0;
                int bestCount = -1;
                for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
                    if (e.getValue() > bestCount) {
                        best = e.getKey();
                        bestCount = e.getValue();
                    }
                }
                return best;
            }
            frontier = next.stream().mapToInt(Integer::intValue).toArray();
        }
        return body;
    }
}
