package dev.attest.annotation.edit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A reviewer-corrected label map saved as a new artifact: the NIfTI file and its checksum, what it
 * was derived from, who edited it, when, and the operations that turned the source into it.
 */
public record CorrectedMask(Path path, String sha256, DerivedFrom derivedFrom, String editor, Instant created,
                            List<RecordedOperation> operations) {
    public CorrectedMask {
        operations = List.copyOf(operations);
    }

    /** The JSON sidecar written beside the mask: {@code NAME.nii.gz} → {@code NAME.json}. */
    public Path sidecar() {
        return sidecarOf(path);
    }

    /** The sidecar path of a mask file: {@code NAME.nii.gz} (or {@code NAME.nii}) → {@code NAME.json}. */
    public static Path sidecarOf(Path mask) {
        String name = mask.getFileName().toString();
        String base = name.endsWith(".nii.gz") ? name.substring(0, name.length() - 7)
                : name.endsWith(".nii") ? name.substring(0, name.length() - 4) : name;
        return mask.resolveSibling(base + ".json");
    }

    /** The artifact a corrected mask was made from, by path and SHA-256 of its bytes. */
    public record DerivedFrom(Path path, String sha256) {
    }

    /** One applied operation as the sidecar records it. */
    public record RecordedOperation(String type, Map<String, Object> parameters) {
        public RecordedOperation {
            parameters = Map.copyOf(parameters);
        }

        static RecordedOperation of(EditOperation op) {
            return new RecordedOperation(op.type(), op.parameters());
        }
    }
}
