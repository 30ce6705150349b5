package dev.attest.annotation.store;

import dev.attest.annotation.model.ErrorType;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Localisation;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Significance;
import dev.attest.annotation.model.Verdict;
import java.nio.file.Path;
import java.util.List;

/**
 * Test child process: scores the project's claims in a loop, round-robin over reviewers so scores get
 * superseded, and prints each score on stdout only after {@code saveScore} returned (the acknowledgement).
 * Runs until killed, or 120 s as a safety net.
 */
public final class CrashWriterMain {
    private CrashWriterMain() {
    }

    public static void main(String[] args) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        try (ProjectStore store = Projects.open(Path.of(args[0]))) {
            List<Long> claims = store.cases().stream().flatMap(c -> store.claims(c.id()).stream()).map(c -> c.id()).toList();
            List<Long> reviewers = store.reviewers().stream().map(r -> r.id()).toList();
            for (int i = 0; System.nanoTime() < deadline; i++) {
                Verdict v = Verdict.values()[i % Verdict.values().length];
                Score s = store.saveScore(new ScoreDraft(claims.get(i % claims.size()),
                        reviewers.get((i / claims.size()) % reviewers.size()), v,
                        EvidenceSupport.values()[(i / 3) % EvidenceSupport.values().length],
                        i % 5 == 0 ? null : Localisation.values()[i % Localisation.values().length],
                        v == Verdict.CORRECT ? null : ErrorType.values()[i % ErrorType.values().length],
                        i % 7 == 0 ? null : Significance.values()[i % 2], i % 11 == 0 ? null : "note-" + i));
                System.out.println(CrashTest.line(s));
                System.out.flush();
            }
        }
    }
}
