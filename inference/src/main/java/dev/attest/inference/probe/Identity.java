package dev.attest.inference.probe;

import dev.attest.core.geometry.ImageGrid;

/**
 * No change: a second run on the very input of the unperturbed run. Its stability must be exactly 1; anything
 * less shows that the inference itself is not deterministic, which would blur every other row of a probe.
 */
public record Identity() implements Perturbation {
    @Override
    public String kind() {
        return "identity";
    }

    @Override
    public String parameter() {
        return "";
    }

    @Override
    public double level() {
        return 0;
    }

    @Override
    public float[] apply(float[] values, ImageGrid grid) {
        return values.clone();
    }
}
