package dev.attest.annotation.store;

/** The project's schema is newer than this version of Attest understands, so opening it would risk damaging it. */
public final class SchemaVersionException extends ProjectStoreException {
    public SchemaVersionException(String message) {
        super(message);
    }
}
