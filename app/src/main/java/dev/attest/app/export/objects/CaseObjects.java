package dev.attest.app.export.objects;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@link CaseObjectsWriter#write} wrote for one case, and what it left out and why.
 *
 * @param casePseudonym the case's name in the export
 * @param written       the files, in the order written
 * @param skipped       objects (or boxes) left out, with the reason
 */
public record CaseObjects(String casePseudonym, List<Written> written, List<Skipped> skipped) {

    /**
     * One file written.
     *
     * @param kind           which standard it follows
     * @param file           where it is
     * @param sopInstanceUid the SOP Instance UID of a DICOM object, "" for JSON
     */
    public record Written(ObjectKind kind, Path file, String sopInstanceUid) {
        public Written {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        }
    }

    /**
     * An object, or a box within one, that was not written.
     *
     * @param kind   the object concerned
     * @param reason why, as a datasheet can state it
     * @param detail which record it was about (by project id, never a path or a name), "" when the whole object
     */
    public record Skipped(ObjectKind kind, SkipReason reason, String detail) {
        public Skipped {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        /** The reason and detail as one sentence. */
        public String describe() {
            return kind + ": " + reason.meaning() + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    public CaseObjects {
        Objects.requireNonNull(casePseudonym, "casePseudonym");
        written = List.copyOf(written);
        skipped = List.copyOf(skipped);
    }

    /** The files of one kind, in the order written. */
    public List<Path> files(ObjectKind kind) {
        return written.stream().filter(w -> w.kind() == kind).map(Written::file).toList();
    }
}
