package dev.attest.app.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs a set folder into one zip whose bytes depend only on the files: entries in path order, all under one
 * folder named like the set, with one fixed time stamp, so exporting the same project twice gives the same zip.
 */
final class SetZip {
    /** The DOS epoch's first representable day: no export time leaks into the archive. */
    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private SetZip() {
    }

    /** Writes zip from the files (relative paths) under folder; the zip appears only once complete. */
    static void write(Path folder, List<String> relativePaths, Path zip) throws IOException {
        String top = folder.getFileName().toString();
        Path tmp = zip.resolveSibling("." + zip.getFileName() + ".part");
        try {
            try (OutputStream raw = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(raw)) {
                for (String rel : relativePaths.stream().sorted().toList()) {
                    ZipEntry e = new ZipEntry(top + "/" + rel);
                    e.setTimeLocal(FIXED_TIME);
                    out.putNextEntry(e);
                    Files.copy(folder.resolve(rel), out);
                    out.closeEntry();
                }
            }
            Files.move(tmp, zip, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
