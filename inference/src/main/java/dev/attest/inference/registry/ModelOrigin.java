package dev.attest.inference.registry;

/** Where a registered model comes from: shipped inside Attest, or imported by the user. */
public enum ModelOrigin {
    BUILT_IN, USER;

    /** The word shown in tables: "built-in" or "user". */
    public String display() {
        return this == BUILT_IN ? "built-in" : "user";
    }
}
