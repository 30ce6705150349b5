package dev.attest.app.review;

import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Localisation;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.model.Verdict;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;

import java.nio.file.Path;

/** Test main: reviews one claim of an existing project (score, change, undo) and prints the outcome. */
public final class ReviewOnlyMain {
    public static void main(String[] args) {
        try (ProjectStore store = Projects.open(Path.of(args[0]))) {
            ReviewSession s = ReviewSession.start(store, "ann");
            s.load(s.allClaims().blind());
            s.setVerdict(Verdict.CORRECT);
            s.setSupport(EvidenceSupport.SUPPORTS);
            s.setLocalisation(Localisation.GOOD);
            s.undo();
            long claim = s.currentClaim().orElseThrow().claim().id();
            System.out.println("reviewed " + s.progress() + ", versions "
                    + store.scoreHistory(claim).stream().map(Score::version).toList());
        }
    }
}
