package dev.attest.dicom.series;

/** Something about a series' geometry or pixels that a reader must be told about. */
public record SeriesWarning(Kind kind, String message) {
    /** The kinds of warning, each shown to the user as a visible flag. */
    public enum Kind {
        GANTRY_TILT, NON_UNIFORM_SPACING, MISSING_SLICES, LOSSY_COMPRESSION, VARYING_RESCALE,
        NO_GEOMETRY, SINGLE_SLICE, SPLIT_SERIES, RESAMPLED,
        /** The pixel data uses a transfer syntax no registered codec decodes: the series cannot be opened. */
        UNDECODABLE
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
