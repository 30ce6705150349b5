package dev.attest.inference.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hex, the form manifests carry. */
public final class Sha256 {
    private Sha256() {
    }

    public static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in);
        }
    }

    /** Digests a stream to its end (does not close it). */
    public static String of(InputStream in) throws IOException {
        MessageDigest md = newDigest();
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Copies a stream to a file and returns the digest of what was written, in one pass. */
    public static String copy(InputStream in, Path target) throws IOException {
        MessageDigest md = newDigest();
        try (DigestInputStream din = new DigestInputStream(in, md)) {
            Files.copy(din, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static boolean isHex(String s) {
        return s != null && s.length() == 64 && s.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
