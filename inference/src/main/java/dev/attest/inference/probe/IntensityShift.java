package dev.attest.inference.probe;

import dev.attest.core.geometry.ImageGrid;

/** Adds offset (in the image's physical unit, HU for CT) to every value: a calibration offset between scanners. */
public record IntensityShift(double offset) implements Perturbation {
    public IntensityShift {
        if (!Double.isFinite(offset)) {
            throw new IllegalArgumentException("shift offset must be finite, got " + offset);
        }
    }

    @Override
    public String kind() {
        return "shift";
    }

    @Override
    public String parameter() {
        return "offset";
    }

    @Override
    public double level() {
        return offset;
    }

    @Override
    public float[] apply(float[] values, ImageGrid grid) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (values[i] + offset);
        }
        return out;
    }
}
