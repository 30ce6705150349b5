package dev.attest.inference.engine;

/** A model run that failed, naming the model and what went wrong. */
public final class InferenceException extends RuntimeException {
    public InferenceException(String message, Throwable cause) {
        super(message, cause);
    }

    public InferenceException(String message) {
        super(message);
    }
}
