package dev.attest.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.dicom.DicomFile;
import dev.attest.dicom.io.DicomReader;
import dev.attest.dicom.pixel.PixelDecoder;
import dev.attest.dicom.pixel.StoredPixels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code attest pixels FILE --raw OUT}: the decoded stored values, for checks against other decoders. */
@Command(name = "pixels", description = "Write a file's decoded stored pixel values (no rescale, no LUT) as raw little-endian data.")
public final class PixelsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--raw", paramLabel = "OUT", required = true,
            description = "output file: frames x rows x columns x samples, little-endian, colour as interleaved RGB")
    Path out;

    @Override
    public Integer call() throws Exception {
        DicomFile dicom = DicomReader.read(file);
        PixelDecoder decoder = PixelDecoder.open(dicom);
        StoredPixels pixels = decoder.decodeAll();
        Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".attest-", ".raw.part");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                os.write(pixels.toLittleEndianBytes());
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("file", file.toString());
        line.put("out", out.toString());
        // The bytes are always frames x rows x columns x samples; "shape" drops the size-1 axes as numpy would.
        line.put("frames", pixels.frames());
        line.put("rows", pixels.rows());
        line.put("columns", pixels.columns());
        line.put("samples", pixels.samplesPerPixel());
        line.put("shape", pixels.shape());
        line.put("dtype", pixels.dtypeName());
        line.put("photometric", pixels.photometric());
        line.put("transferSyntax", dicom.transferSyntax().uid());
        System.out.println(new ObjectMapper().writeValueAsString(line));
        return 0;
    }
}
