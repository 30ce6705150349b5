package dev.attest.dicom.seg;

import dev.attest.core.geometry.Affine;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.labels.LabelDescription;
import dev.attest.core.labels.LabelDescriptions;
import dev.attest.core.nifti.NiftiImage;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.dicom.TestData;
import dev.attest.dicom.series.DicomScanner;
import dev.attest.dicom.series.SeriesGrouper;
import dev.attest.dicom.series.SeriesSelector;
import dev.attest.dicom.series.StackGeometry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The TotalSegmentator example: a 20-slice CT series and the model's label map of it, moved from
 * the NIfTI's LAS index order onto the DICOM stack's grid voxel for voxel (the two grids are the
 * same lattice; nothing is interpolated).
 */
public final class TotalSegmentatorCase {
    static final String CT = "series-ct/totalsegmentator_example_ct_dicom";
    static final String LABELS = "nifti/totalsegmentator_example_seg_dicom.nii.gz";

    public final StackGeometry stack;
    public final Volume labels;
    public final LabelDescriptions names;

    private TotalSegmentatorCase(StackGeometry stack, Volume labels, LabelDescriptions names) {
        this.stack = stack;
        this.labels = labels;
        this.names = names;
    }

    public static TotalSegmentatorCase load() throws IOException {
        DicomScanner.Result scan = DicomScanner.scan(TestData.path(CT));
        StackGeometry stack = SeriesSelector.select(CT, SeriesGrouper.group(scan.files()), null, 1).stack();
        NiftiImage nifti = NiftiReader.read(TestData.path(LABELS));
        return new TotalSegmentatorCase(stack, onGrid(nifti.volume(), stack.grid()), LabelDescriptions.fromNifti(nifti));
    }

    /** The label map on {@code target}, which must be a re-indexing of the same voxel lattice. */
    static Volume onGrid(Volume source, ImageGrid target) {
        Affine toSource = source.grid().lpsToIndex().multiply(target.indexToLps());
        Volume out = Volume.allocate(target, VoxelType.UINT8);
        for (int k = 0; k < target.sizeZ(); k++) {
            byte[] slice = (byte[]) out.sliceArray(k);
            for (int j = 0; j < target.sizeY(); j++) {
                for (int i = 0; i < target.sizeX(); i++) {
                    Vec3 s = toSource.apply(i, j, k);
                    int x = (int) Math.round(s.x());
                    int y = (int) Math.round(s.y());
                    int z = (int) Math.round(s.z());
                    if (Math.abs(s.x() - x) > 1e-3 || Math.abs(s.y() - y) > 1e-3 || Math.abs(s.z() - z) > 1e-3) {
                        throw new AssertionError("voxel " + i + "," + j + "," + k + " is not on the label map's lattice: " + s);
                    }
                    slice[j * target.sizeX() + i] = (byte) source.getStored(x, y, z);
                }
            }
        }
        return out;
    }

    /** The labels present in the map, in increasing value, as automatic segments named from the label table. */
    public List<LabelSegment> presentSegments(AlgorithmIdentification algorithm) {
        boolean[] present = new boolean[256];
        for (int z = 0; z < labels.grid().sizeZ(); z++) {
            for (byte b : (byte[]) labels.sliceArray(z)) {
                present[b & 0xFF] = true;
            }
        }
        List<LabelSegment> out = new ArrayList<>();
        for (int v = 1; v < 256; v++) {
            if (present[v]) {
                LabelDescription d = names.get(v).orElseThrow();
                out.add(new LabelSegment(v, SegmentDefinition.automatic(d.name(), SegmentedProperties.forName(d.name()), algorithm)
                        .withColour(CieLab.fromSrgb(d.rgb()))));
            }
        }
        return out;
    }
}
