package dev.attest.dicom.write;

import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomElement;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TransferSyntax;
import dev.attest.dicom.Uids;
import dev.attest.dicom.Vr;
import dev.attest.dicom.io.DicomWriter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Writes a 16-bit volume as a classic single-frame DICOM series (one file per slice) with our
 * Part 10 writer: used for the demo case and for generated benchmark data.
 */
public final class SeriesWriter {
    /** Identity and description of the written series. */
    public record SeriesInfo(String modality, String sopClassUid, String patientName, String patientId,
                             String studyInstanceUid, String seriesInstanceUid, String frameOfReferenceUid,
                             int seriesNumber, String seriesDescription, String studyDescription, String studyDate) {
        public static SeriesInfo ct(String patientName, String patientId, String description) {
            return new SeriesInfo("CT", "1.2.840.10008.5.1.4.1.1.2", patientName, patientId, Uids.create(), Uids.create(),
                    Uids.create(), 1, description, description, "20260101");
        }
    }

    private SeriesWriter() {
    }

    /**
     * Writes every slice of {@code volume} (INT16 or UINT16 with a uniform rescale; the grid must
     * be orthogonal) into {@code dir} as {@code IM%05d.dcm}, in parallel. Returns the files.
     */
    public static List<Path> write(Volume volume, Path dir, SeriesInfo info, TransferSyntax ts) throws IOException {
        VoxelType type = volume.type();
        if (type != VoxelType.INT16 && type != VoxelType.UINT16) {
            throw new IllegalArgumentException("SeriesWriter writes 16-bit volumes; got " + type);
        }
        ImageGrid grid = volume.grid();
        if (!grid.isOrthogonal(1e-6)) {
            throw new IllegalArgumentException("SeriesWriter needs an orthogonal grid (no shear)");
        }
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int z = 0; z < grid.sizeZ(); z++) {
            files.add(dir.resolve(String.format("IM%05d.dcm", z + 1)));
        }
        try {
            IntStream.range(0, grid.sizeZ()).parallel().forEach(z -> {
                try {
                    DicomWriter.write(files.get(z), slice(volume, z, info), ts);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        return files;
    }

    static DicomDataset slice(Volume volume, int z, SeriesInfo info) {
        ImageGrid grid = volume.grid();
        Vec3 row = grid.axisDirection(0);
        Vec3 col = grid.axisDirection(1);
        Vec3 spacing = grid.spacing();
        Vec3 position = grid.indexToLps().apply(0, 0, z);
        DicomDataset ds = new DicomDataset();
        ds.setString(Tag.SpecificCharacterSet, Vr.CS, "ISO_IR 192");
        ds.setString(Tag.ImageType, Vr.CS, "DERIVED", "SECONDARY", "AXIAL");
        ds.setString(Tag.SOPClassUID, Vr.UI, info.sopClassUid());
        ds.setString(Tag.SOPInstanceUID, Vr.UI, Uids.create());
        ds.setString(Tag.StudyDate, Vr.DA, info.studyDate());
        ds.setString(Tag.Modality, Vr.CS, info.modality());
        ds.setString(Tag.Manufacturer, Vr.LO, "Attest");
        ds.setString(Tag.StudyDescription, Vr.LO, info.studyDescription());
        ds.setString(Tag.SeriesDescription, Vr.LO, info.seriesDescription());
        ds.setString(Tag.PatientName, Vr.PN, info.patientName());
        ds.setString(Tag.PatientID, Vr.LO, info.patientId());
        ds.setString(Tag.SliceThickness, Vr.DS, DicomDataset.formatDecimalString(spacing.z()));
        ds.setString(Tag.StudyInstanceUID, Vr.UI, info.studyInstanceUid());
        ds.setString(Tag.SeriesInstanceUID, Vr.UI, info.seriesInstanceUid());
        ds.setInts(Tag.SeriesNumber, Vr.IS, info.seriesNumber());
        ds.setInts(Tag.InstanceNumber, Vr.IS, z + 1);
        ds.setDoubles(Tag.ImagePositionPatient, Vr.DS, position.x(), position.y(), position.z());
        ds.setDoubles(Tag.ImageOrientationPatient, Vr.DS, row.x(), row.y(), row.z(), col.x(), col.y(), col.z());
        ds.setString(Tag.FrameOfReferenceUID, Vr.UI, info.frameOfReferenceUid());
        ds.setDoubles(Tag.SliceLocation, Vr.DS, position.dot(row.cross(col)));
        ds.setInts(Tag.SamplesPerPixel, Vr.US, 1);
        ds.setString(Tag.PhotometricInterpretation, Vr.CS, "MONOCHROME2");
        ds.setInts(Tag.Rows, Vr.US, grid.sizeY());
        ds.setInts(Tag.Columns, Vr.US, grid.sizeX());
        ds.setDoubles(Tag.PixelSpacing, Vr.DS, spacing.y(), spacing.x());
        ds.setInts(Tag.BitsAllocated, Vr.US, 16);
        ds.setInts(Tag.BitsStored, Vr.US, 16);
        ds.setInts(Tag.HighBit, Vr.US, 15);
        ds.setInts(Tag.PixelRepresentation, Vr.US, volume.type() == VoxelType.INT16 ? 1 : 0);
        ds.setDoubles(Tag.RescaleIntercept, Vr.DS, volume.intercept(z));
        ds.setDoubles(Tag.RescaleSlope, Vr.DS, volume.slope(z));
        ds.setString(Tag.RescaleType, Vr.LO, info.modality().equals("CT") ? "HU" : "US");
        short[] pixels = (short[]) volume.sliceArray(z);
        ByteBuffer bytes = ByteBuffer.allocate(pixels.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(pixels);
        ds.put(new DicomElement.Value(Tag.PixelData, Vr.OW, bytes.array()));
        return ds;
    }
}
