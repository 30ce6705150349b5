package dev.attest.inference.probe;

/** A perturbation written on the command line that cannot be read; the message quotes it and says why. */
public final class PerturbationSpecException extends IllegalArgumentException {
    public PerturbationSpecException(String spec, String why) {
        super("perturbation '" + spec + "': " + why);
    }
}
