package dev.attest.inference.evidence;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The method and parameters behind an evidence map, kept with the map as its provenance. Spatial
 * parameters are in voxels, ordered (z, y, x); they are null for gradient methods.
 *
 * @param region      "argmax" when the region was the network's own label, "mask" when the caller gave one
 * @param patchSize   occlusion patch size (z, y, x)
 * @param stride      occlusion stride (z, y, x)
 * @param fillValue   the value written into occluded voxels (all channels)
 * @param batchSize   occluded copies per predictor call
 */
public record EvidenceMethod(EvidenceKind kind, int targetClass, String region, int[] patchSize, int[] stride,
                             float fillValue, int batchSize) {

    public EvidenceMethod {
        patchSize = patchSize == null ? null : patchSize.clone();
        stride = stride == null ? null : stride.clone();
    }

    public static EvidenceMethod gradient(boolean timesInput, TargetRegion region) {
        return new EvidenceMethod(timesInput ? EvidenceKind.GRADIENT_TIMES_INPUT : EvidenceKind.INPUT_GRADIENT,
                region.targetClass(), regionName(region), null, null, 0, 1);
    }

    public static EvidenceMethod occlusion(TargetRegion region, OcclusionSettings s) {
        return new EvidenceMethod(EvidenceKind.OCCLUSION, region.targetClass(), regionName(region),
                s.patchSize(), s.stride(), s.fillValue(), s.batchSize());
    }

    private static String regionName(TargetRegion region) {
        return region.usesArgmax() ? "argmax" : "mask";
    }

    @Override
    public int[] patchSize() {
        return patchSize == null ? null : patchSize.clone();
    }

    @Override
    public int[] stride() {
        return stride == null ? null : stride.clone();
    }

    /** The parameters as plain key/value pairs, in a stable order, for provenance records and JSON. */
    public Map<String, Object> parameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", kind.name());
        m.put("targetClass", targetClass);
        m.put("region", region);
        if (kind == EvidenceKind.OCCLUSION) {
            m.put("patchSizeZyx", Arrays.stream(patchSize).boxed().toList());
            m.put("strideZyx", Arrays.stream(stride).boxed().toList());
            m.put("fillValue", fillValue);
            m.put("batchSize", batchSize);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvidenceMethod e && kind == e.kind && targetClass == e.targetClass
                && region.equals(e.region) && Arrays.equals(patchSize, e.patchSize) && Arrays.equals(stride, e.stride)
                && Float.compare(fillValue, e.fillValue) == 0 && batchSize == e.batchSize;
    }

    @Override
    public int hashCode() {
        return 31 * parameters().hashCode();
    }

    @Override
    public String toString() {
        return "EvidenceMethod" + parameters();
    }
}
