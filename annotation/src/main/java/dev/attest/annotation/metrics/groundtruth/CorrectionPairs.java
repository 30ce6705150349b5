package dev.attest.annotation.metrics.groundtruth;

import dev.attest.annotation.edit.GridMismatchException;
import dev.attest.annotation.metrics.MetricInputException;
import dev.attest.annotation.metrics.Strata;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.CorrectedAnnotation;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.store.ProjectStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a project's corrections case by case and measures each against the model evidence it stands as ground
 * truth for: the evidence it was derived from (the one it corrects), and every heat map of its claim, since a
 * heat map is never edited and the reviewer's mask, box or point of the claim is where it should point. A
 * correction or pairing that cannot be measured becomes a {@link SkippedComparison} and the walk goes on.
 */
final class CorrectionPairs {
    private CorrectionPairs() {
    }

    static Rows measure(ProjectStore store, GroundTruthOptions options) {
        return measure(store, store.cases(), options);
    }

    /** Measures the corrections of the given cases only (a case report needs one case, not the project). */
    static Rows measure(ProjectStore store, List<ReviewCase> cases, GroundTruthOptions options) {
        Map<Long, String> models = new HashMap<>();
        for (ModelRun run : store.modelRuns()) {
            models.put(run.id(), run.modelId());
        }
        Rows rows = Rows.empty();
        ArtifactVolumes artifacts = new ArtifactVolumes(store.folder());
        EvidenceComparer comparer = new EvidenceComparer(options, artifacts, rows);
        for (ReviewCase reviewCase : cases) {
            List<CorrectedAnnotation> corrections = store.corrections(reviewCase.id());
            if (corrections.isEmpty()) {
                continue;
            }
            CaseRecords records = CaseRecords.read(store, reviewCase, models);
            for (CorrectedAnnotation c : corrections) {
                measure(c, records, comparer, rows);
            }
            artifacts.clear();
        }
        rows.sort();
        return rows;
    }

    private static void measure(CorrectedAnnotation c, CaseRecords records, EvidenceComparer comparer, Rows rows) {
        Claim claim = records.claim(c.claimId());
        List<Evidence> targets = new ArrayList<>();
        boolean skipped = false;
        if (c.derivedFromEvidenceId() != null) {
            Evidence derived = records.evidence(c.derivedFromEvidenceId());
            if (derived == null) {
                rows.skipped().add(skip(c, c.derivedFromEvidenceId(), records, records.modelOf(claim),
                        SkipReason.EVIDENCE_NOT_FOUND, EvidenceComparer.correctionName(c) + " names evidence "
                                + c.derivedFromEvidenceId() + ", which belongs to no claim of case "
                                + records.reviewCase().id()));
                skipped = true;
            } else {
                targets.add(derived);
                if (claim == null) {
                    claim = records.claim(derived.claimId());
                }
            }
        }
        if (claim != null) {
            for (Evidence e : records.evidenceOf(claim)) {
                if (e.kind() == EvidenceKind.HEATMAP && targets.stream().noneMatch(t -> t.id() == e.id())) {
                    targets.add(e);
                }
            }
        }
        if (targets.isEmpty()) {
            if (!skipped) {
                rows.skipped().add(skip(c, null, records, records.modelOf(claim), SkipReason.NO_EVIDENCE,
                        EvidenceComparer.correctionName(c) + " names no model evidence and "
                                + (claim == null ? "no claim" : "its claim " + claim.id() + " has no heat map")
                                + ": a reviewer's own annotation, with nothing to compare it with"));
            }
            return;
        }
        boolean measured = false;
        for (Evidence e : targets) {
            String model = records.modelOf(records.claim(e.claimId()));
            try {
                measured |= comparer.compare(c, e, records);
            } catch (ComparisonSkipped s) {
                rows.skipped().add(skip(c, e.id(), records, model, s.reason(), s.getMessage()));
                skipped = true;
            } catch (GridMismatchException g) {
                rows.skipped().add(skip(c, e.id(), records, model, SkipReason.GRID_MISMATCH, pairName(c, e)
                        + ": " + g.getMessage()));
                skipped = true;
            } catch (MetricInputException m) {
                rows.skipped().add(skip(c, e.id(), records, model, SkipReason.INVALID_INPUT, pairName(c, e)
                        + ": " + m.getMessage()));
                skipped = true;
            }
        }
        if (!measured && !skipped) {
            Evidence first = targets.get(0);
            rows.skipped().add(skip(c, first.id(), records, records.modelOf(records.claim(first.claimId())),
                    SkipReason.NO_COMPARABLE_EVIDENCE, "no metric compares " + EvidenceComparer.correctionName(c)
                            + " with " + EvidenceComparer.evidenceName(first)));
        }
    }

    private static String pairName(CorrectedAnnotation c, Evidence e) {
        return EvidenceComparer.correctionName(c) + " against " + EvidenceComparer.evidenceName(e);
    }

    private static SkippedComparison skip(CorrectedAnnotation c, Long evidenceId, CaseRecords records, String model,
            SkipReason reason, String detail) {
        ReviewCase rc = records.reviewCase();
        return new SkippedComparison(c.id(), c.kind().code(), evidenceId, rc.id(), rc.studyRef(),
                model == null ? Strata.NONE : model, reason, detail);
    }
}
