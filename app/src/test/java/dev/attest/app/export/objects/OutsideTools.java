package dev.attest.app.export.objects;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The outside checkers the exported objects are held to, run the way the dicom module's validator tests run them
 * (that module's test helper is not on this module's class path): dciodvfy, DCMTK's dsrdump and Debian's python3
 * with pydicom and numpy. A missing tool skips the test unless ATTEST_REQUIRE_VALIDATORS=1, where it fails, so CI
 * cannot pass by skipping.
 */
public final class OutsideTools {
    private static final Path DCIODVFY = Path.of("/usr/bin/dciodvfy");
    private static final Path DSRDUMP = Path.of("/usr/bin/dsrdump");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private OutsideTools() {
    }

    /** A tool's exit status and its stdout and stderr together. */
    public record Run(int exitCode, String output) {
        public List<String> lines(String prefix) {
            return output.lines().filter(l -> l.startsWith(prefix)).toList();
        }
    }

    private static void need(boolean present, String what) {
        if (present) {
            return;
        }
        if ("1".equals(System.getenv("ATTEST_REQUIRE_VALIDATORS"))) {
            fail("ATTEST_REQUIRE_VALIDATORS=1 but " + what + " is missing");
        }
        Assumptions.abort(what + " is not installed; set ATTEST_REQUIRE_VALIDATORS=1 to make this a failure");
    }

    public static Run dciodvfy(Path file) throws IOException, InterruptedException {
        need(Files.isExecutable(DCIODVFY), DCIODVFY + " (Debian package dicom3tools)");
        return run(List.of(DCIODVFY.toString(), file.toString()));
    }

    static Run dsrdump(Path file) throws IOException, InterruptedException {
        need(Files.isExecutable(DSRDUMP), DSRDUMP + " (Debian package dcmtk)");
        return run(List.of(DSRDUMP.toString(), "-v", file.toString()));
    }

    static Run python(String script, String... args) throws IOException, InterruptedException {
        need(Files.isExecutable(PYTHON), PYTHON.toString());
        need(run(List.of(PYTHON.toString(), "-c", "import pydicom, numpy")).exitCode() == 0,
                "pydicom and numpy for " + PYTHON + " (python3-pydicom)");
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", script));
        command.addAll(List.of(args));
        return run(command);
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(command.get(0) + " did not finish in 120 s");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
