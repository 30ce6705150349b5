package dev.attest.annotation.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creates and opens benchmark project folders ({@code project.db} + {@code artifacts/}). */
public final class Projects {
    public static final String DATABASE = "project.db";
    public static final String ARTIFACTS = "artifacts";

    private Projects() {
    }

    /** Creates a new project in an empty or missing folder and opens it for writing. */
    public static ProjectStore create(Path folder) {
        Path db = folder.resolve(DATABASE);
        if (Files.exists(db)) {
            throw new ProjectStoreException("cannot create a project in " + folder + ": " + db + " already exists");
        }
        try {
            Files.createDirectories(folder.resolve(ARTIFACTS));
        } catch (IOException e) {
            throw new ProjectStoreException("cannot create project folder " + folder + ": " + e.getMessage(), e);
        }
        return SqliteProjectStore.open(folder, false, true);
    }

    /**
     * Opens an existing project for writing, applying any pending schema migrations. Throws
     * {@link ProjectLockedException} when another process has it open; {@link #openReadOnly} then still works.
     */
    public static ProjectStore open(Path folder) {
        requireProject(folder);
        return SqliteProjectStore.open(folder, false, false);
    }

    /** Opens an existing project for reading only, whether or not another process is writing to it. */
    public static ProjectStore openReadOnly(Path folder) {
        requireProject(folder);
        return SqliteProjectStore.open(folder, true, false);
    }

    private static void requireProject(Path folder) {
        Path db = folder.resolve(DATABASE);
        if (!Files.isRegularFile(db)) {
            throw new ProjectStoreException(folder + " is not an Attest project: " + db + " is missing");
        }
    }
}
