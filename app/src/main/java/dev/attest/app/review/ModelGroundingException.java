package dev.attest.app.review;

import java.util.Objects;

/**
 * Why a phrase could not be grounded with a model on a project case; {@link #problem()} tells the caller (GUI,
 * command line) which of the four it was without reading the message, and the message names the case, slice,
 * model and phrase involved. Nothing is stored when this is thrown.
 */
public final class ModelGroundingException extends RuntimeException {
    /** What went wrong. */
    public enum Problem {
        /** The case has no image to take the slice from. */
        NO_IMAGE,
        /** The slice index is not one of the case volume's axial slices. */
        SLICE_OUT_OF_RANGE,
        /** The registered model's task is not GROUNDING. */
        NOT_A_GROUNDING_MODEL,
        /** The model was opened but grounding the phrase failed (engine error, outputs not as its manifest says). */
        MODEL_FAILED
    }

    private final Problem problem;

    public ModelGroundingException(Problem problem, String message) {
        this(problem, message, null);
    }

    public ModelGroundingException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }
}
