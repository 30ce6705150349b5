package dev.attest.annotation.metrics.groundtruth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.annotation.edit.CorrectedMask;
import dev.attest.annotation.model.ArtifactRef;
import dev.attest.core.io.Sha256;
import dev.attest.core.nifti.NiftiFormatException;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the NIfTI artifacts of one case, each once: the claims of a case usually share one label map, and a
 * correction is often compared with several pieces of evidence. Every file is checked against the sha256 the
 * project recorded before it is read, so a metric is never computed from an array that was changed behind
 * the project's back. Forget the volumes ({@link #clear}) between cases to keep memory to one case's arrays.
 */
final class ArtifactVolumes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path projectFolder;
    private final Map<ArtifactRef, Volume> volumes = new HashMap<>();

    ArtifactVolumes(Path projectFolder) {
        this.projectFolder = projectFolder;
    }

    /**
     * The artifact's volume; what names its record in messages.
     *
     * @throws ComparisonSkipped ARTIFACT_MISSING, ARTIFACT_CHANGED or ARTIFACT_UNREADABLE
     */
    Volume load(ArtifactRef ref, String what) throws ComparisonSkipped {
        Volume cached = volumes.get(ref);
        if (cached != null) {
            return cached;
        }
        Path file = projectFolder.resolve(ref.relativePath());
        if (!Files.isRegularFile(file)) {
            throw new ComparisonSkipped(SkipReason.ARTIFACT_MISSING, what + ": artifact " + ref.relativePath()
                    + " is not in the project folder");
        }
        try {
            String sha = Sha256.of(file);
            if (!sha.equals(ref.sha256())) {
                throw new ComparisonSkipped(SkipReason.ARTIFACT_CHANGED, what + ": artifact " + ref.relativePath()
                        + " has sha256 " + sha + " but the project recorded " + ref.sha256());
            }
            Volume volume = NiftiReader.read(file).volume();
            // Name the artifact by its project path, not the machine's absolute path, in any message.
            volume.properties().put("source.file", ref.relativePath());
            volumes.put(ref, volume);
            return volume;
        } catch (IOException e) {
            throw new ComparisonSkipped(SkipReason.ARTIFACT_UNREADABLE, what + ": artifact " + ref.relativePath()
                    + " cannot be read: " + (e instanceof NiftiFormatException nifti ? nifti.problem() : e.getMessage()));
        }
    }

    /**
     * The sha256 of the map a corrected mask was edited from, as its {@link CorrectedMask} sidecar records it;
     * null when there is no sidecar beside it, it cannot be read, or it describes another file.
     */
    String editedFrom(ArtifactRef correctedMask) {
        Path mask = projectFolder.resolve(correctedMask.relativePath());
        Path sidecar = CorrectedMask.sidecarOf(mask);
        if (sidecar.equals(mask) || !Files.isRegularFile(sidecar)) {
            return null;
        }
        try {
            JsonNode json = JSON.readTree(sidecar.toFile());
            if (!correctedMask.sha256().equals(json.path("sha256").asText())) {
                return null;
            }
            String source = json.path("derived_from").path("sha256").asText("");
            return source.isEmpty() ? null : source;
        } catch (IOException e) {
            return null;
        }
    }

    void clear() {
        volumes.clear();
    }
}
