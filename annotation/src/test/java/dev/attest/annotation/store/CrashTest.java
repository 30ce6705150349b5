package dev.attest.annotation.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attest.annotation.model.Score;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer killed with SIGKILL loses no score it acknowledged, and leaves an intact database. */
class CrashTest {
    @TempDir
    Path dir;

    /** One acknowledged score as a line: every field, nulls as "-". */
    static String line(Score s) {
        return String.join(" ", "ACK", Long.toString(s.id()), Long.toString(s.claimId()), Long.toString(s.reviewerId()),
                Integer.toString(s.version()), s.verdict().code(), s.support().code(),
                s.localisation() == null ? "-" : s.localisation().code(),
                s.errorType() == null ? "-" : s.errorType().code(),
                s.significance() == null ? "-" : s.significance().code(), s.note() == null ? "-" : s.note(),
                s.created().toString());
    }

    /** The same line for a stored score, ignoring supersession, which later writes may have changed. */
    private static String storedLine(Score s) {
        return line(new Score(s.id(), s.claimId(), s.reviewerId(), s.version(), s.verdict(), s.support(),
                s.localisation(), s.errorType(), s.significance(), s.note(), s.created(), null, true));
    }

    @Test
    void everyAcknowledgedScoreSurvivesSigkill() throws IOException, InterruptedException, Exception {
        Path folder = dir.resolve("p");
        SampleProject.create(folder).store().close();
        List<String> acked = new ArrayList<>();
        try (ChildJvm child = ChildJvm.start(CrashWriterMain.class, dir.resolve("child.err"), folder.toString())) {
            while (acked.size() < 150) {
                acked.add(child.readLine());
            }
            // SIGKILL on Linux: no shutdown hooks, no close. Through the handle, because Process.destroyForcibly
            // also closes our end of the pipe and we still want the lines already in it.
            assertTrue(child.process.toHandle().destroyForcibly());
            assertTrue(child.process.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, child.process.exitValue()); // 128 + SIGKILL(9)
            // Lines already in the pipe were printed after their commit too.
            for (String l; (l = child.out.readLine()) != null;) {
                if (l.startsWith("ACK ")) {
                    acked.add(l);
                }
            }
        }
        try (ProjectStore store = Projects.open(folder)) {
            Map<String, Integer> lastVersion = new HashMap<>();
            for (String l : acked) {
                long id = Long.parseLong(l.split(" ")[1]);
                Score stored = store.score(id).orElseThrow(() -> new AssertionError("acknowledged score lost: " + l));
                assertEquals(l, storedLine(stored));
                lastVersion.merge(stored.claimId() + "/" + stored.reviewerId(), stored.version(), Math::max);
            }
            // Exactly one current score per claim and reviewer, at or past the last acknowledged version.
            for (var e : lastVersion.entrySet()) {
                long claim = Long.parseLong(e.getKey().split("/")[0]);
                long reviewer = Long.parseLong(e.getKey().split("/")[1]);
                List<Score> current = store.currentScores(claim).stream().filter(s -> s.reviewerId() == reviewer).toList();
                assertEquals(1, current.size());
                assertTrue(current.get(0).version() >= e.getValue());
                assertEquals(current.get(0).version(), store.scoreHistory(claim).stream()
                        .filter(s -> s.reviewerId() == reviewer).count());
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("project.db"));
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertEquals("ok", rs.getString(1));
        }
    }
}
