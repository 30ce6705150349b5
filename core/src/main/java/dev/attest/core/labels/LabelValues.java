package dev.attest.core.labels;

import dev.attest.core.volume.Volume;

import java.util.List;
import java.util.TreeSet;

/** Which labels a label map actually holds: what legends list and what surfaces are built for. */
public final class LabelValues {
    private LabelValues() {
    }

    /** The non-zero values (rounded, after any rescale) that occur in the volume, ascending. Reads every voxel once. */
    public static List<Integer> present(Volume labels) {
        TreeSet<Integer> present = new TreeSet<>();
        var g = labels.grid();
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                for (int x = 0; x < g.sizeX(); x++) {
                    int label = (int) Math.round(labels.getPhysical(x, y, z));
                    if (label != 0) {
                        present.add(label);
                    }
                }
            }
        }
        return List.copyOf(present);
    }
}
