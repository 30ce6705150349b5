package dev.attest.annotation.metrics.bootstrap;

/**
 * How to bootstrap: the number of resamples, the interval's coverage and the seed of the random draws, so
 * that the same data and options give the same interval on any machine.
 */
public record BootstrapOptions(int resamples, double level, long seed) {

    /** 2000 resamples, 95% intervals, a fixed seed. */
    public static final BootstrapOptions DEFAULT = new BootstrapOptions(2000, 0.95, 20240229L);

    public BootstrapOptions {
        if (resamples < 1) {
            throw new IllegalArgumentException("the bootstrap needs at least one resample, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the interval level must be in (0, 1), got " + level);
        }
    }
}
