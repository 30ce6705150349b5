package dev.attest.dicom.pixel;

import dev.attest.dicom.DicomFile;
import dev.attest.dicom.io.DicomReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Locates the shared test data (system property attest.data, set by Surefire) and small helpers. */
final class TestData {
    private TestData() {
    }

    static Path root() {
        String configured = System.getProperty("attest.data");
        Path p = configured != null ? Path.of(configured) : Path.of("../../shared/data");
        return p.toAbsolutePath().normalize();
    }

    static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("test data missing: " + p);
        }
        return p;
    }

    static DicomFile read(String relative) throws IOException {
        return DicomReader.read(path(relative));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
