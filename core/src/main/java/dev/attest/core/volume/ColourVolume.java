package dev.attest.core.volume;

import dev.attest.core.geometry.ImageGrid;
import java.util.Objects;
import java.util.Optional;

/**
 * A colour image placed in patient space: three channel volumes (red, green, blue) of one
 * unsigned integer type on one grid, and for palette-colour images the stored index volume the
 * colours were looked up from, kept so the cursor readout can show what the file holds.
 *
 * <p>Channels rather than packed pixels, so every scalar tool (the plane resampler, NIfTI export,
 * statistics) works on a channel unchanged, and 16-bit colour keeps its full precision.
 *
 * @param red        red samples, UINT8, UINT16 or UINT32
 * @param green      green samples, same type and grid as red
 * @param blue       blue samples, same type and grid as red
 * @param maxValue   the sample value that means full intensity: 255 for 8-bit channels, 65535
 *                   for 16-bit ones, 2^bits - 1 in general
 * @param indices    for palette colour, the stored palette indices on the same grid; else null
 * @param photometric the source's photometric interpretation ("RGB", "YBR_FULL_422", "PALETTE COLOR", ...)
 */
public record ColourVolume(Volume red, Volume green, Volume blue, long maxValue, Volume indices, String photometric) {

    public ColourVolume {
        Objects.requireNonNull(red, "red");
        Objects.requireNonNull(green, "green");
        Objects.requireNonNull(blue, "blue");
        Objects.requireNonNull(photometric, "photometric");
        VoxelType type = red.type();
        if (type != VoxelType.UINT8 && type != VoxelType.UINT16 && type != VoxelType.UINT32) {
            throw new IllegalArgumentException("colour channels must be UINT8, UINT16 or UINT32, got " + type);
        }
        for (Volume channel : new Volume[] {green, blue}) {
            if (channel.type() != type) {
                throw new IllegalArgumentException("colour channels mix " + type + " and " + channel.type());
            }
            if (!channel.grid().equals(red.grid())) {
                throw new IllegalArgumentException("colour channels lie on different grids: " + red.grid() + " and " + channel.grid());
            }
        }
        if (indices != null && !indices.grid().equals(red.grid())) {
            throw new IllegalArgumentException("palette indices lie on " + indices.grid() + ", the colours on " + red.grid());
        }
        if (maxValue < 1 || maxValue > type.maxValue()) {
            throw new IllegalArgumentException("full intensity " + maxValue + " does not fit " + type);
        }
    }

    public ImageGrid grid() {
        return red.grid();
    }

    public VoxelType channelType() {
        return red.type();
    }

    /** Channel 0 (red), 1 (green) or 2 (blue). */
    public Volume channel(int c) {
        return switch (c) {
            case 0 -> red;
            case 1 -> green;
            case 2 -> blue;
            default -> throw new IndexOutOfBoundsException("channel " + c + " is not 0, 1 or 2");
        };
    }

    /** The palette indices of a palette-colour image. */
    public Optional<Volume> paletteIndices() {
        return Optional.ofNullable(indices);
    }

    /** The three stored samples at (x, y, z), unsigned. */
    public long[] rgb(int x, int y, int z) {
        return new long[] {(long) red.getStored(x, y, z), (long) green.getStored(x, y, z), (long) blue.getStored(x, y, z)};
    }

    /**
     * What the status bar shows under the cursor: "R G B = r g b", prefixed with the palette
     * index for palette colour ("index 17 → R G B = ...").
     */
    public String readout(int x, int y, int z) {
        long[] v = rgb(x, y, z);
        String rgb = "R G B = " + v[0] + " " + v[1] + " " + v[2];
        return indices == null ? rgb : "index " + (long) indices.getStored(x, y, z) + " \u2192 " + rgb;
    }

    /** Loads every slice of every channel (and of the indices) with the given number of threads. */
    public void loadAll(int parallelism) {
        red.loadAll(parallelism);
        green.loadAll(parallelism);
        blue.loadAll(parallelism);
        if (indices != null) {
            indices.loadAll(parallelism);
        }
    }
}
