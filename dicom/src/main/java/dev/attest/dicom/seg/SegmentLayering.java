package dev.attest.dicom.seg;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Packs segments into label layers so that no two segments of a layer share a voxel: each
 * segment, in increasing number, goes into the first layer it does not overlap, else a new one.
 * Greedy colouring is not always minimal, but it is deterministic, and segmentations that
 * overlap at all rarely need more than two or three layers.
 */
final class SegmentLayering {
    private SegmentLayering() {
    }

    /**
     * @param numbers segment numbers, in the order to place them
     * @param masks   per segment number, its voxels as one bit set per slice index (absent slices are empty)
     * @return the segment numbers of each layer; at least one layer
     */
    static List<List<Integer>> pack(List<Integer> numbers, Map<Integer, Map<Integer, BitSet>> masks) {
        List<List<Integer>> layers = new ArrayList<>();
        List<Map<Integer, BitSet>> occupied = new ArrayList<>();
        for (int number : numbers) {
            Map<Integer, BitSet> mask = masks.getOrDefault(number, Map.of());
            int chosen = -1;
            for (int l = 0; l < layers.size() && chosen < 0; l++) {
                if (!overlaps(mask, occupied.get(l))) {
                    chosen = l;
                }
            }
            if (chosen < 0) {
                layers.add(new ArrayList<>());
                occupied.add(new java.util.HashMap<>());
                chosen = layers.size() - 1;
            }
            layers.get(chosen).add(number);
            Map<Integer, BitSet> taken = occupied.get(chosen);
            for (var slice : mask.entrySet()) {
                taken.computeIfAbsent(slice.getKey(), z -> new BitSet()).or(slice.getValue());
            }
        }
        if (layers.isEmpty()) {
            layers.add(new ArrayList<>());
        }
        return layers;
    }

    private static boolean overlaps(Map<Integer, BitSet> mask, Map<Integer, BitSet> taken) {
        for (var slice : mask.entrySet()) {
            BitSet other = taken.get(slice.getKey());
            if (other != null && other.intersects(slice.getValue())) {
                return true;
            }
        }
        return false;
    }
}
