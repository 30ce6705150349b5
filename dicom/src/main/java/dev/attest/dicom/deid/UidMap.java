package dev.attest.dicom.deid;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces instance UIDs consistently across a whole export: every occurrence of an original UID,
 * in any file and at any depth, becomes the same new UID, so references between images, SEG and
 * SR still resolve. The new UID is {@code 2.25.<decimal of the first 128 bits of
 * HMAC-SHA256(secret, uid)>}: deterministic per project, so exporting again gives the same UIDs,
 * and not invertible without the secret.
 *
 * <p>UIDs the standard defines (root 1.2.840.10008: SOP classes, transfer syntaxes, well-known
 * frames of reference, DICOM coding schemes) are never replaced. The map of what was replaced is
 * kept for the workstation (see {@link #save}) and must never be written into an export.
 * Thread-safe.
 */
public final class UidMap {
    /** The UID root of everything the DICOM standard itself defines. */
    public static final String DICOM_ROOT = "1.2.840.10008.";
    private static final String PURPOSE = "attest-uid-v1";

    private final ProjectSecret secret;
    private final Map<String, String> replaced = new ConcurrentHashMap<>();

    public UidMap(ProjectSecret secret) {
        this.secret = secret;
    }

    /** True for a UID the standard defines, which means the same thing everywhere and identifies no one. */
    public static boolean isStandard(String uid) {
        return uid.startsWith(DICOM_ROOT);
    }

    /** The replacement for {@code uid}; standard UIDs and empty values come back unchanged. */
    public String remap(String uid) {
        String u = uid.trim();
        if (u.isEmpty() || isStandard(u)) {
            return u;
        }
        return replaced.computeIfAbsent(u, this::derive);
    }

    private String derive(String uid) {
        byte[] first128 = Arrays.copyOf(secret.hmac(PURPOSE, uid), 16);
        return "2.25." + new BigInteger(1, first128);
    }

    /** How many distinct UIDs were replaced so far. */
    public int size() {
        return replaced.size();
    }

    /** Original → replacement, sorted by original; for the workstation only. */
    public Map<String, String> entries() {
        return new TreeMap<>(replaced);
    }

    /** The original UID a replacement came from, if this map replaced it. */
    public java.util.Optional<String> original(String replacement) {
        return replaced.entrySet().stream().filter(e -> e.getValue().equals(replacement)).map(Map.Entry::getKey).findFirst();
    }

    /**
     * Writes the map as tab-separated {@code original<TAB>replacement} lines (atomically), for the
     * workstation's project folder. Never put this file in an export.
     */
    public void save(Path path) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".uidmap-", ".part");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.US_ASCII)) {
                w.write("# Attest UID map: original\treplacement. Workstation only; never export.\n");
                for (Map.Entry<String, String> e : entries().entrySet()) {
                    w.write(e.getKey() + "\t" + e.getValue() + "\n");
                }
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a map written by {@link #save} for the same project. Every line is re-derived and
     * checked, so a map saved under another secret is refused rather than silently mixed in.
     */
    public static UidMap load(Path path, ProjectSecret secret) throws IOException {
        UidMap map = new UidMap(secret);
        int lineNumber = 0;
        for (String line : Files.readAllLines(path, StandardCharsets.US_ASCII)) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 2) {
                throw new IOException(path + " line " + lineNumber + ": expected original<TAB>replacement");
            }
            String derived = map.remap(f[0]);
            if (!derived.equals(f[1])) {
                throw new IOException(path + " line " + lineNumber + ": the replacement was made under another project secret");
            }
        }
        return map;
    }
}
