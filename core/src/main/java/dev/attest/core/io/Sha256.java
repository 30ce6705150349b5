package dev.attest.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 digests as lower-case hex: model weights, project artifacts and corrected masks are named by them. */
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
        update(md, in);
        return HexFormat.of().formatHex(md.digest());
    }

    /** The digest of the files' bytes one after another (a model's weight shards, in order). */
    public static String ofConcatenated(List<Path> files) throws IOException {
        MessageDigest md = newDigest();
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                update(md, in);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
    }

    /** Copies a stream to a file and returns the digest of what was written, in one pass. */
    public static String copy(InputStream in, Path target) throws IOException {
        MessageDigest md = newDigest();
        try (DigestInputStream din = new DigestInputStream(in, md)) {
            Files.copy(din, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Whether a string is a digest in the form {@link #of} writes: 64 lower-case hex digits. */
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
