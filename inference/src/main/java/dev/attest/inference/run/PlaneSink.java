package dev.attest.inference.run;

/** Receives each finished z plane of a sliding-window pass, in increasing z, exactly once. */
@FunctionalInterface
public interface PlaneSink {

    /**
     * Plane z (unpadded network grid) is final: values[c] holds channel c's blended value for the
     * plane's sizeY × sizeX voxels (x fastest). The arrays are reused after the call returns.
     */
    void plane(int z, float[][] values);
}
