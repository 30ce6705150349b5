package dev.attest.core.nifti;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.Vec3;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Byte offsets of the 540-byte NIfTI-2 header and the mapping to and from {@link NiftiHeader}. */
final class Nifti2Layout {

    private static final int MAGIC = 4;
    private static final int DATATYPE = 12;
    private static final int BITPIX = 14;
    private static final int DIM = 16;
    private static final int PIXDIM = 104;
    private static final int VOX_OFFSET = 168;
    private static final int SCL_SLOPE = 176;
    private static final int SCL_INTER = 184;
    private static final int CAL_MAX = 192;
    private static final int CAL_MIN = 200;
    private static final int DESCRIP = 240;
    private static final int QFORM_CODE = 344;
    private static final int SFORM_CODE = 348;
    private static final int QUATERN_B = 352;
    private static final int SROW_X = 400;
    private static final int XYZT_UNITS = 500;
    private static final int INTENT_CODE = 504;
    private static final int INTENT_NAME = 508;

    /** "n+2\0" then \r\n\032\n, which lets a reader spot a file mangled by text-mode transfer. */
    private static final byte[] MAGIC_BYTES = {'n', '+', '2', 0, '\r', '\n', 0x1A, '\n'};
    private static final byte[] TWO_FILE_MAGIC = {'n', 'i', '2', 0};

    private Nifti2Layout() {
    }

    static NiftiHeader decode(ByteBuffer b, Path file) throws NiftiFormatException {
        if (HeaderFields.bytesEqual(b, MAGIC, TWO_FILE_MAGIC)) {
            throw new NiftiFormatException(file, "two-file NIfTI-2 (.hdr/.img pair, magic 'ni2') is not supported");
        }
        // Only "n+2\0" is required: the four line-ending check bytes after it only diagnose a file
        // damaged by a text-mode transfer, which the size checks on the data catch anyway.
        if (!HeaderFields.bytesEqual(b, MAGIC, Arrays.copyOf(MAGIC_BYTES, 4))) {
            throw new NiftiFormatException(file, "bad magic '" + HeaderFields.printable(b, MAGIC, 4) + "' at offset "
                    + MAGIC + ", expected 'n+2'");
        }
        List<Long> dim = new ArrayList<>();
        List<Double> pixdim = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            dim.add(b.getLong(DIM + 8 * i));
            pixdim.add(b.getDouble(PIXDIM + 8 * i));
        }
        long voxOffset = b.getLong(VOX_OFFSET);
        if (voxOffset < 0) {
            throw new NiftiFormatException(file, "vox_offset " + voxOffset + " at offset " + VOX_OFFSET + " is negative");
        }
        return new NiftiHeader(
                NiftiVersion.NIFTI_2, b.order(), dim,
                b.getShort(DATATYPE), b.getShort(BITPIX), pixdim, voxOffset,
                b.getDouble(SCL_SLOPE), b.getDouble(SCL_INTER), b.getDouble(CAL_MIN), b.getDouble(CAL_MAX),
                b.getInt(XYZT_UNITS), b.getInt(INTENT_CODE),
                HeaderFields.readText(b, INTENT_NAME, 16), HeaderFields.readText(b, DESCRIP, 80),
                b.getInt(QFORM_CODE), b.getInt(SFORM_CODE),
                b.getDouble(QUATERN_B), b.getDouble(QUATERN_B + 8), b.getDouble(QUATERN_B + 16),
                new Vec3(b.getDouble(QUATERN_B + 24), b.getDouble(QUATERN_B + 32), b.getDouble(QUATERN_B + 40)),
                sform(b));
    }

    /** Writes h into b (540 bytes, zero-filled, byte order set by the caller). */
    static void encode(NiftiHeader h, ByteBuffer b) {
        b.putInt(0, NiftiVersion.NIFTI_2.headerSize());
        b.put(MAGIC, MAGIC_BYTES);
        b.putShort(DATATYPE, (short) h.datatype());
        b.putShort(BITPIX, (short) h.bitpix());
        for (int i = 0; i < 8; i++) {
            b.putLong(DIM + 8 * i, h.dim(i));
            b.putDouble(PIXDIM + 8 * i, h.pixdim(i));
        }
        b.putLong(VOX_OFFSET, h.voxOffset());
        b.putDouble(SCL_SLOPE, h.sclSlope());
        b.putDouble(SCL_INTER, h.sclInter());
        b.putDouble(CAL_MAX, h.calMax());
        b.putDouble(CAL_MIN, h.calMin());
        HeaderFields.writeText(b, DESCRIP, 80, h.description());
        b.putInt(QFORM_CODE, h.qformCode());
        b.putInt(SFORM_CODE, h.sformCode());
        double[] q = {h.quaternB(), h.quaternC(), h.quaternD(), h.qoffset().x(), h.qoffset().y(), h.qoffset().z()};
        for (int i = 0; i < 6; i++) {
            b.putDouble(QUATERN_B + 8 * i, q[i]);
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                b.putDouble(SROW_X + 32 * r + 8 * c, h.sform().get(r, c));
            }
        }
        b.putInt(XYZT_UNITS, h.xyztUnits());
        b.putInt(INTENT_CODE, h.intentCode());
        HeaderFields.writeText(b, INTENT_NAME, 16, h.intentName());
    }

    private static Affine sform(ByteBuffer b) {
        double[][] rows = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                rows[r][c] = b.getDouble(SROW_X + 32 * r + 8 * c);
            }
        }
        return HeaderFields.affineOrZero(rows);
    }
}
