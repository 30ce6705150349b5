package dev.attest.dicom;

import dev.attest.dicom.io.DicomReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Locates the shared test data (../shared/data beside the repository; Surefire passes it as attest.data). */
public final class TestData {
    private TestData() {
    }

    public static Path root() {
        String configured = System.getProperty("attest.data");
        Path root = configured != null ? Path.of(configured) : Path.of("../../shared/data");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("shared test data not found at " + root.toAbsolutePath()
                    + " (set -Dattest.data=DIR)");
        }
        return root.normalize();
    }

    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("missing test data file " + p);
        }
        return p;
    }

    public static Path codecs(String relative) {
        return path("dicom-codecs/" + relative);
    }

    public static DicomFile read(String relative) throws IOException {
        return DicomReader.read(path(relative));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
