package dev.attest.inference.probe;

import dev.attest.inference.run.Provenance;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every perturbation of one image: the unperturbed run's provenance and its labels' voxel counts (so a
 * reader can tell a Dice of a vanishing structure from one of a large organ), the evidence map used, and one
 * record per perturbation and level in the order asked.
 */
public record CaseProbe(Provenance baseline, Map<Integer, Long> baselineVoxels, String evidence,
                        double topPercent, long baselineMillis, List<ProbeRecord> records) {
    public CaseProbe {
        baselineVoxels = Collections.unmodifiableMap(new TreeMap<>(baselineVoxels));
        records = List.copyOf(records);
    }
}
