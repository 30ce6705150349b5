package dev.attest.annotation.metrics.groundtruth;

import dev.attest.annotation.metrics.segmentation.LabelReader;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import java.util.List;

/**
 * Which voxels of a label map a comparison measures: those holding any of the labels, or, for a region mask
 * (a phrase's side or part of an organ stored as its own 0/1 map), every non-zero voxel. A report sentence
 * about several organs shows the union of their labels, which is what its mask evidence's {@code labels} lists.
 *
 * @param labels the label values, the first being the one written where a union is compared (empty when a
 *     box-to-box comparison knows none)
 * @param region true for a region mask: any non-zero voxel
 */
public record MaskSelection(List<Integer> labels, boolean region) {
    public MaskSelection {
        labels = List.copyOf(labels);
    }

    /** One label. */
    static MaskSelection of(int label) {
        return new MaskSelection(List.of(label), false);
    }

    boolean selects(int value) {
        return region ? value != 0 : labels.contains(value);
    }

    /** The value that stands for the selection once it is written as a single label. */
    int value() {
        return labels.isEmpty() ? 1 : labels.get(0);
    }

    /**
     * The volume and label value to compare: labels itself when the selection is one of its labels, else a copy
     * holding {@link #value()} on the selected voxels (a union of labels, or a region), so the label metrics
     * see one label either way.
     */
    Volume asSingleLabel(Volume labelMap) {
        if (!region && labels.size() == 1) {
            return labelMap;
        }
        ImageGrid g = labelMap.grid();
        LabelReader reader = new LabelReader(labelMap, String.valueOf(labelMap.properties().get("source.file")));
        Volume out = Volume.allocate(g, value() > 255 ? VoxelType.UINT16 : VoxelType.UINT8);
        out.properties().putAll(labelMap.properties());
        int[] row = new int[g.sizeX()];
        int v = value();
        for (int z = 0; z < g.sizeZ(); z++) {
            for (int y = 0; y < g.sizeY(); y++) {
                reader.readRow(y, z, row);
                for (int x = 0; x < g.sizeX(); x++) {
                    if (selects(row[x])) {
                        out.setStored(x, y, z, v);
                    }
                }
            }
        }
        return out;
    }
}
