package dev.attest.dicom;

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
 * Runs the outside checkers the *ValidatorTest classes hold our SEG and SR files to: dciodvfy
 * (David Clunie's dicom3tools, Debian package dicom3tools) for the IOD's modules and attributes,
 * DCMTK's dsrdump (Debian package dcmtk) for SR relationship constraints, which dciodvfy does not
 * check, and pydicom (python3-pydicom). When a tool is missing the test is skipped, unless
 * ATTEST_REQUIRE_VALIDATORS=1 (set by CI after installing them), where a missing tool is a
 * failure: CI must never pass by skipping them.
 */
public final class ExternalValidators {
    public static final String REQUIRE = "ATTEST_REQUIRE_VALIDATORS";
    private static final Path DCIODVFY = Path.of("/usr/bin/dciodvfy");
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path DSRDUMP = Path.of("/usr/bin/dsrdump");

    private ExternalValidators() {
    }

    /** What a tool printed (stdout and stderr together) and its exit status. */
    public record Run(int exitCode, String output) {
        public List<String> lines() {
            return output.lines().toList();
        }
    }

    /** dciodvfy's verdict: the IOD it recognised and its Error and Warning lines. */
    public record Dciodvfy(String output, List<String> errors, List<String> warnings) {
    }

    private static boolean required() {
        return "1".equals(System.getenv(REQUIRE));
    }

    private static void need(boolean present, String what) {
        if (present) {
            return;
        }
        if (required()) {
            fail(REQUIRE + "=1 but " + what + " is missing (CI installs dicom3tools and python3-pydicom)");
        }
        Assumptions.abort(what + " is not installed; set " + REQUIRE + "=1 to make this a failure");
    }

    /**
     * Runs dciodvfy on {@code file}; skips (or fails, when required) without it. With
     * ATTEST_VALIDATOR_KEEP=DIR the file is also copied there, to look at by hand.
     */
    public static Dciodvfy dciodvfy(Path file) throws IOException, InterruptedException {
        String keep = System.getenv("ATTEST_VALIDATOR_KEEP");
        if (keep != null && !keep.isBlank()) {
            Files.createDirectories(Path.of(keep));
            Files.copy(file, Path.of(keep).resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        need(Files.isExecutable(DCIODVFY), DCIODVFY + " (Debian package dicom3tools)");
        Run run = run(List.of(DCIODVFY.toString(), file.toString()));
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String line : run.lines()) {
            if (line.startsWith("Error")) {
                errors.add(line);
            } else if (line.startsWith("Warning")) {
                warnings.add(line);
            }
        }
        return new Dciodvfy(run.output(), errors, warnings);
    }

    /**
     * Runs DCMTK's dsrdump on an SR file: DCMTK refuses to build a content tree that breaks the
     * SOP class's relationship constraints (PS3.3 A.35), and says which item. Returns its "E:"
     * and "F:" lines (empty when the document is valid) after checking it exited 0 with none.
     */
    public static Run dsrdump(Path file) throws IOException, InterruptedException {
        need(Files.isExecutable(DSRDUMP), DSRDUMP + " (Debian package dcmtk)");
        return run(List.of(DSRDUMP.toString(), "-v", file.toString()));
    }

    /**
     * Runs a Python script with Debian's python3 and pydicom (and numpy) on the given arguments;
     * skips (or fails, when required) without them.
     */
    public static Run pydicom(String script, String... args) throws IOException, InterruptedException {
        need(Files.isExecutable(PYTHON), PYTHON.toString());
        Run probe = run(List.of(PYTHON.toString(), "-c", "import pydicom, numpy"));
        need(probe.exitCode() == 0, "pydicom and numpy for " + PYTHON + " (python3-pydicom)");
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", script));
        command.addAll(List.of(args));
        return run(command);
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command.get(0) + " did not finish in 120 s");
        }
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
