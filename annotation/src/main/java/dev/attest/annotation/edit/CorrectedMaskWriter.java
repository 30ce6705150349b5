package dev.attest.annotation.edit;

import dev.attest.core.io.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.volume.Volume;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Saves an edited label map as a new artifact: {@code NAME.nii.gz} plus a {@code NAME.json}
 * sidecar with its provenance (source path + SHA-256, editor, time, operations), readable without
 * Attest. An existing artifact is never overwritten, since other records may cite its checksum.
 */
public final class CorrectedMaskWriter {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Clock clock;

    public CorrectedMaskWriter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CorrectedMaskWriter() {
        this(Clock.systemUTC());
    }

    /** Writes the session's current label map with the operations that made it. */
    public CorrectedMask write(EditSession session, Path source, String editor, Path folder, String name) throws IOException {
        return write(session.labels(), session.operations(), source, editor, folder, name);
    }

    /**
     * Writes labels to {@code folder/name.nii.gz} and its sidecar.
     *
     * @throws NoSuchFileException if source does not exist (its checksum is part of the record)
     * @throws FileAlreadyExistsException if the mask or its sidecar already exists
     */
    public CorrectedMask write(Volume labels, List<EditOperation> operations, Path source, String editor, Path folder,
                               String name) throws IOException {
        if (editor == null || editor.isBlank()) {
            throw new IllegalArgumentException("a corrected mask needs the id of the reviewer who edited it");
        }
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("artifact name must be a plain file name, got '" + name + "'");
        }
        if (!Files.isRegularFile(source)) {
            throw new NoSuchFileException(source.toString(), null, "source artifact of the corrected mask not found");
        }
        Path mask = folder.resolve(name + ".nii.gz");
        Path sidecar = CorrectedMask.sidecarOf(mask);
        for (Path p : List.of(mask, sidecar)) {
            if (Files.exists(p)) {
                throw new FileAlreadyExistsException(p.toString(), null, "artifacts are never overwritten");
            }
        }
        Files.createDirectories(folder);
        CorrectedMask.DerivedFrom derivedFrom = new CorrectedMask.DerivedFrom(source, Sha256.of(source));
        Instant created = clock.instant();
        NiftiWriter.write(labels, mask);
        CorrectedMask result = new CorrectedMask(mask, Sha256.of(mask), derivedFrom, editor.strip(), created,
                operations.stream().map(CorrectedMask.RecordedOperation::of).toList());
        writeSidecar(result, sidecar);
        return result;
    }

    private static void writeSidecar(CorrectedMask m, Path sidecar) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mask", m.path().getFileName().toString());
        json.put("sha256", m.sha256());
        json.put("derived_from", Map.of("path", m.derivedFrom().path().toString(), "sha256", m.derivedFrom().sha256()));
        json.put("editor", m.editor());
        json.put("created", m.created().toString());
        json.put("operations", m.operations().stream()
                .map(o -> Map.of("type", o.type(), "parameters", o.parameters())).toList());
        Path tmp = sidecar.resolveSibling("." + sidecar.getFileName() + ".part");
        JSON.writeValue(tmp.toFile(), json);
        Files.move(tmp, sidecar, StandardCopyOption.ATOMIC_MOVE);
    }
}
