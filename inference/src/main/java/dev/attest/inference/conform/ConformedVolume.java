package dev.attest.inference.conform;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.volume.Volume;

/**
 * A brain volume conformed for brainchop models, with the grid it came from so that label maps can be
 * mapped back; {@code resampled} is false when the input was already conformed and is returned as is.
 */
public record ConformedVolume(Volume volume, ImageGrid source, boolean resampled) {
}
