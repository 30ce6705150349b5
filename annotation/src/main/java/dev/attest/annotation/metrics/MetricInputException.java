package dev.attest.annotation.metrics;

/** Thrown when the input to a metric cannot be measured as given; the message says which input and why. */
public class MetricInputException extends IllegalArgumentException {
    public MetricInputException(String message) {
        super(message);
    }
}
