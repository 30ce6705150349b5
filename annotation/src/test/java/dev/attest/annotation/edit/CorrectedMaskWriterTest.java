package dev.attest.annotation.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.nifti.NiftiWriter;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A corrected mask reads back voxel for voxel and its sidecar records source, editor, time and operations. */
class CorrectedMaskWriterTest {
    private static final Instant NOW = Instant.parse("2026-03-04T10:15:30Z");

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void writesTheEditedMaskAndASidecarNamingWhatItWasDerivedFrom(@TempDir Path dir) throws Exception {
        Volume labels = Volume.allocate(BrushGeometryTest.grid(8, 7, 3, 0.75, 0.75, 2), VoxelType.UINT8);
        labels.setStored(1, 1, 1, 2);
        Path source = dir.resolve("model-output.nii.gz");
        NiftiWriter.write(labels, source);
        EditSession session = new EditSession(labels);
        session.apply(new EditOperation.Paint(2, new Region.Disc(SlicePlane.AXIAL, new VoxelIndex(4, 3, 1), 1.5)));
        session.apply(EditOperation.Erase.only(2, new Region.Box(IndexBox.rectangle(SlicePlane.AXIAL, 1, 0, 0, 1, 1))));

        CorrectedMask m = new CorrectedMaskWriter(Clock.fixed(NOW, ZoneOffset.UTC))
                .write(session, source, "reviewer-7", dir.resolve("corrected"), "case1-liver");

        assertEquals(dir.resolve("corrected/case1-liver.nii.gz"), m.path());
        assertEquals(sha256(m.path()), m.sha256());
        assertEquals(new CorrectedMask.DerivedFrom(source, sha256(source)), m.derivedFrom());
        assertEquals("reviewer-7", m.editor());
        assertEquals(NOW, m.created());
        assertEquals(List.of("paint", "erase"), m.operations().stream().map(CorrectedMask.RecordedOperation::type).toList());

        Volume back = NiftiReader.read(m.path()).volume();
        assertEquals(VoxelType.UINT8, back.type());
        for (int z = 0; z < 3; z++) {
            assertArrayEquals((byte[]) labels.sliceArray(z), (byte[]) back.sliceArray(z), "slice " + z);
        }
        // The 1.5 mm disc at 0.75 mm spacing is 2 voxels in radius: rows of 1 + 3 + 5 + 3 + 1 = 13 voxels;
        // plus the original label at (1, 1, 1), erased.
        assertEquals(14, session.changedVoxelCount());
        assertEquals(0, (int) back.getStored(1, 1, 1));
        assertEquals(2, (int) back.getStored(4, 5, 1));
        assertEquals(0, (int) back.getStored(5, 5, 1));

        JsonNode json = new ObjectMapper().readTree(m.sidecar().toFile());
        assertEquals("case1-liver.nii.gz", json.get("mask").asText());
        assertEquals(m.sha256(), json.get("sha256").asText());
        assertEquals(source.toString(), json.at("/derived_from/path").asText());
        assertEquals(sha256(source), json.at("/derived_from/sha256").asText());
        assertEquals("reviewer-7", json.get("editor").asText());
        assertEquals("2026-03-04T10:15:30Z", json.get("created").asText());
        assertEquals("paint", json.at("/operations/0/type").asText());
        assertEquals("disc", json.at("/operations/0/parameters/shape").asText());
        assertEquals("AXIAL", json.at("/operations/0/parameters/plane").asText());
        assertEquals(1.5, json.at("/operations/0/parameters/radius_mm").asDouble());
        assertEquals(4, json.at("/operations/0/parameters/centre/0").asInt());
        assertEquals(2, json.at("/operations/1/parameters/only_label").asInt());
        assertEquals(1, json.at("/operations/1/parameters/max/1").asInt());
    }

    @Test
    void refusesAMissingSourceAndNeverOverwritesAnArtifact(@TempDir Path dir) throws Exception {
        Volume labels = Volume.allocate(BrushGeometryTest.grid(2, 2, 1, 1, 1, 1), VoxelType.UINT8);
        CorrectedMaskWriter writer = new CorrectedMaskWriter(Clock.fixed(NOW, ZoneOffset.UTC));
        var missing = assertThrows(NoSuchFileException.class,
                () -> writer.write(labels, List.of(), dir.resolve("absent.nii.gz"), "r1", dir, "out"));
        assertEquals(dir.resolve("absent.nii.gz").toString(), missing.getFile());
        Path source = Files.writeString(dir.resolve("source.nii.gz"), "x");
        writer.write(labels, List.of(), source, "r1", dir, "out");
        assertThrows(FileAlreadyExistsException.class, () -> writer.write(labels, List.of(), source, "r1", dir, "out"));
    }
}
