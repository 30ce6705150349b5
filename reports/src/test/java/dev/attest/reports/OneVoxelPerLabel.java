package dev.attest.reports;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.labels.LabelDescription;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.reports.anatomy.AnatomyMap;
import dev.attest.reports.lexicon.ModelVocabulary;

/**
 * A label map holding every label of a table once, in a row of 2 mm voxels with a background voxel between
 * neighbours: enough for tests about which labels words select, where positions do not matter.
 */
public final class OneVoxelPerLabel {
    private OneVoxelPerLabel() {
    }

    public static AnatomyMap map(ModelVocabulary vocabulary) {
        LabelDescriptions labels = vocabulary.labels();
        int n = labels.all().size();
        ImageGrid grid = new ImageGrid(2 * n + 1, 1, 1, Affine.diagonal(2, 2, 2));
        Volume volume = Volume.allocate(grid, VoxelType.INT32);
        int x = 1;
        for (LabelDescription d : labels.all()) {
            volume.setStored(x, 0, 0, d.value());
            x += 2;
        }
        volume.setName("one voxel per label");
        return AnatomyMap.of(volume, vocabulary);
    }
}
