package dev.attest.inference.registry;

/**
 * What the registry knows about a model in this session. Listing never reads weights, so a model is
 * {@code AVAILABLE} until it is verified or loaded.
 */
public enum ModelStatus {
    /** The manifest reads well; weights not checked yet in this session. */
    AVAILABLE,
    /** Every file matched its manifest sha256. */
    VERIFIED,
    /** Verified and loaded on an engine. */
    LOADED,
    /** A file is missing or its sha256 differs from the manifest. */
    MISMATCH,
    /** The manifest cannot be read or is incomplete; see the entry's problem. */
    BROKEN;

    public String display() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
