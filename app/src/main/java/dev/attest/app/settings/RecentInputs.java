package dev.attest.app.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The most recently opened inputs (folders, zips, DICOMDIRs, files), newest first, kept in recent.txt. */
public final class RecentInputs {
    public static final int LIMIT = 10;
    private final Path file;
    private final List<Path> entries = new ArrayList<>();

    /** Reads the list; a missing or unreadable file gives an empty list (it is only a convenience). */
    public RecentInputs(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && entries.size() < LIMIT) {
                        entries.add(Path.of(line.strip()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            entries.clear();
        }
    }

    /** Newest first; entries whose file has since disappeared are still listed (a drive may be unmounted). */
    public List<Path> entries() {
        return List.copyOf(entries);
    }

    /** Moves the input to the top (no duplicates), trims to {@link #LIMIT}, and saves. */
    public void add(Path input) throws IOException {
        Path p = input.toAbsolutePath().normalize();
        entries.remove(p);
        entries.add(0, p);
        while (entries.size() > LIMIT) {
            entries.remove(entries.size() - 1);
        }
        save();
    }

    public void clear() throws IOException {
        entries.clear();
        save();
    }

    private void save() throws IOException {
        StringBuilder sb = new StringBuilder();
        entries.forEach(p -> sb.append(p).append('\n'));
        SettingsFiles.writeAtomically(file, sb.toString());
    }
}
