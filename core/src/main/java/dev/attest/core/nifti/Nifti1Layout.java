package dev.attest.core.nifti;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.Vec3;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Byte offsets of the 348-byte NIfTI-1 header and the mapping to and from {@link NiftiHeader}. */
final class Nifti1Layout {

    private static final int DIM = 40;
    private static final int INTENT_CODE = 68;
    private static final int DATATYPE = 70;
    private static final int BITPIX = 72;
    private static final int PIXDIM = 76;
    private static final int VOX_OFFSET = 108;
    private static final int SCL_SLOPE = 112;
    private static final int SCL_INTER = 116;
    private static final int XYZT_UNITS = 123;
    private static final int CAL_MAX = 124;
    private static final int CAL_MIN = 128;
    private static final int DESCRIP = 148;
    private static final int QFORM_CODE = 252;
    private static final int SFORM_CODE = 254;
    private static final int QUATERN_B = 256;
    private static final int SROW_X = 280;
    private static final int INTENT_NAME = 328;
    private static final int MAGIC = 344;

    private static final byte[] SINGLE_FILE_MAGIC = {'n', '+', '1', 0};
    private static final byte[] TWO_FILE_MAGIC = {'n', 'i', '1', 0};

    private Nifti1Layout() {
    }

    static NiftiHeader decode(ByteBuffer b, Path file) throws NiftiFormatException {
        if (HeaderFields.bytesEqual(b, MAGIC, TWO_FILE_MAGIC)) {
            throw new NiftiFormatException(file, "two-file NIfTI-1 (.hdr/.img pair, magic 'ni1') is not supported");
        }
        if (!HeaderFields.bytesEqual(b, MAGIC, SINGLE_FILE_MAGIC)) {
            throw new NiftiFormatException(file, "bad magic '" + HeaderFields.printable(b, MAGIC, 4) + "' at offset "
                    + MAGIC + ", expected 'n+1'");
        }
        List<Long> dim = new ArrayList<>();
        List<Double> pixdim = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            dim.add((long) b.getShort(DIM + 2 * i));
            pixdim.add((double) b.getFloat(PIXDIM + 4 * i));
        }
        double voxOffset = b.getFloat(VOX_OFFSET);
        if (voxOffset != Math.rint(voxOffset) || voxOffset < 0) {
            throw new NiftiFormatException(file, "vox_offset " + voxOffset + " at offset " + VOX_OFFSET
                    + " is not a non-negative whole number of bytes");
        }
        return new NiftiHeader(
                NiftiVersion.NIFTI_1, b.order(), dim,
                b.getShort(DATATYPE), b.getShort(BITPIX), pixdim, (long) voxOffset,
                b.getFloat(SCL_SLOPE), b.getFloat(SCL_INTER), b.getFloat(CAL_MIN), b.getFloat(CAL_MAX),
                b.get(XYZT_UNITS) & 0xFF, b.getShort(INTENT_CODE),
                HeaderFields.readText(b, INTENT_NAME, 16), HeaderFields.readText(b, DESCRIP, 80),
                b.getShort(QFORM_CODE), b.getShort(SFORM_CODE),
                b.getFloat(QUATERN_B), b.getFloat(QUATERN_B + 4), b.getFloat(QUATERN_B + 8),
                new Vec3(b.getFloat(QUATERN_B + 12), b.getFloat(QUATERN_B + 16), b.getFloat(QUATERN_B + 20)),
                sform(b));
    }

    /** Writes h into b (348 bytes, zero-filled, byte order set by the caller). */
    static void encode(NiftiHeader h, ByteBuffer b) {
        b.putInt(0, NiftiVersion.NIFTI_1.headerSize());
        b.put(38, (byte) 'r'); // "regular": ANALYZE leftover that some old readers still check
        for (int i = 0; i < 8; i++) {
            b.putShort(DIM + 2 * i, (short) h.dim(i));
            b.putFloat(PIXDIM + 4 * i, (float) h.pixdim(i));
        }
        b.putShort(INTENT_CODE, (short) h.intentCode());
        b.putShort(DATATYPE, (short) h.datatype());
        b.putShort(BITPIX, (short) h.bitpix());
        b.putFloat(VOX_OFFSET, h.voxOffset());
        b.putFloat(SCL_SLOPE, (float) h.sclSlope());
        b.putFloat(SCL_INTER, (float) h.sclInter());
        b.put(XYZT_UNITS, (byte) h.xyztUnits());
        b.putFloat(CAL_MAX, (float) h.calMax());
        b.putFloat(CAL_MIN, (float) h.calMin());
        HeaderFields.writeText(b, DESCRIP, 80, h.description());
        b.putShort(QFORM_CODE, (short) h.qformCode());
        b.putShort(SFORM_CODE, (short) h.sformCode());
        double[] q = {h.quaternB(), h.quaternC(), h.quaternD(), h.qoffset().x(), h.qoffset().y(), h.qoffset().z()};
        for (int i = 0; i < 6; i++) {
            b.putFloat(QUATERN_B + 4 * i, (float) q[i]);
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                b.putFloat(SROW_X + 16 * r + 4 * c, (float) h.sform().get(r, c));
            }
        }
        HeaderFields.writeText(b, INTENT_NAME, 16, h.intentName());
        b.put(MAGIC, SINGLE_FILE_MAGIC);
    }

    private static Affine sform(ByteBuffer b) {
        double[][] rows = new double[3][4];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                rows[r][c] = b.getFloat(SROW_X + 16 * r + 4 * c);
            }
        }
        return HeaderFields.affineOrZero(rows);
    }
}
