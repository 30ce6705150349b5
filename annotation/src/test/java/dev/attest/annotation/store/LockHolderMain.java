package dev.attest.annotation.store;

import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Verdict;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Test child process: opens a project for writing, prints "OPEN pid", then obeys stdin lines
 * "score claimId reviewerId" (prints "ACK scoreId") and "quit".
 */
public final class LockHolderMain {
    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        try (ProjectStore store = Projects.open(Path.of(args[0]))) {
            System.out.println("OPEN " + ProcessHandle.current().pid());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null && !line.equals("quit");) {
                String[] f = line.split(" ");
                Score s = store.saveScore(new ScoreDraft(Long.parseLong(f[1]), Long.parseLong(f[2]), Verdict.CORRECT,
                        EvidenceSupport.SUPPORTS, null, null, null, "from child"));
                System.out.println("ACK " + s.id());
                System.out.flush();
            }
        }
        System.out.println("CLOSED");
        System.out.flush();
    }
}
