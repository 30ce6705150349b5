package dev.attest.app.open;

import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.CancelledException;
import dev.attest.core.progress.ProgressListener;
import dev.attest.dicom.series.DicomSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening several inputs at once, as a drop or a multi-file choice does. */
class StudyScanTest {
    private static final Path DATA = Path.of(System.getProperty("attest.data", "../shared/data"));

    @Test
    void filesFromSeveralInputsGroupIntoTheirSeriesAndNiftiIsListed(@TempDir Path dir) throws IOException {
        Path seg = DATA.resolve("seg-sr/dcmqi_ct-3slice");
        List<Path> inputs = List.of(seg.resolve("01.dcm"), seg.resolve("02.dcm"), seg.resolve("03.dcm"),
                DATA.resolve("nifti/totalsegmentator_example_ct_sm.nii.gz"));
        StudyScan scan = StudyScan.scan(inputs, ProgressListener.NONE, new Cancellation());
        assertEquals(1, scan.studies().size());
        DicomSeries series = scan.studies().get(0).series().get(0);
        assertEquals(3, series.instances().size());
        assertEquals(1, series.stacks().size());
        assertEquals(3, series.stacks().get(0).grid().sizeZ());
        assertEquals(List.of(inputs.get(3)), scan.niftiFiles());
        assertEquals(List.of(), scan.problems());
    }

    @Test
    void aMissingInputIsAProblemNotTheEnd(@TempDir Path dir) throws IOException {
        Path gone = dir.resolve("gone");
        Path broken = dir.resolve("broken.dcm");
        byte[] head = Files.readAllBytes(DATA.resolve("seg-sr/dcmqi_ct-3slice/01.dcm"));
        Files.write(broken, java.util.Arrays.copyOf(head, 300));
        StudyScan scan = StudyScan.scan(List.of(gone, broken, DATA.resolve("seg-sr/dcmqi_ct-3slice/02.dcm")),
                ProgressListener.NONE, new Cancellation());
        assertEquals(1, scan.studies().size());
        assertEquals(2, scan.problems().size());
        assertEquals(gone.toString(), scan.problems().get(0).source());
        assertTrue(scan.problems().get(0).message().contains("no such file or folder"), scan.problems().get(0).message());
        assertEquals(broken.toString(), scan.problems().get(1).source());
    }

    @Test
    void aCancelledScanStops() {
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        assertThrows(CancelledException.class, () -> StudyScan.scan(List.of(DATA.resolve("series-ct")),
                ProgressListener.NONE, cancel));
    }
}
