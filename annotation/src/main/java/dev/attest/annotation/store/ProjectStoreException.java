package dev.attest.annotation.store;

/** A project could not be opened, read or written; the message names the file and what was wrong. */
public class ProjectStoreException extends RuntimeException {
    public ProjectStoreException(String message) {
        super(message);
    }

    public ProjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
