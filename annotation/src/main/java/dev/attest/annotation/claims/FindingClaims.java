package dev.attest.annotation.claims;

import dev.attest.annotation.edit.GridMismatchException;
import dev.attest.annotation.edit.IndexBox;
import dev.attest.annotation.edit.VoxelIndex;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.labels.LabelDescription;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.volume.Volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Turns a segmentation (label map + the image it was made from) into one finding claim per label present. */
public final class FindingClaims {
    /** Voxel centres of the two grids may differ by this much from rounding in file headers. */
    private static final double GRID_TOLERANCE_MM = 1e-3;

    private FindingClaims() {
    }

    /** As {@link #fromSegmentation(Volume, Volume, LabelDescriptions, String, String)} for a CT, in HU. */
    public static List<FindingClaim> fromSegmentation(Volume labels, Volume image, LabelDescriptions names, String modelRunRef) {
        return fromSegmentation(labels, image, names, modelRunRef, "HU");
    }

    /**
     * Measures every non-zero label of labels (values rounded after rescale) over image's physical
     * values in one pass, ascending by label; a label without a name is called "label N".
     *
     * @param unit the unit of image's values for the text ("" for none)
     * @throws GridMismatchException if the two volumes do not share one grid
     */
    public static List<FindingClaim> fromSegmentation(Volume labels, Volume image, LabelDescriptions names,
                                                      String modelRunRef, String unit) {
        Objects.requireNonNull(names, "names");
        ImageGrid grid = labels.grid();
        if (!grid.sameGeometry(image.grid(), GRID_TOLERANCE_MM)) {
            throw new GridMismatchException(describe(labels), grid, describe(image), image.grid());
        }
        Map<Integer, Accumulator> byLabel = new TreeMap<>();
        for (int z = 0; z < grid.sizeZ(); z++) {
            for (int y = 0; y < grid.sizeY(); y++) {
                Accumulator last = null;
                int lastLabel = 0;
                for (int x = 0; x < grid.sizeX(); x++) {
                    int label = (int) Math.round(labels.getPhysical(x, y, z));
                    if (label == 0) {
                        continue;
                    }
                    if (last == null || label != lastLabel) {
                        last = byLabel.computeIfAbsent(label, l -> new Accumulator());
                        lastLabel = label;
                    }
                    last.add(x, y, z, image.getPhysical(x, y, z));
                }
            }
        }
        double voxelMl = Math.abs(grid.indexToLps().determinant()) / 1000;
        String labelMap = describe(labels);
        List<FindingClaim> claims = new ArrayList<>();
        byLabel.forEach((label, a) -> {
            String name = names.get(label).map(LabelDescription::name).orElse("label " + label);
            double ml = a.count * voxelMl;
            double sd = Math.sqrt(a.m2 / a.count);
            claims.add(new FindingClaim(FindingText.of(name, ml, a.mean, unit), label, name, a.count, ml, a.mean, sd,
                    unit, new IndexBox(new VoxelIndex(a.minX, a.minY, a.minZ), new VoxelIndex(a.maxX, a.maxY, a.maxZ)),
                    grid.indexToLps().apply((double) a.sumX / a.count, (double) a.sumY / a.count, (double) a.sumZ / a.count),
                    new ClaimEvidence.Mask(labelMap, label), modelRunRef));
        });
        return claims;
    }

    private static String describe(Volume v) {
        String source = v.properties().get("source.file");
        return source != null ? source : v.name();
    }

    /** Running count, Welford mean and squared deviations, index sums and bounds of one label. */
    private static final class Accumulator {
        long count;
        double mean;
        double m2;
        long sumX;
        long sumY;
        long sumZ;
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int minZ = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        int maxZ = -1;

        void add(int x, int y, int z, double value) {
            count++;
            double delta = value - mean;
            mean += delta / count;
            m2 += delta * (value - mean);
            sumX += x;
            sumY += y;
            sumZ += z;
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            minZ = Math.min(minZ, z);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
            maxZ = Math.max(maxZ, z);
        }
    }
}
