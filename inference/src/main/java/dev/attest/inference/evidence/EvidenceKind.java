package dev.attest.inference.evidence;

/** Which evidence method made a map. */
public enum EvidenceKind {
    /** |d score / d input|, summed over input channels. */
    INPUT_GRADIENT,
    /** (d score / d input) · input, summed over input channels; signed, positive where the input supports the class. */
    GRADIENT_TIMES_INPUT,
    /** Drop of the target class's mean probability in the region when a patch of the input is filled. */
    OCCLUSION
}
