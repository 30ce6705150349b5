package dev.attest.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real-data set that lives beside the repository, never inside it. */
public final class TestData {

    private TestData() {
    }

    /**
     * The data root: Surefire passes it as system property attest.data; when a test runs from an
     * IDE without it, the working directory is the module folder, two levels below the data's parent.
     */
    public static Path root() {
        return Path.of(System.getProperty("attest.data", "../../shared/data")).toAbsolutePath().normalize();
    }

    /** Returns a file under the data root, failing the test at once with the path if it is missing. */
    public static Path file(String relative) {
        Path path = root().resolve(relative);
        assertTrue(Files.isRegularFile(path), "shared test data is missing: " + path);
        return path;
    }

    public static Path nifti(String name) {
        return file("nifti/" + name);
    }
}
