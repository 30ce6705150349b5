package dev.attest.app.export;

import dev.attest.dicom.deid.ProjectSecret;
import dev.attest.dicom.deid.UidMap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The project's de-identification key and UID map, kept beside project.db and never exported: the key makes
 * every export of a project give the same replacement UIDs and date offsets, and nobody without it can map them
 * back. Created on the first export.
 */
public final class ProjectKeys {
    /** The key file in the project folder (hex, owner-readable only where the file system allows). */
    public static final String SECRET = "deid-secret.hex";
    /** Original → replacement UIDs of every export so far, for the workstation only. */
    public static final String UID_MAP = "uidmap.tsv";

    private ProjectKeys() {
    }

    /** The project's key, made and stored on first use. */
    public static ProjectSecret secret(Path projectFolder) throws IOException {
        Path file = projectFolder.resolve(SECRET);
        if (!Files.exists(file)) {
            ProjectSecret fresh = ProjectSecret.generate();
            try {
                create(file, fresh.toHex() + "\n");
                return fresh;
            } catch (FileAlreadyExistsException raced) {
                // Another export made it in the meantime: use theirs.
            }
        }
        try {
            return ProjectSecret.fromHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not an Attest de-identification key (" + e.getMessage() + "); restore it"
                    + " from a backup, or remove it to start a new key (replacement UIDs will then change)", e);
        }
    }

    /** The UID map saved by earlier exports under this key, or an empty one. */
    public static UidMap uidMap(Path projectFolder, ProjectSecret secret) throws IOException {
        Path file = projectFolder.resolve(UID_MAP);
        return Files.exists(file) ? UidMap.load(file, secret) : new UidMap(secret);
    }

    /** Saves the map for the workstation (atomically). */
    public static void saveUidMap(Path projectFolder, UidMap map) throws IOException {
        map.save(projectFolder.resolve(UID_MAP));
    }

    private static void create(Path file, String text) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
