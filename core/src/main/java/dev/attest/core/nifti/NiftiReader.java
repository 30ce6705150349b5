package dev.attest.core.nifti;

import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Rescale;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads single-file NIfTI-1 and NIfTI-2 images (.nii, gzipped or not, either byte order) into an
 * LPS {@link Volume}. This is where NIfTI's RAS convention is converted; nothing downstream sees RAS.
 */
public final class NiftiReader {

    /** The JVM cannot allocate arrays quite as long as Integer.MAX_VALUE. */
    private static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private NiftiReader() {
    }

    /** Reads the first 3D volume of file; see {@link NiftiImage#warnings()} for anything read leniently. */
    public static NiftiImage read(Path file) throws IOException {
        return read(file, ProgressListener.NONE, new Cancellation());
    }

    /**
     * Reads the first 3D volume of file, reporting progress per slice.
     *
     * @throws NiftiFormatException if the file is not a NIfTI image this reader can hold
     * @throws dev.attest.core.progress.CancelledException if cancelled between slices
     */
    public static NiftiImage read(Path file, ProgressListener progress, Cancellation cancellation) throws IOException {
        try (NiftiInput in = NiftiInput.open(file)) {
            NiftiHeader header = readHeader(in, file);
            List<String> warnings = new ArrayList<>();
            VoxelType type = voxelType(header, file, warnings);
            requireValidDims(header, file);
            int sizeX = spatialSize(header, 1, file);
            int sizeY = spatialSize(header, 2, file);
            int sizeZ = spatialSize(header, 3, file);
            long sliceBytes = (long) sizeX * sizeY * type.bytes();
            if (sliceBytes > MAX_ARRAY_LENGTH) {
                throw new NiftiFormatException(file, "a slice of " + sizeX + " x " + sizeY + " " + type
                        + " voxels is too large to hold");
            }
            if (header.volumeCount() > 1) {
                warnings.add("file holds " + header.volumeCount() + " volumes; only the first was read");
            }
            long voxOffset = voxOffset(header, file, warnings);
            requireDataFits(in, header, voxOffset, sliceBytes * sizeZ, file);

            List<NiftiExtension> extensions = readExtensions(in, header, voxOffset, file, warnings);
            in.skipTo(voxOffset);
            Object[] slices = readSlices(in, header.byteOrder(), type, sizeX * sizeY, sizeZ, file, progress, cancellation);

            NiftiGridPlacer.Placement placement = NiftiGridPlacer.place(header, sizeX, sizeY, sizeZ, warnings);
            Volume volume = Volume.wrap(placement.grid(), type, slices);
            volume.setRescale(rescale(header, warnings));
            volume.setName(baseName(file));
            volume.properties().put("source.file", file.toString());
            volume.properties().put("nifti.version", header.version().name());
            volume.properties().put("nifti.transform", placement.source().name());
            if (!header.description().isEmpty()) {
                volume.properties().put("nifti.descrip", header.description());
            }
            return new NiftiImage(header, volume, extensions, warnings);
        }
    }

    /** Reads only the header, for scanning folders without reading voxel data. */
    public static NiftiHeader readHeader(Path file) throws IOException {
        try (NiftiInput in = NiftiInput.open(file)) {
            return readHeader(in, file);
        }
    }

    private static NiftiHeader readHeader(NiftiInput in, Path file) throws IOException {
        byte[] first4 = new byte[4];
        int n = in.read(first4, 0, 4);
        if (n < 4) {
            throw new NiftiFormatException(file, "file holds " + n + " bytes, too few for a NIfTI header");
        }
        NiftiHeaderCodec.Format format = NiftiHeaderCodec.detect(first4, file);
        int size = format.version().headerSize();
        byte[] header = new byte[size];
        System.arraycopy(first4, 0, header, 0, 4);
        int rest = in.read(header, 4, size - 4);
        if (rest < size - 4) {
            throw new NiftiFormatException(file, "header is cut off after " + (4 + rest) + " of " + size + " bytes");
        }
        return NiftiHeaderCodec.decode(header, format, file);
    }

    private static VoxelType voxelType(NiftiHeader header, Path file, List<String> warnings) throws NiftiFormatException {
        int code = header.datatype();
        NiftiDatatype datatype = header.niftiDatatype().orElseThrow(() ->
                new NiftiFormatException(file, "unknown datatype code " + code + " in the header"));
        VoxelType type = datatype.voxelType().orElseThrow(() -> new UnsupportedNiftiDatatypeException(file, code,
                "unsupported datatype " + datatype + " (code " + code + "): " + whyUnsupported(datatype)));
        if (header.bitpix() != datatype.bitpix()) {
            warnings.add("bitpix " + header.bitpix() + " does not match datatype " + datatype + "; using " + datatype.bitpix());
        }
        return type;
    }

    private static String whyUnsupported(NiftiDatatype datatype) {
        return switch (datatype) {
            case INT64, UINT64 -> "64-bit integers do not fit the volume types; convert to int32 or float64";
            case RGB24, RGBA32 -> "colour images are not scalar volumes";
            case COMPLEX64, COMPLEX128, COMPLEX256 -> "complex values are not scalar volumes";
            case FLOAT128 -> "128-bit floats have no Java type";
            default -> "1-bit data is not read";
        };
    }

    private static void requireValidDims(NiftiHeader header, Path file) throws NiftiFormatException {
        long rank = header.dim(0);
        if (rank < 1 || rank > 7) {
            throw new NiftiFormatException(file, "dim[0] is " + rank + ", expected 1 to 7");
        }
        for (int i = 1; i <= rank; i++) {
            if (header.dim(i) <= 0) {
                throw new NiftiFormatException(file, "dim[" + i + "] is " + header.dim(i) + ", must be positive");
            }
        }
    }

    private static int spatialSize(NiftiHeader header, int n, Path file) throws NiftiFormatException {
        long size = header.size(n);
        if (size > Integer.MAX_VALUE) {
            throw new NiftiFormatException(file, "dim[" + n + "] is " + size + ", too large to hold");
        }
        return (int) size;
    }

    private static long voxOffset(NiftiHeader header, Path file, List<String> warnings) throws NiftiFormatException {
        long offset = header.voxOffset();
        int minimum = header.version().extensionsStart();
        if (offset == 0) {
            // Some old writers leave vox_offset at 0 in single files; the data can only start here.
            warnings.add("vox_offset is 0; reading data from byte " + minimum);
            return minimum;
        }
        if (offset < minimum) {
            throw new NiftiFormatException(file, "vox_offset " + offset + " lies inside the "
                    + header.version().headerSize() + "-byte header");
        }
        return offset;
    }

    private static void requireDataFits(NiftiInput in, NiftiHeader header, long voxOffset, long dataBytes, Path file)
            throws NiftiFormatException {
        long available = in.maxAvailable();
        if (voxOffset > available) {
            throw new NiftiFormatException(file, "vox_offset " + voxOffset + " is beyond the end of the file ("
                    + in.fileSize() + " bytes" + (in.isGzip() ? " compressed" : "") + ")");
        }
        if (dataBytes > available - voxOffset) {
            String shape = header.size(1) + " x " + header.size(2) + " x " + header.size(3) + " "
                    + header.niftiDatatype().map(Enum::name).orElse("?");
            throw new NiftiFormatException(file, "voxel data is shorter than the header says: " + shape + " needs "
                    + dataBytes + " bytes from offset " + voxOffset + ", but the file "
                    + (in.isGzip() ? "(" + in.fileSize() + " bytes compressed) cannot hold that many"
                            : "has only " + in.fileSize() + " bytes"));
        }
    }

    /** Reads the extension blocks between the header and the data, tolerating malformed ones. */
    private static List<NiftiExtension> readExtensions(NiftiInput in, NiftiHeader header, long voxOffset, Path file,
            List<String> warnings) throws IOException {
        List<NiftiExtension> extensions = new ArrayList<>();
        int start = header.version().extensionsStart();
        if (voxOffset < start) {
            return extensions;
        }
        byte[] extender = new byte[4];
        if (in.read(extender, 0, 4) < 4 || extender[0] == 0) {
            return extensions;
        }
        byte[] prefix = new byte[8];
        ByteBuffer prefixBuffer = ByteBuffer.wrap(prefix).order(header.byteOrder());
        while (in.position() + 8 <= voxOffset) {
            long at = in.position();
            if (in.read(prefix, 0, 8) < 8) {
                throw new NiftiFormatException(file, "file ends inside the extension at offset " + at);
            }
            int esize = prefixBuffer.getInt(0);
            int ecode = prefixBuffer.getInt(4);
            if (esize < 8 || esize > voxOffset - at) {
                warnings.add("extension at offset " + at + " has esize " + esize
                        + ", which does not fit before vox_offset " + voxOffset + "; it and any after it were skipped");
                break;
            }
            if (esize % 16 != 0) {
                warnings.add("extension at offset " + at + " has esize " + esize + ", not a multiple of 16");
            }
            byte[] content = new byte[esize - 8];
            if (in.read(content, 0, content.length) < content.length) {
                throw new NiftiFormatException(file, "file ends inside the extension at offset " + at);
            }
            extensions.add(new NiftiExtension(ecode, content));
        }
        return extensions;
    }

    /**
     * Reads slice after slice, allocating each only once its bytes are at hand, so a gzip file
     * whose header lies about its size fails after at most one slice of wasted memory.
     */
    private static Object[] readSlices(NiftiInput in, ByteOrder order, VoxelType type, int sliceLength, int sizeZ,
            Path file, ProgressListener progress, Cancellation cancellation) throws IOException {
        int sliceBytes = sliceLength * type.bytes();
        Object[] slices = new Object[sizeZ];
        byte[] buffer = new byte[sliceBytes];
        ByteBuffer view = ByteBuffer.wrap(buffer).order(order);
        long expected = (long) sliceBytes * sizeZ;
        for (int z = 0; z < sizeZ; z++) {
            cancellation.throwIfCancelled();
            int n = in.read(buffer, 0, sliceBytes);
            if (n < sliceBytes) {
                throw new NiftiFormatException(file, "voxel data ends after " + ((long) sliceBytes * z + n) + " of "
                        + expected + " bytes (in slice " + z + ")");
            }
            Object slice = type.newSliceArray(sliceLength);
            VoxelBytes.decode(view.position(0), slice);
            slices[z] = slice;
            progress.progress(z + 1, sizeZ, "reading " + file.getFileName());
        }
        return slices;
    }

    /** scl_slope 0 or NaN means "no scaling" in the standard; NaN intercept with a real slope means 0. */
    private static Rescale rescale(NiftiHeader header, List<String> warnings) {
        double slope = header.sclSlope();
        double intercept = header.sclInter();
        if (slope == 0 || Double.isNaN(slope)) {
            return Rescale.IDENTITY;
        }
        if (Double.isInfinite(slope) || Double.isInfinite(intercept)) {
            warnings.add("scl_slope " + slope + " / scl_inter " + intercept + " are not finite; ignored");
            return Rescale.IDENTITY;
        }
        return new Rescale(slope, Double.isNaN(intercept) ? 0 : intercept);
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        for (String suffix : new String[] {".nii.gz", ".nii", ".gz"}) {
            if (name.regionMatches(true, name.length() - suffix.length(), suffix, 0, suffix.length())) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
