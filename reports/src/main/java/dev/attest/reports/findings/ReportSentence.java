package dev.attest.reports.findings;

import dev.attest.reports.evidence.Evidence;
import dev.attest.reports.evidence.PatientBox;
import dev.attest.reports.evidence.VoxelMask;

import java.util.Objects;

/**
 * One generated report sentence with the finding it carries and its evidence: the finding's voxels on the
 * label map's grid and their bounding box in patient mm. Jackson-serialisable.
 */
public record ReportSentence(String text, Finding finding, VoxelMask mask, PatientBox box) {
    public ReportSentence {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(box, "box");
    }

    /** The mask as evidence for the consistency checks. */
    public Evidence.Mask asEvidence() {
        return new Evidence.Mask(mask);
    }
}
