package dev.attest.inference.probe;

import dev.attest.inference.run.Provenance;

import java.util.List;

/**
 * Every perturbation of one image: the unperturbed run's provenance and its labels' voxel counts (so a
 * reader can tell a Dice of a vanishing structure from one of a large organ), the evidence map used, and one
 * record per perturbation and level in the order asked.
 */
public record CaseProbe(Provenance baseline, java.util.Map<Integer, Long> baselineVoxels, String evidence,
                        double topPercent, long baselineMillis, List<ProbeRecord> records) {
    public CaseProbe {
        baselineVoxels = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(baselineVoxels));
        records = List.copyOf(records);
    }
}
