package dev.attest.dicom.deid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-project key that makes de-identification deterministic: the same original UID or
 * patient always gets the same replacement within a project, and nobody without the key can
 * recompute the mapping from the originals. Kept by the workstation, never exported.
 */
public final class ProjectSecret {
    private final byte[] key;

    private ProjectSecret(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a project secret needs at least 16 bytes, got " + key.length);
        }
        this.key = key.clone();
    }

    public static ProjectSecret of(byte[] key) {
        return new ProjectSecret(key);
    }

    /** A fresh random 256-bit secret for a new project. */
    public static ProjectSecret generate() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new ProjectSecret(key);
    }

    public static ProjectSecret fromHex(String hex) {
        return new ProjectSecret(HexFormat.of().parseHex(hex.trim()));
    }

    /** The key as hex, for the workstation to store beside the project. */
    public String toHex() {
        return HexFormat.of().formatHex(key);
    }

    /**
     * HMAC-SHA256 of {@code value} under this key, domain-separated by {@code purpose} so that the
     * digest used for UIDs never equals the one used for date offsets.
     */
    public byte[] hmac(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectSecret other && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "ProjectSecret[hidden]";
    }
}
