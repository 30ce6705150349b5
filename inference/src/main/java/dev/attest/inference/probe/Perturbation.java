package dev.attest.inference.probe;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.volume.Volume;

import java.util.Map;

/**
 * One deterministic change to an image at one level, applied to its physical values on its own grid: the
 * result always has the source's grid and voxel count, so the model's outputs on it can be compared voxel by
 * voxel with the unperturbed outputs. Random perturbations draw from a seeded generator, so the same seed gives
 * the same image on any machine. Exact definitions: docs/robustness.md.
 */
public sealed interface Perturbation permits Identity, GaussianNoise, IntensityScale, IntensityShift, GaussianBlur,
        Downsample, Rotation, MissingSlices {

    /** The kind as written on the command line: identity, noise, scale, shift, blur, downsample, rotate, missing. */
    String kind();

    /** The name of the level's parameter (snr, factor, offset, sigma, deg, every); empty for identity. */
    String parameter();

    /** The level: the parameter's value. */
    double level();

    /** The seed of the random draws, or null when the perturbation draws nothing. */
    default Long seed() {
        return null;
    }

    /** Settings besides the level (an axis, a fill), for the record; empty when there are none. */
    default Map<String, String> options() {
        return Map.of();
    }

    /**
     * The perturbed values of an image on grid (flat, x fastest, see {@link FloatVoxels}); values is not
     * changed.
     */
    float[] apply(float[] values, ImageGrid grid);

    /**
     * A perturbed run's label map (flat, on grid) brought back to the frame of the unperturbed image, so that
     * the two runs are compared on the same anatomy; the labels themselves unless the perturbation moves the
     * anatomy (only {@link Rotation} does).
     */
    default int[] restoreLabels(int[] labels, ImageGrid grid) {
        return labels;
    }

    /** As {@link #restoreLabels} for a float map such as the evidence. */
    default float[] restoreMap(float[] map, ImageGrid grid) {
        return map;
    }

    /** The perturbed copy of volume as FLOAT32 physical values on the same grid. */
    default Volume apply(Volume volume) {
        float[] out = apply(FloatVoxels.physical(volume), volume.grid());
        return FloatVoxels.volume(out, volume.grid(), volume.name() + " [" + label() + "]");
    }

    /** "noise snr=20", "identity": how tables and plots name it. */
    default String label() {
        return parameter().isEmpty() ? kind() : kind() + " " + parameter() + "=" + LevelFormat.format(level());
    }
}
