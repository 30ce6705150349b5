package dev.attest.core.volume;

import java.io.IOException;

/** Thrown when a lazily loaded slice could not be read; it names the volume and the slice. */
public final class VolumeLoadException extends RuntimeException {

    private final int slice;

    public VolumeLoadException(String volumeName, int slice, IOException cause) {
        super("could not load slice " + slice + " of volume '" + volumeName + "': " + cause.getMessage(), cause);
        this.slice = slice;
    }

    public int slice() {
        return slice;
    }

    @Override
    public synchronized IOException getCause() {
        return (IOException) super.getCause();
    }
}
