package dev.attest.annotation.store;

import dev.attest.annotation.model.CaseDraft;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimDraft;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ModelRunDraft;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.model.Reviewer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A small project for tests: reviewers ann, ben, cat; cases 1-4 (sites A, A, B, B); on each case a run of
 * "organs" (cases 1, 3) or "nodules" (cases 2, 4) with two claims each, plus one hand-added claim on case 1.
 */
record SampleProject(ProjectStore store, List<Reviewer> reviewers, List<ReviewCase> cases, List<ModelRun> runs,
        List<Claim> claims) {

    static final String WEIGHTS = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    static SampleProject create(Path folder) {
        ProjectStore store = Projects.create(folder);
        List<Reviewer> reviewers = List.of(store.addReviewer("ann"), store.addReviewer("ben"), store.addReviewer("cat"));
        List<ReviewCase> cases = store.importCases(List.of(
                new CaseDraft("1.2.840.1", "A", "Siemens Force", "CT"),
                new CaseDraft("1.2.840.2", "A", "GE Revolution", "CT"),
                new CaseDraft("1.2.840.3", "B", "Siemens Force", "CT"),
                new CaseDraft("1.2.840.4", "B", "Philips Ingenia", "MR")));
        List<ModelRun> runs = new ArrayList<>();
        List<ClaimDraft> drafts = new ArrayList<>();
        for (ReviewCase c : cases) {
            String model = c.id() % 2 == 1 ? "organs" : "nodules";
            ModelRun run = store.recordModelRun(new ModelRunDraft(c.id(), model, "1.0", WEIGHTS, "{\"overlap\":0.5}",
                    "PyTorch", "cpu", Instant.parse("2026-01-02T03:04:05.006Z"), Instant.parse("2026-01-02T03:04:09Z")));
            runs.add(run);
            drafts.add(new ClaimDraft(c.id(), run.id(), ClaimKind.FINDING, model + " finding 1", 1, 1512.0, "mL"));
            drafts.add(new ClaimDraft(c.id(), run.id(), ClaimKind.SENTENCE, model + " sentence 2", null, null, null));
            if (c.id() == cases.get(0).id()) {
                drafts.add(new ClaimDraft(c.id(), null, ClaimKind.PHRASE, "hand-added phrase", null, null, null));
            }
        }
        List<Claim> claims = store.addClaims(drafts);
        return new SampleProject(store, reviewers, cases, runs, claims);
    }

    Reviewer ann() {
        return reviewers.get(0);
    }

    Reviewer ben() {
        return reviewers.get(1);
    }

    Reviewer cat() {
        return reviewers.get(2);
    }
}
