package dev.attest.app.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Atomic writes and keeping unreadable files aside, shared by the settings stores. */
final class SettingsFiles {
    private SettingsFiles() {
    }

    /** Writes through a temporary file and a rename, so a crash never leaves a half-written file. */
    static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Moves an unreadable settings file to {@code NAME.broken} (replacing an older one) so the user's
     * edits are never silently overwritten by the defaults; returns where it went.
     */
    static Path keepAside(Path file) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + ".broken");
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        return aside;
    }
}
