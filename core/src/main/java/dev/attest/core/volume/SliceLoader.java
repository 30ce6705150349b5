package dev.attest.core.volume;

import java.io.IOException;

/** Fills one slice of a lazily loaded volume, for example by decoding one DICOM frame. */
@FunctionalInterface
public interface SliceLoader {

    /**
     * Fills sliceArray, a freshly allocated primitive array of sizeX × sizeY values of the volume's
     * storage type (byte[], short[], int[], float[] or double[]), with the stored values of slice z.
     * Called at most once per slice when it succeeds, possibly from several threads for different slices.
     */
    void load(int z, Object sliceArray) throws IOException;
}
