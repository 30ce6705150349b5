package dev.attest.inference.manifest;

/** What a model is for; decides which outputs and claims it can produce. */
public enum ModelTask {
    SEGMENTATION, GROUNDING, REPORT, CLASSIFICATION
}
