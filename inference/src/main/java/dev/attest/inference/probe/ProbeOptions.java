package dev.attest.inference.probe;

import dev.attest.inference.run.RunOptions;

/**
 * How a probe measures: which map is the evidence, the k of the top-k% overlap, and the inference options
 * every run of the probe shares (the evidence class is added to them).
 */
public record ProbeOptions(EvidenceSource evidence, double topPercent, RunOptions run) {

    /** The default k of the top-k% overlap. */
    public static final double DEFAULT_TOP_PERCENT = 5;

    public ProbeOptions {
        if (evidence == null) {
            throw new IllegalArgumentException("a probe needs an evidence source");
        }
        if (!(topPercent > 0 && topPercent <= 100)) {
            throw new IllegalArgumentException("top percentage must be in (0, 100], got " + topPercent);
        }
        run = run == null ? RunOptions.defaults() : run;
    }

    /** Foreground evidence, top 5%, the manifest's inference settings. */
    public static ProbeOptions defaults() {
        return new ProbeOptions(EvidenceSource.foreground(), DEFAULT_TOP_PERCENT, RunOptions.defaults());
    }
}
