package dev.attest.annotation.edit;

/** Thrown when a volume cannot be edited as a label map; the message names the volume and the reason. */
public final class UnsupportedLabelMapException extends IllegalArgumentException {
    public UnsupportedLabelMapException(String volume, String reason) {
        super("cannot edit '" + volume + "' as a label map: " + reason);
    }
}
