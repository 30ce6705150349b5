package dev.attest.core.nifti;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.Vec3;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of a NIfTI-1 or NIfTI-2 header that Attest uses, as stored in the file (RAS
 * convention, float32 values widened exactly for NIfTI-1). Fields Attest has no use for (slice
 * timing, intent parameters, ANALYZE leftovers) are not kept and are written as zero.
 *
 * @param dim        dim[0] (the rank) to dim[7], always 8 entries
 * @param pixdim     pixdim[0] (qfac) to pixdim[7], always 8 entries
 * @param sform      srow_x, srow_y, srow_z as an affine (all zeros when the file has no sform)
 */
public record NiftiHeader(
        NiftiVersion version,
        ByteOrder byteOrder,
        List<Long> dim,
        int datatype,
        int bitpix,
        List<Double> pixdim,
        long voxOffset,
        double sclSlope,
        double sclInter,
        double calMin,
        double calMax,
        int xyztUnits,
        int intentCode,
        String intentName,
        String description,
        int qformCode,
        int sformCode,
        double quaternB,
        double quaternC,
        double quaternD,
        Vec3 qoffset,
        Affine sform) {

    /** xyzt_units code for millimetres. */
    public static final int UNITS_MM = 2;

    public NiftiHeader {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(byteOrder, "byteOrder");
        dim = List.copyOf(dim);
        pixdim = List.copyOf(pixdim);
        if (dim.size() != 8 || pixdim.size() != 8) {
            throw new IllegalArgumentException("dim and pixdim need 8 entries each");
        }
        intentName = Objects.requireNonNullElse(intentName, "");
        description = Objects.requireNonNullElse(description, "");
        Objects.requireNonNull(qoffset, "qoffset");
        Objects.requireNonNull(sform, "sform");
    }

    /** dim[i]; dim(0) is the number of dimensions in use. */
    public long dim(int i) {
        return dim.get(i);
    }

    /** pixdim[i]; pixdim(0) holds qfac. */
    public double pixdim(int i) {
        return pixdim.get(i);
    }

    /** Number of dimensions in use, dim[0]. */
    public int rank() {
        return (int) dim(0);
    }

    /** Size along dimension n (1-based, as in the header), 1 for dimensions beyond the rank. */
    public long size(int n) {
        return n <= rank() ? dim(n) : 1;
    }

    /** Number of 3D volumes the file holds: the product of dims 4 to 7 in use. */
    public long volumeCount() {
        long count = 1;
        for (int n = 4; n <= 7; n++) {
            count *= size(n);
        }
        return count;
    }

    /** The datatype, empty when the code is not one the standard defines. */
    public Optional<NiftiDatatype> niftiDatatype() {
        return NiftiDatatype.fromCode(datatype);
    }

    /** The qform as stored, with voxel sizes from pixdim (0 or negative read as 1, as the standard says). */
    public Qform qform() {
        return new Qform(quaternB, quaternC, quaternD, qoffset, voxelSize(), pixdim(0));
    }

    /** Which transform places the image: sform if sform_code &gt; 0, else qform if qform_code &gt; 0, else pixdim. */
    public NiftiTransformSource transformSource() {
        if (sformCode > 0) {
            return NiftiTransformSource.SFORM;
        }
        return qformCode > 0 ? NiftiTransformSource.QFORM : NiftiTransformSource.PIXDIM;
    }

    /** The voxel-to-RAS affine from the given source, whatever the codes say. */
    public Affine indexToRas(NiftiTransformSource source) {
        return switch (source) {
            case SFORM -> sform;
            case QFORM -> qform().toAffine();
            // The standard's "method 1": scaling only, no orientation, origin at voxel 0.
            case PIXDIM -> Affine.diagonal(voxelSize().x(), voxelSize().y(), voxelSize().z());
        };
    }

    /** The voxel-to-RAS affine chosen by the standard precedence. */
    public Affine indexToRas() {
        return indexToRas(transformSource());
    }

    private Vec3 voxelSize() {
        return new Vec3(positiveOrOne(pixdim(1)), positiveOrOne(pixdim(2)), positiveOrOne(pixdim(3)));
    }

    private static double positiveOrOne(double v) {
        return v > 0 && Double.isFinite(v) ? v : 1;
    }
}
