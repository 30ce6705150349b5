package dev.attest.dicom.series;

import dev.attest.dicom.DicomFile;
import dev.attest.dicom.Tag;
import dev.attest.dicom.TestData;
import dev.attest.dicom.Vr;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.io.DicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A series whose pixels no codec decodes is flagged from its headers, before anyone tries to open it. */
class UndecodableSeriesWarningTest {
    private static final String HTJ2K_MESSAGE = "this image uses High-Throughput JPEG 2000 (Lossless Only) "
            + "(transfer syntax 1.2.840.10008.1.2.4.201), which Attest cannot decode yet";

    private static List<SeriesWarning> undecodable(DicomSeries series) {
        return series.warnings().stream().filter(w -> w.kind() == SeriesWarning.Kind.UNDECODABLE).toList();
    }

    private static DicomSeries onlySeries(Path input) throws IOException {
        List<DicomStudy> studies = SeriesGrouper.group(DicomScanner.scan(input).files());
        assertEquals(1, studies.size());
        assertEquals(1, studies.get(0).series().size());
        return studies.get(0).series().get(0);
    }

    @Test
    void flagsAnHtj2kSeriesWithTheMessageTheDecoderWouldGive() throws IOException {
        DicomSeries series = onlySeries(TestData.codecs("pydicom-data/HTJ2KLossless_08_RGB.dcm"));
        assertEquals(List.of(new SeriesWarning(SeriesWarning.Kind.UNDECODABLE, HTJ2K_MESSAGE)), undecodable(series));
    }

    @Test
    void doesNotFlagJpeg2000OrNativeSeries() throws IOException {
        assertEquals(List.of(), undecodable(onlySeries(
                TestData.codecs("cornerstone3d/CTImage.dcm_JPEG2000LosslessOnlyTransferSyntax_1.2.840.10008.1.2.4.90.dcm"))));
        assertEquals(List.of(), undecodable(onlySeries(TestData.codecs("cornerstone3d/CTImage.dcm"))));
    }

    @Test
    void saysHowManyImagesOfAMixedSeriesAreUndecodable(@TempDir Path tmp) throws IOException {
        copyIntoSeries(TestData.codecs("pydicom-data/HTJ2KLossless_08_RGB.dcm"), tmp.resolve("a.dcm"));
        copyIntoSeries(TestData.codecs("pydicom/SC_rgb_rle.dcm"), tmp.resolve("b.dcm"));
        copyIntoSeries(TestData.codecs("pydicom/examples_rgb_color.dcm"), tmp.resolve("c.dcm"));
        DicomSeries series = onlySeries(tmp);
        assertEquals(3, series.instances().size());
        assertEquals(List.of(new SeriesWarning(SeriesWarning.Kind.UNDECODABLE, HTJ2K_MESSAGE + " (1 of 3 images)")),
                undecodable(series));
    }

    /** Rewrites {@code from} (pixel data passed through in its own syntax) into one shared study and series. */
    private static void copyIntoSeries(Path from, Path to) throws IOException {
        DicomFile f = DicomReader.read(from);
        f.dataset().setString(Tag.StudyInstanceUID, Vr.UI, "2.25.1");
        f.dataset().setString(Tag.SeriesInstanceUID, Vr.UI, "2.25.2");
        DicomWriter.write(to, f.dataset(), f.transferSyntax());
    }
}
