package dev.attest.app.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attest.annotation.edit.CorrectedMask;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A corrected mask's provenance in a set: the {@link CorrectedMask} sidecar the editor wrote beside it, re-written
 * for the set's files. It says which map the reviewer edited (by the set file and its sha256) and the operations,
 * so a reader sees how the ground truth was made, and the metrics can tell a reviewer's edit of a phrase's region
 * from an edit of the whole label map after a re-import exactly as in the project. The editor becomes the reader
 * pseudonym; the editing time and the original paths are left behind.
 */
final class CorrectionSidecars {
    private CorrectionSidecars() {
    }

    /**
     * Writes maskRel's ".json" beside it when the project has a sidecar for projectMask.
     *
     * @param projectSha   the mask's sha256 as the project recorded it (a sidecar describing other bytes is none)
     * @param setFileOfSha set file of each project artifact sha256 already exported for the case
     * @return whether a sidecar was written
     */
    static boolean write(Path projectMask, String projectSha, String maskRel, String reader, Map<String, String> setFileOfSha,
                         SetFiles files, JsonBlobCleaner blobs, TextRedactor text, String row) throws IOException {
        Path sidecar = CorrectedMask.sidecarOf(projectMask);
        if (sidecar.equals(projectMask) || !Files.isRegularFile(sidecar)) {
            return false;
        }
        JsonNode stored;
        try {
            stored = SetJson.MAPPER.readTree(sidecar.toFile());
        } catch (IOException unreadable) {
            return false; // the metrics treat an unreadable sidecar as none; so does the set
        }
        String rel = CorrectedMask.sidecarOf(Path.of(maskRel)).toString().replace('\\', '/');
        ObjectNode out = SetJson.object();
        out.put("mask", Path.of(maskRel).getFileName().toString());
        out.put("sha256", files.entry(maskRel).sha256());
        String source = setFileOfSha.get(stored.path("derived_from").path("sha256").asText(""));
        if (source != null && stored.path("sha256").asText("").equals(projectSha)) {
            ObjectNode from = out.putObject("derived_from");
            from.put("path", source);
            from.put("sha256", files.entry(source).sha256());
        } else {
            // Edited from a file the set does not hold (or the mask changed since): the link cannot be kept.
            out.putNull("derived_from");
        }
        out.put("editor", reader);
        out.set("operations", stored.has("operations")
                ? blobs.clean(stored.get("operations"), text, "corrections", row, "operations")
                : SetJson.MAPPER.createArrayNode());
        SetJson.writeDocument(files.resolve(rel), out);
        files.register(rel, "how " + maskRel + " was made: the map the reviewer edited (set file and sha256), the"
                + " reviewer's pseudonym and the edit operations");
        return true;
    }
}
