package dev.attest.annotation.edit;

import dev.attest.core.volume.Rescale;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;

/**
 * Reads and writes the stored values of a UINT8 or UINT16 label map by linear voxel index
 * (k × sizeX × sizeY + j × sizeX + i), straight on the slice arrays: an edit touches up to
 * millions of voxels and Volume's per-voxel double accessors would dominate its cost.
 */
final class LabelMapAccess {
    final Volume volume;
    final int sizeX;
    final int sizeY;
    final int sizeZ;
    final int sliceLength;
    final int maxLabel;
    private final boolean bytes;

    LabelMapAccess(Volume volume) {
        this.volume = volume;
        String name = describe(volume);
        if (volume.type() != VoxelType.UINT8 && volume.type() != VoxelType.UINT16) {
            throw new UnsupportedLabelMapException(name, "voxel type is " + volume.type() + ", not UINT8 or UINT16");
        }
        if (!volume.hasUniformRescale() || !volume.rescale().equals(Rescale.IDENTITY)) {
            throw new UnsupportedLabelMapException(name, "stored values are rescaled, so a stored value is not a label");
        }
        if (volume.grid().voxelCount() > Integer.MAX_VALUE) {
            throw new UnsupportedLabelMapException(name, volume.grid().voxelCount()
                    + " voxels exceed the 2^31 - 1 that int voxel indices in the undo history can address");
        }
        this.sizeX = volume.grid().sizeX();
        this.sizeY = volume.grid().sizeY();
        this.sizeZ = volume.grid().sizeZ();
        this.sliceLength = sizeX * sizeY;
        this.bytes = volume.type() == VoxelType.UINT8;
        this.maxLabel = bytes ? 255 : 65535;
    }

    static String describe(Volume volume) {
        String source = volume.properties().get("source.file");
        return source != null ? source : volume.name();
    }

    int index(int x, int y, int z) {
        return z * sliceLength + y * sizeX + x;
    }

    int get(int index) {
        Object slice = volume.sliceArray(index / sliceLength);
        int offset = index % sliceLength;
        return bytes ? ((byte[]) slice)[offset] & 0xFF : ((short[]) slice)[offset] & 0xFFFF;
    }

    void set(int index, int value) {
        Object slice = volume.sliceArray(index / sliceLength);
        int offset = index % sliceLength;
        if (bytes) {
            ((byte[]) slice)[offset] = (byte) value;
        } else {
            ((short[]) slice)[offset] = (short) value;
        }
    }

    boolean inside(int x, int y, int z) {
        return x >= 0 && y >= 0 && z >= 0 && x < sizeX && y < sizeY && z < sizeZ;
    }
}
