package dev.attest.inference.probe;

import dev.attest.core.geometry.ImageGrid;

import java.util.Random;

/**
 * Adds independent Gaussian noise to every voxel at a signal-to-noise ratio: σ = S / snr, where the signal S
 * is the contrast between foreground and background, S = mean(v > μ) − mean(v ≤ μ) with μ the mean of the
 * whole image. For an image with a zero background (MR, PET) S is the mean foreground signal; for CT it is the
 * body's distance from air (about 1000 HU), which is what a reader sees the noise against.
 *
 * <p>The draws are java.util.Random(seed).nextGaussian() in voxel order (x fastest), an algorithm the JDK
 * specifies, so a seed gives the same noise on any JVM; and every level of one seed adds the same standard
 * normal field scaled by its σ, so levels differ in amplitude alone and not in which voxels happened to be hit.
 */
public record GaussianNoise(double snr, Long seed) implements Perturbation {
    public GaussianNoise {
        java.util.Objects.requireNonNull(seed, "noise needs a seed");
        if (!(snr > 0) || Double.isInfinite(snr)) {
            throw new IllegalArgumentException("noise SNR must be positive and finite, got " + snr);
        }
    }

    @Override
    public String kind() {
        return "noise";
    }

    @Override
    public String parameter() {
        return "snr";
    }

    @Override
    public double level() {
        return snr;
    }

    @Override
    public float[] apply(float[] values, ImageGrid grid) {
        double sigma = sigma(values);
        Random random = new Random(seed);
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (values[i] + sigma * random.nextGaussian());
        }
        return out;
    }

    /** The noise standard deviation this level adds to values: signal(values) / snr. */
    public double sigma(float[] values) {
        return signal(values) / snr;
    }

    /**
     * S = mean of the values above the image mean minus mean of the others.
     *
     * @throws IllegalArgumentException for a constant image, which has no signal to set the noise against
     */
    public static double signal(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        double fg = 0;
        double bg = 0;
        long nFg = 0;
        for (float v : values) {
            if (v > mean) {
                fg += v;
                nFg++;
            } else {
                bg += v;
            }
        }
        long nBg = values.length - nFg;
        if (nFg == 0 || nBg == 0) {
            throw new IllegalArgumentException("the image is constant, so it has no signal to set an SNR against");
        }
        return fg / nFg - bg / nBg;
    }
}
