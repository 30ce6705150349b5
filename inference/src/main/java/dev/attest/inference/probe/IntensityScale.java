package dev.attest.inference.probe;

import dev.attest.core.geometry.ImageGrid;

/**
 * Multiplies every physical value by factor (about 0, so in CT water stays 0 HU and air moves with the
 * factor): a calibration or contrast change between scanners.
 */
public record IntensityScale(double factor) implements Perturbation {
    public IntensityScale {
        if (!Double.isFinite(factor)) {
            throw new IllegalArgumentException("scale factor must be finite, got " + factor);
        }
    }

    @Override
    public String kind() {
        return "scale";
    }

    @Override
    public String parameter() {
        return "factor";
    }

    @Override
    public double level() {
        return factor;
    }

    @Override
    public float[] apply(float[] values, ImageGrid grid) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (factor * values[i]);
        }
        return out;
    }
}
