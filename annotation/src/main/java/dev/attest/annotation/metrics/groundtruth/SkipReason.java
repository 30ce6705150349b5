package dev.attest.annotation.metrics.groundtruth;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a correction, or one pairing of a correction with model evidence, was not measured. */
public enum SkipReason {
    /** The correction names no model evidence and its claim has no heat map: an annotation the reviewer added. */
    NO_EVIDENCE,
    /** It names evidence, but no metric compares the two forms (a reviewer's point with a model's mask). */
    NO_COMPARABLE_EVIDENCE,
    /**
     * The mask evidence shows voxels no label of the corrected map stands for: one connected component of a
     * label, or a region mask (a side or part) when the reviewer corrected another map than that region.
     */
    UNSUPPORTED_EVIDENCE,
    /** The evidence it names is not evidence of a claim of the correction's case. */
    EVIDENCE_NOT_FOUND,
    /** An artifact file is not in the project folder. */
    ARTIFACT_MISSING,
    /** An artifact file's sha256 differs from the one the project recorded: it was changed outside Attest. */
    ARTIFACT_CHANGED,
    /** An artifact file could not be read as NIfTI. */
    ARTIFACT_UNREADABLE,
    /** Inline geometry JSON could not be read, or lacks a key the comparison needs. */
    BAD_GEOMETRY,
    /** Which label to compare cannot be told (no label in the evidence's method, the claim or the geometry). */
    NO_LABEL,
    /** A reviewer's box or point carries another label than the claim it is compared for. */
    LABEL_MISMATCH,
    /** Correction and evidence do not lie on one voxel grid. */
    GRID_MISMATCH,
    /** A box or point reaches outside the grid it is compared on. */
    OUTSIDE_GRID,
    /** The metric refused its input (e.g. an oblique grid, a heat map without a finite value). */
    INVALID_INPUT;

    /** The lower-case name, as written in JSON. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
