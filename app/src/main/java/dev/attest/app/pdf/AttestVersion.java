package dev.attest.app.pdf;

/** The Attest version a report names: the jar's implementation version, else "development" (run from classes). */
final class AttestVersion {
    private AttestVersion() {
    }

    static String current() {
        String v = AttestVersion.class.getPackage().getImplementationVersion();
        return v != null ? v : "development";
    }
}
