package dev.attest.inference.registry;

/** An id the registry has no model for, or a model listed as broken that was asked to run. */
public final class UnknownModelException extends RuntimeException {
    private final String id;

    public UnknownModelException(String id, String message) {
        super(message);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
