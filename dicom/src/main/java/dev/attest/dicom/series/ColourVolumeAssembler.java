package dev.attest.dicom.series;

import dev.attest.core.volume.ColourVolume;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VolumeLoadException;
import dev.attest.core.volume.VoxelType;
import dev.attest.dicom.DicomException;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.pixel.PaletteLut;
import dev.attest.dicom.pixel.PixelDecoder;
import dev.attest.dicom.pixel.PixelDescription;
import dev.attest.dicom.pixel.StoredPixels;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link ColourVolume} from a stack of colour frames: three-sample images (RGB, and YBR,
 * which the pixel decoders already turn into RGB) split into channel volumes, and PALETTE COLOR
 * images looked up through their palette at load, keeping the indices beside the colours.
 *
 * <p>Each channel is a lazy volume whose loader decodes its frame through the decoder's
 * {@link dev.attest.dicom.pixel.FrameCache}, so the three channels of one slice cost one decode
 * as long as the cache holds the frame.
 */
public final class ColourVolumeAssembler {
    private ColourVolumeAssembler() {
    }

    /** Whether the stack's frames are colour (three samples per pixel, or palette colour) rather than grey. */
    public static boolean isColour(StackGeometry stack) {
        DicomFile head = stack.frames().get(0).file();
        String photometric = head.dataset().getString(Tag.PhotometricInterpretation, "").trim();
        return head.dataset().getInt(Tag.SamplesPerPixel, 1) == 3 || photometric.equals("PALETTE COLOR");
    }

    /** A colour volume whose slices are decoded the first time they are asked for. */
    public static ColourVolume lazy(StackGeometry stack) throws DicomException {
        List<ImageFrame> frames = stack.frames();
        String source = frames.get(0).file().source();
        Map<DicomFile, PixelDecoder> decoders = new IdentityHashMap<>();
        for (ImageFrame f : frames) {
            if (!decoders.containsKey(f.file())) {
                decoders.put(f.file(), PixelDecoder.open(f.file()));
            }
        }
        PixelDescription first = decoders.get(frames.get(0).file()).description();
        for (PixelDecoder d : decoders.values()) {
            PixelDescription other = d.description();
            if (other.dtype() != first.dtype() || other.samplesPerPixel() != first.samplesPerPixel()
                    || !other.photometric().equals(first.photometric())) {
                throw new DicomException(source, "the stack mixes pixel formats (" + first.photometric() + " "
                        + first.dtype().dtypeName() + " and " + other.photometric() + " " + other.dtype().dtypeName() + ")");
            }
        }
        String name = frames.get(0).file().dataset().getString(Tag.SeriesDescription, source);
        ColourVolume colour;
        if (first.photometric().equals("PALETTE COLOR") && first.samplesPerPixel() == 1) {
            colour = palette(stack, decoders, first, source);
        } else if (first.samplesPerPixel() == 3) {
            colour = threeSample(stack, decoders, first, source);
        } else {
            throw new DicomException(source, first.photometric() + " with " + first.samplesPerPixel()
                    + " sample(s) per pixel is not a colour image Attest can show");
        }
        String[] names = {"red", "green", "blue"};
        for (int c = 0; c < 3; c++) {
            colour.channel(c).setName(name + " (" + names[c] + ")");
            colour.channel(c).properties().put("photometric", first.photometric());
        }
        if (colour.indices() != null) {
            colour.indices().setName(name + " (palette index)");
        }
        return colour;
    }

    /** A fully decoded colour volume. */
    public static ColourVolume load(StackGeometry stack) throws DicomException {
        ColourVolume colour = lazy(stack);
        try {
            colour.loadAll(Math.max(1, Runtime.getRuntime().availableProcessors()));
        } catch (VolumeLoadException e) {
            throw VolumeAssembler.loadFailure(e, stack);
        }
        return colour;
    }

    private static ColourVolume threeSample(StackGeometry stack, Map<DicomFile, PixelDecoder> decoders,
                                            PixelDescription d, String source) throws DicomException {
        VoxelType type = switch (d.dtype()) {
            case UINT8 -> VoxelType.UINT8;
            case UINT16 -> VoxelType.UINT16;
            case UINT32 -> VoxelType.UINT32;
            default -> throw new DicomException(source, "colour samples of type " + d.dtype().dtypeName()
                    + " cannot be shown; only unsigned 8-, 16- and 32-bit colour is supported");
        };
        Volume[] channels = new Volume[3];
        for (int c = 0; c < 3; c++) {
            int channel = c;
            channels[c] = Volume.lazy(stack.grid(), type, (z, slice) -> {
                StoredPixels rgb = decodeRgb(stack.frames().get(z), decoders, z);
                deinterleave(rgb.array(), channel, slice);
            });
        }
        long max = (1L << d.bitsStored()) - 1;
        return new ColourVolume(channels[0], channels[1], channels[2], max, null, d.photometric());
    }

    private static ColourVolume palette(StackGeometry stack, Map<DicomFile, PixelDecoder> decoders,
                                        PixelDescription d, String source) throws DicomException {
        Map<DicomFile, PaletteLut> luts = new IdentityHashMap<>();
        for (DicomFile f : decoders.keySet()) {
            luts.put(f, PaletteLut.of(f));
        }
        PaletteLut head = luts.get(stack.frames().get(0).file());
        VoxelType indexType = switch (d.dtype()) {
            case UINT8 -> VoxelType.UINT8;
            case INT8 -> VoxelType.INT8;
            case UINT16 -> VoxelType.UINT16;
            case INT16 -> VoxelType.INT16;
            default -> throw new DicomException(source, "palette indices of type " + d.dtype().dtypeName()
                    + " are not supported (PS3.3 allows 8 and 16 bits)");
        };
        for (PaletteLut lut : luts.values()) {
            if (lut.bitsPerEntry() != head.bitsPerEntry()) {
                throw new DicomException(source, "the stack mixes 8- and 16-bit palettes");
            }
        }
        VoxelType channelType = head.bitsPerEntry() == 8 ? VoxelType.UINT8 : VoxelType.UINT16;
        List<ImageFrame> frames = stack.frames();
        Volume indices = Volume.lazy(stack.grid(), indexType, (z, slice) -> {
            ImageFrame frame = frames.get(z);
            try {
                decoders.get(frame.file()).decodeInto(frame.frameIndex(), slice, 0);
            } catch (DicomException e) {
                throw new IOException("slice " + z + ": " + e.getMessage(), e);
            }
        });
        Volume[] channels = new Volume[3];
        for (int c = 0; c < 3; c++) {
            int channel = c;
            channels[c] = Volume.lazy(stack.grid(), channelType, (z, slice) -> {
                PaletteLut lut = luts.get(frames.get(z).file());
                Object stored = indices.sliceArray(z);
                boolean signed = indexType.isSigned();
                for (int i = 0, n = java.lang.reflect.Array.getLength(slice); i < n; i++) {
                    int colour = lut.lookup(channel, index(stored, i, signed));
                    if (slice instanceof byte[] b) {
                        b[i] = (byte) colour;
                    } else {
                        ((short[]) slice)[i] = (short) colour;
                    }
                }
            });
        }
        long max = head.bitsPerEntry() == 8 ? 255 : 65535;
        return new ColourVolume(channels[0], channels[1], channels[2], max, indices, d.photometric());
    }

    private static long index(Object stored, int i, boolean signed) {
        return switch (stored) {
            case byte[] b -> signed ? b[i] : b[i] & 0xFF;
            case short[] s -> signed ? s[i] : s[i] & 0xFFFF;
            default -> throw new IllegalStateException("not a palette index slice: " + stored.getClass());
        };
    }

    /** Frame z decoded (through the cache) and checked to be RGB. */
    private static StoredPixels decodeRgb(ImageFrame frame, Map<DicomFile, PixelDecoder> decoders, int z) throws IOException {
        StoredPixels pixels;
        try {
            pixels = decoders.get(frame.file()).decodeFrame(frame.frameIndex());
        } catch (DicomException e) {
            throw new IOException("slice " + z + ": " + e.getMessage(), e);
        }
        if (!pixels.photometric().equals("RGB")) {
            throw new IOException("slice " + z + ": " + frame.file().source() + ": decoded samples are "
                    + pixels.photometric() + ", not RGB", new DicomException(frame.file().source(),
                    "decoded samples are " + pixels.photometric() + ", not RGB"));
        }
        return pixels;
    }

    /** Copies sample {@code channel} of every interleaved pixel into one channel's slice array. */
    private static void deinterleave(Object interleaved, int channel, Object slice) {
        switch (slice) {
            case byte[] out -> {
                byte[] in = (byte[]) interleaved;
                for (int i = 0, j = channel; i < out.length; i++, j += 3) {
                    out[i] = in[j];
                }
            }
            case short[] out -> {
                short[] in = (short[]) interleaved;
                for (int i = 0, j = channel; i < out.length; i++, j += 3) {
                    out[i] = in[j];
                }
            }
            case int[] out -> {
                int[] in = (int[]) interleaved;
                for (int i = 0, j = channel; i < out.length; i++, j += 3) {
                    out[i] = in[j];
                }
            }
            default -> throw new IllegalStateException("not a colour channel slice: " + slice.getClass());
        }
    }
}
