package dev.attest.dicom.fuzz;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.DicomElement;
import dev.attest.dicom.DicomException;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.pixel.PaletteLut;
import dev.attest.dicom.pixel.PixelDecoder;
import dev.attest.dicom.pixel.StoredPixels;

/** What a fuzzed file is put through after parsing: every accessor a loader would call. */
final class FuzzTargets {
    private FuzzTargets() {
    }

    static void decodeEverything(DicomFile f, boolean decodeJpeg2000) throws DicomException {
        touch(f.dataset());
        f.sopClassUid();
        f.dataset().charset();
        if (f.pixelData().isPresent()) {
            PixelDecoder decoder = PixelDecoder.open(f);
            if (!decodeJpeg2000 && f.transferSyntax().uid().startsWith("1.2.840.10008.1.2.4.9")) {
                // JPEG 2000 is decoded by JJ2000 (jai-imageio), which can loop for ever on corrupt packet data;
                // Jpeg2000FrameCodec bounds it with a watchdog, whose abandoned threads would slow the rest of
                // the run, so the fuzzer stops at frame indexing for these syntaxes.
                return;
            }
            StoredPixels pixels = decoder.decodeAll();
            if ("PALETTE COLOR".equals(pixels.photometric())) {
                PaletteLut.of(f).apply(pixels);
            }
        }
        dev.attest.dicom.series.FrameExtractor.frames(f);
    }

    private static void touch(DicomDataset ds) {
        for (DicomElement e : ds.elements()) {
            ds.getStrings(e.tag());
            ds.getDoubles(e.tag());
            if (e instanceof DicomElement.Sequence s) {
                s.items().forEach(FuzzTargets::touch);
            }
        }
    }
}
