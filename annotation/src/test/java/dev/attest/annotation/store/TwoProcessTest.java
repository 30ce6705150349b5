package dev.attest.annotation.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Score;
import dev.attest.annotation.model.ScoreDraft;
import dev.attest.annotation.model.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second process sees a project held by another as locked, can read it live, and can write once it is closed. */
class TwoProcessTest {
    @TempDir
    Path dir;

    @Test
    void aSecondProcessIsToldWhoHoldsTheProjectAndCanReadItLive() throws Exception {
        Path folder = dir.resolve("p");
        long claim;
        long ann;
        SampleProject sp = SampleProject.create(folder);
        claim = sp.claims().get(0).id();
        ann = sp.ann().id();
        sp.store().close();
        try (ChildJvm child = ChildJvm.start(LockHolderMain.class, dir.resolve("child.err"), folder.toString())) {
            assertEquals("OPEN " + child.process.pid(), child.readLine());

            ProjectLockedException e = assertThrows(ProjectLockedException.class, () -> Projects.open(folder));
            assertEquals(child.process.pid(), e.pid());
            assertEquals(ProjectLock.hostName(), e.host());
            assertEquals("project " + folder + " is open in process " + child.process.pid() + " on "
                    + ProjectLock.hostName() + "; close it there or open this project read-only", e.getMessage());

            try (ProjectStore reader = Projects.openReadOnly(folder)) {
                assertEquals(List.of(), reader.currentScores(claim));
                child.send("score " + claim + " " + ann);
                long acked = Long.parseLong(child.readLine().substring("ACK ".length()));
                List<Score> seen = reader.currentScores(claim);
                assertEquals(1, seen.size());
                assertEquals(acked, seen.get(0).id());
                assertEquals("from child", seen.get(0).note());
                ProjectStoreException w = assertThrows(ProjectStoreException.class, () -> reader.saveScore(
                        new ScoreDraft(claim, ann, Verdict.CORRECT, EvidenceSupport.SUPPORTS, null, null, null, null)));
                assertEquals("cannot save 1 scores: " + folder.resolve("project.db") + " is open read-only",
                        w.getMessage());
            }
            child.send("quit");
            assertEquals("CLOSED", child.readLine());
            assertEquals(true, child.process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, child.process.exitValue());
        }
        try (ProjectStore idle = Projects.openReadOnly(folder)) {
            assertEquals(1, idle.scoreHistory(claim).size()); // read-only also works with no writer around
        }
        try (ProjectStore again = Projects.open(folder)) {
            assertEquals(1, again.scoreHistory(claim).size());
        }
    }

    @Test
    void aSecondStoreInTheSameProcessIsAlsoRefused() {
        try (ProjectStore first = Projects.create(dir)) {
            ProjectLockedException e = assertThrows(ProjectLockedException.class, () -> Projects.open(dir));
            assertEquals(ProcessHandle.current().pid(), e.pid());
        }
        Projects.open(dir).close();
    }
}
