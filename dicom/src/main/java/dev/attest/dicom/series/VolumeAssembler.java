package dev.attest.dicom.series;

import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.dicom.DicomException;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.pixel.PixelDecoder;
import dev.attest.dicom.pixel.PixelDescription;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/**
 * Builds a {@link Volume} from a stack: the grid from {@link StackGeometry}, slices decoded on
 * demand straight into the volume's primitive slice arrays (no intermediate copies), one
 * rescale per slice when slopes differ. Decoding runs in parallel when the whole volume is
 * loaded; each instance's decoder is opened once and shared (decoders are thread-safe).
 *
 * <p>Slices do not go through the {@link dev.attest.dicom.pixel.FrameCache}: the volume's slice
 * arrays are already the decoded frames, held once, and the volume keeps them for as long as it
 * lives, so caching them as well would double the memory of every open volume and evict the
 * frames viewed one by one. A frame the cache happens to hold is copied instead of decoded.
 */
public final class VolumeAssembler {
    private VolumeAssembler() {
    }

    /** A volume whose slices are decoded the first time they are asked for. */
    public static Volume lazy(StackGeometry stack) throws DicomException {
        List<ImageFrame> frames = stack.frames();
        Map<DicomFile, PixelDecoder> decoders = new IdentityHashMap<>();
        for (ImageFrame f : frames) {
            if (!decoders.containsKey(f.file())) {
                decoders.put(f.file(), PixelDecoder.open(f.file()));
            }
        }
        PixelDescription first = decoders.get(frames.get(0).file()).description();
        VoxelType type = voxelType(first, frames.get(0).file().source());
        for (PixelDecoder d : decoders.values()) {
            PixelDescription other = d.description();
            if (other.dtype() != first.dtype() || other.samplesPerPixel() != 1) {
                throw new DicomException(frames.get(0).file().source(), "the stack mixes pixel formats ("
                        + first.dtype().dtypeName() + " and " + other.dtype().dtypeName() + ")");
            }
        }
        Volume volume = Volume.lazy(stack.grid(), type, (z, slice) -> {
            ImageFrame frame = frames.get(z);
            try {
                decoders.get(frame.file()).decodeInto(frame.frameIndex(), slice, 0);
            } catch (DicomException e) {
                throw new IOException("slice " + z + ": " + e.getMessage(), e);
            }
        });
        double[] slopes = new double[frames.size()];
        double[] intercepts = new double[frames.size()];
        for (int z = 0; z < frames.size(); z++) {
            slopes[z] = frames.get(z).slope();
            intercepts[z] = frames.get(z).intercept();
        }
        volume.setSliceRescale(slopes, intercepts);
        DicomFile head = frames.get(0).file();
        volume.setName(head.dataset().getString(dev.attest.dicom.Tag.SeriesDescription, head.source()));
        volume.properties().put("photometric", first.photometric());
        return volume;
    }

    /** A fully decoded volume, slices decoded in parallel on the common pool. */
    public static Volume load(StackGeometry stack) throws DicomException {
        return load(stack, ProgressListener.NONE, new Cancellation());
    }

    public static Volume load(StackGeometry stack, ProgressListener progress, Cancellation cancel) throws DicomException {
        Volume volume = lazy(stack);
        try {
            volume.loadAll(ForkJoinPool.commonPool(), progress, cancel);
        } catch (dev.attest.core.volume.VolumeLoadException e) {
            throw loadFailure(e, stack);
        }
        return volume;
    }

    /**
     * The error to report for a failed slice load: the DICOM error that caused it (it names the
     * file and what was wrong), else one naming the stack's first file.
     */
    static DicomException loadFailure(dev.attest.core.volume.VolumeLoadException e, StackGeometry stack) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof DicomException)) {
            cause = cause.getCause();
        }
        return cause instanceof DicomException de ? de
                : new DicomException(stack.frames().get(0).file().source(), e.getMessage(), e);
    }

    /**
     * The voxel type for decoded samples. Unsigned 16-bit data with at most 15 bits stored is kept
     * as INT16 (same bits, every value fits), as dcm2niix does, because NIfTI tools handle int16
     * far better than uint16.
     */
    static VoxelType voxelType(PixelDescription d, String source) throws DicomException {
        if (d.samplesPerPixel() != 1) {
            throw new DicomException(source, "colour images (" + d.photometric()
                    + ") cannot form a scalar volume; open them with ColourVolumeAssembler");
        }
        return switch (d.dtype()) {
            case UINT8 -> VoxelType.UINT8;
            case INT8 -> VoxelType.INT8;
            case UINT16 -> d.bitsStored() <= 15 ? VoxelType.INT16 : VoxelType.UINT16;
            case INT16 -> VoxelType.INT16;
            case UINT32 -> VoxelType.UINT32;
            case INT32 -> VoxelType.INT32;
            case FLOAT32 -> VoxelType.FLOAT32;
            case FLOAT64 -> VoxelType.FLOAT64;
            case UINT64, INT64 -> throw new DicomException(source, "64-bit integer pixels cannot form a volume");
        };
    }
}
