package dev.attest.inference.meshnet;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.inference.conform.BrainConform;
import dev.attest.inference.conform.ConformedVolume;
import dev.attest.inference.engine.FloatTensor;
import dev.attest.inference.manifest.Normalisation;

import java.util.Arrays;

/**
 * brainchop's whole path for one T1: conform, scale, run the MeshNet, and map the labels back onto the
 * source grid (nearest neighbour), so the result overlays the image the user opened.
 */
public final class BrainchopSegmenter {

    /** The label map on the source grid, and the network's raw output on the conformed grid. */
    public record Result(Volume labels, ConformedVolume conformed, MeshNetSegmentation raw) {
    }

    private BrainchopSegmenter() {
    }

    public static Result segment(MeshNet net, Volume source, Normalisation scaling, int evidenceClass,
                                 ProgressListener progress, Cancellation cancellation) {
        ConformedVolume conformed = BrainConform.conform(source);
        FloatTensor input = BrainchopScaling.tensor(conformed.volume(), scaling);
        MeshNetSegmentation raw = net.segment(input, evidenceClass, progress, cancellation);
        ImageGrid grid = conformed.volume().grid();
        int plane = raw.sizeX() * raw.sizeY();
        Object[] slices = new Object[raw.sizeZ()];
        for (int z = 0; z < slices.length; z++) {
            slices[z] = Arrays.copyOfRange(raw.labels(), z * plane, (z + 1) * plane);
        }
        Volume onConformed = Volume.wrap(grid, VoxelType.UINT8, slices);
        onConformed.setName(net.name());
        return new Result(BrainConform.labelsToSource(onConformed, conformed.source()), conformed, raw);
    }
}
