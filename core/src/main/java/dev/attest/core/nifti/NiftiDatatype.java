package dev.attest.core.nifti;

import dev.attest.core.volume.VoxelType;
import java.util.Optional;

/** The NIfTI datatype codes, each with the voxel type it maps to when Attest can hold it. */
public enum NiftiDatatype {
    BINARY(1, 1, null),
    UINT8(2, 8, VoxelType.UINT8),
    INT16(4, 16, VoxelType.INT16),
    INT32(8, 32, VoxelType.INT32),
    FLOAT32(16, 32, VoxelType.FLOAT32),
    COMPLEX64(32, 64, null),
    FLOAT64(64, 64, VoxelType.FLOAT64),
    RGB24(128, 24, null),
    INT8(256, 8, VoxelType.INT8),
    UINT16(512, 16, VoxelType.UINT16),
    UINT32(768, 32, VoxelType.UINT32),
    INT64(1024, 64, null),
    UINT64(1280, 64, null),
    FLOAT128(1536, 128, null),
    COMPLEX128(1792, 128, null),
    COMPLEX256(2048, 256, null),
    RGBA32(2304, 32, null);

    private final int code;
    private final int bitpix;
    private final VoxelType voxelType;

    NiftiDatatype(int code, int bitpix, VoxelType voxelType) {
        this.code = code;
        this.bitpix = bitpix;
        this.voxelType = voxelType;
    }

    public int code() {
        return code;
    }

    public int bitpix() {
        return bitpix;
    }

    /** The voxel type holding this datatype, empty for the types Attest does not read. */
    public Optional<VoxelType> voxelType() {
        return Optional.ofNullable(voxelType);
    }

    public static Optional<NiftiDatatype> fromCode(int code) {
        for (NiftiDatatype t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static NiftiDatatype of(VoxelType type) {
        for (NiftiDatatype t : values()) {
            if (t.voxelType == type) {
                return t;
            }
        }
        throw new IllegalArgumentException("no NIfTI datatype for " + type);
    }
}
