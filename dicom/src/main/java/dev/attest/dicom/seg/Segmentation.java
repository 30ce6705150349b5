package dev.attest.dicom.seg;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.volume.Volume;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A DICOM Segmentation placed on a grid: its segments and the label volumes to draw. Segments
 * that never share a voxel go into one label volume (voxel value = segment number); overlapping
 * segments are spread over as few layers as a greedy packing finds, so that no voxel of a layer
 * needs two values. The viewer draws every layer.
 *
 * @param header          the segments and frames as the file describes them
 * @param grid            the grid every volume here lies on
 * @param layers          label volumes, UINT8 (UINT16 when a segment number exceeds 255), 0 = background
 * @param layerOfSegment  the layer index holding each segment number
 * @param voxelCounts     voxels in each segment (after thresholding a FRACTIONAL one at 0.5)
 * @param fractions       for FRACTIONAL segmentations read with fractions kept: per segment
 *                        number a FLOAT32 volume of stored value / Maximum Fractional Value; else empty
 */
public record Segmentation(SegmentationHeader header, ImageGrid grid, List<Volume> layers,
                           Map<Integer, Integer> layerOfSegment, Map<Integer, Long> voxelCounts,
                           Map<Integer, Volume> fractions) {

    public Segmentation {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(grid, "grid");
        layers = List.copyOf(layers);
        layerOfSegment = Map.copyOf(layerOfSegment);
        voxelCounts = Map.copyOf(voxelCounts);
        fractions = Map.copyOf(fractions);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a segmentation has at least one label layer");
        }
    }

    public List<Segment> segments() {
        return header.segments();
    }

    public int layerCount() {
        return layers.size();
    }

    /** The label volume holding segment {@code number}. */
    public Volume layerOf(int number) {
        Integer layer = layerOfSegment.get(number);
        if (layer == null) {
            throw new IllegalArgumentException(header.source() + " has no segment " + number);
        }
        return layers.get(layer);
    }
}
