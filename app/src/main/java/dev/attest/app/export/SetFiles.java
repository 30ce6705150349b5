package dev.attest.app.export;

import dev.attest.core.io.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files written into a benchmark set so far, each with its sha256, size, format and meaning: what
 * croissant.json lists (every file but itself) and the zip packs. A stage registers a file once it is complete;
 * the checksum is taken then, so a file changed afterwards fails verification. Not thread-safe: one export
 * writes from one thread.
 */
public final class SetFiles {
    /** NIfTI has no registered media type; Croissant accepts a URL naming the format instead. */
    static final String NIFTI_FORMAT = "https://nifti.nimh.nih.gov/nifti-1";

    /**
     * One file of the set.
     *
     * @param path        relative to the set folder, with forward slashes
     * @param sha256      of the file's bytes
     * @param bytes       its size
     * @param format      media type (or format URL)
     * @param description what it holds
     */
    public record Entry(String path, String sha256, long bytes, String format, String description) {
    }

    private final Path root;
    private final Map<String, Entry> entries = new TreeMap<>();

    public SetFiles(Path root) {
        this.root = root;
    }

    /** The set folder. */
    public Path root() {
        return root;
    }

    /** Where a relative set path lies on disk (parent folders created). */
    public Path resolve(String relative) throws IOException {
        if (relative.startsWith("/") || relative.contains("..") || relative.contains("\\")) {
            throw new IllegalArgumentException("set paths are relative with forward slashes, got '" + relative + "'");
        }
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        return p;
    }

    /** A folder of the set, created when missing. */
    public Path folder(String relative) throws IOException {
        Path p = resolve(relative + "/x").getParent();
        Files.createDirectories(p);
        return p;
    }

    /** Records a finished file under its relative path; its format follows from its name. */
    public Entry register(String relative, String description) throws IOException {
        Path file = root.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IOException("cannot register " + relative + ": " + file + " is not a file");
        }
        if (relative.equals(SetLayout.CROISSANT)) {
            throw new IllegalArgumentException("croissant.json lists the other files; it cannot list itself");
        }
        Entry e = new Entry(relative, Sha256.of(file), Files.size(file), formatOf(relative), description);
        if (entries.putIfAbsent(relative, e) != null) {
            throw new IllegalStateException(relative + " was written twice in one export");
        }
        return e;
    }

    /** Every registered file, sorted by path. */
    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    /** The registered file at relative. */
    public Entry entry(String relative) {
        Entry e = entries.get(relative);
        if (e == null) {
            throw new IllegalArgumentException(relative + " is not a registered file of the set");
        }
        return e;
    }

    public boolean contains(String relative) {
        return entries.containsKey(relative);
    }

    /** The media type of a set file from its name. */
    static String formatOf(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        if (p.endsWith(".jsonl")) {
            return "application/jsonlines";
        } else if (p.endsWith(".schema.json")) {
            return "application/schema+json";
        } else if (p.endsWith(".json")) {
            return "application/json";
        } else if (p.endsWith(".nii.gz") || p.endsWith(".nii")) {
            return NIFTI_FORMAT;
        } else if (p.endsWith(".dcm")) {
            return "application/dicom";
        } else if (p.endsWith(".md")) {
            return "text/markdown";
        } else if (p.endsWith(".txt")) {
            return "text/plain";
        }
        return "application/octet-stream";
    }
}
