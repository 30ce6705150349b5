package dev.attest.dicom.codec.jpeg;

import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.pixel.PixelDecoder;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Prints the median time to decode one frame of each file given, after warming up; a figure to
 * compare with {@code dcmdjpeg}, never a test. Run from the worktree after {@code test-compile}:
 * <pre>
 * java -cp dicom/target/classes:dicom/target/test-classes:core/target/classes \
 *     dev.attest.dicom.codec.jpeg.JpegDecodeBenchmark [--runs N] FILE...
 * </pre>
 */
public final class JpegDecodeBenchmark {
    private JpegDecodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 50;
        int first = 0;
        if (args.length > 1 && args[0].equals("--runs")) {
            runs = Integer.parseInt(args[1]);
            first = 2;
        }
        for (String arg : Arrays.copyOfRange(args, first, args.length)) {
            PixelDecoder decoder = PixelDecoder.open(DicomReader.read(Path.of(arg)));
            Object dest = decoder.description().dtype().allocate(decoder.description().samplesPerFrame());
            int frames = decoder.frameCount();
            // Warm up until the JIT has compiled the hot loops: two seconds or 300 frames, whichever is later.
            long warmEnd = System.nanoTime() + 2_000_000_000L;
            for (int i = 0; i < 300 || System.nanoTime() < warmEnd; i++) {
                decoder.decodeInto(i % frames, dest, 0);
            }
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                decoder.decodeInto(i % frames, dest, 0);
                nanos[i] = System.nanoTime() - t0;
            }
            Arrays.sort(nanos);
            System.out.printf("{\"file\": \"%s\", \"syntax\": \"%s\", \"frame\": \"%dx%d x%d, %d bits\", \"runs\": %d, "
                            + "\"median_ms\": %.3f, \"min_ms\": %.3f, \"max_ms\": %.3f}%n",
                    Path.of(arg).getFileName(), decoder.transferSyntax().uid(), decoder.description().columns(),
                    decoder.description().rows(), decoder.description().samplesPerPixel(),
                    decoder.description().bitsStored(), runs, nanos[runs / 2] / 1e6, nanos[0] / 1e6, nanos[runs - 1] / 1e6);
        }
    }
}
