package dev.attest.dicom.codec.jpegls;

import dev.attest.dicom.DicomFile;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.pixel.PixelDecoder;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Prints how long one frame takes to decode, through {@link PixelDecoder} as a loader calls it:
 * median, fastest and 90th percentile of the timed runs after a warm-up. Not a test: figures
 * depend on the machine.
 *
 * <pre>
 * ./mvnw -q -o -pl dicom -am test-compile
 * java -cp core/target/classes:dicom/target/classes:dicom/target/test-classes \
 *     dev.attest.dicom.codec.jpegls.JpegLsDecodeBenchmark [file.dcm] [warm-up] [runs]
 * </pre>
 */
public final class JpegLsDecodeBenchmark {
    private static final String DEFAULT_FILE =
            "../shared/data/dicom-codecs/cornerstone3d/CTImage.dcm_JPEGLSLosslessTransferSyntax_1.2.840.10008.1.2.4.80.dcm";

    private JpegLsDecodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : DEFAULT_FILE);
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        DicomFile dicom = DicomReader.read(file);
        PixelDecoder decoder = PixelDecoder.open(dicom);
        var d = decoder.description();
        Object out = d.dtype().allocate(d.samplesPerFrame());
        for (int i = 0; i < warmUp; i++) {
            decoder.decodeInto(i % decoder.frameCount(), out, 0);
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            decoder.decodeInto(i % decoder.frameCount(), out, 0);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf("%s: %dx%d, %d sample(s) of %d bits, %s%n", file.getFileName(), d.columns(), d.rows(),
                d.samplesPerPixel(), d.bitsStored(), decoder.transferSyntax().name());
        System.out.printf("per frame over %d runs after %d warm-up: median %.3f ms, fastest %.3f ms, 90th percentile %.3f ms%n",
                runs, warmUp, nanos[runs / 2] / 1e6, nanos[0] / 1e6, nanos[runs * 9 / 10] / 1e6);
    }
}
