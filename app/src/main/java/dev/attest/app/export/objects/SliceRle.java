package dev.attest.app.export.objects;

import dev.attest.annotation.metrics.localisation.VoxelBox;
import dev.attest.core.volume.Volume;

import java.util.ArrayList;
import java.util.List;

/**
 * One label on one slice as COCO's uncompressed run-length encoding: the image read column by column (COCO's
 * masks are Fortran-ordered, height × width), runs alternating background and label, starting with background
 * (a zero-length first run when the first pixel is labelled). Here the image's x (width) is the grid's first
 * index and y (height) its second.
 */
final class SliceRle {
    private SliceRle() {
    }

    /**
     * The counts.
     *
     * @param within the label's box on the slice: columns outside it are all background, so only it is read
     */
    static List<Long> counts(Volume labels, int label, int k, VoxelBox within) {
        int width = labels.grid().sizeX();
        int height = labels.grid().sizeY();
        List<Long> counts = new ArrayList<>();
        boolean inLabel = false;
        long run = 0;
        for (int x = 0; x < width; x++) {
            if (x < within.x0() || x >= within.x1()) {
                if (inLabel) {
                    counts.add(run);
                    run = 0;
                    inLabel = false;
                }
                run += height;
                continue;
            }
            for (int y = 0; y < height; y++) {
                boolean in = labels.getStored(x, y, k) == label;
                if (in != inLabel) {
                    counts.add(run);
                    run = 0;
                    inLabel = in;
                }
                run++;
            }
        }
        counts.add(run);
        return counts;
    }
}
