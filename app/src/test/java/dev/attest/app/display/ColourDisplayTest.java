package dev.attest.app.display;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.volume.ColourVolume;
import dev.attest.dicom.series.ColourVolumeAssembler;
import dev.attest.dicom.series.DicomScanner;
import dev.attest.dicom.series.SeriesGrouper;
import dev.attest.dicom.series.SeriesSelector;
import dev.attest.viewer.mpr.Interpolation;
import dev.attest.viewer.mpr.StandardView;
import dev.attest.viewer.render.ColourRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A colour DICOM file opened and shown in the axial MPR view at its own pixel grid gives exactly
 * the ARGB pixels {@code tools/reference/make_seg_refs.py} packed from pydicom's samples
 * (palette files through pydicom's {@code apply_color_lut}). The rendering is also written as a
 * PNG under target/ for a person to look at.
 */
class ColourDisplayTest {
    private static final Path DATA = Path.of(System.getProperty("attest.data", "../../shared/data"));
    private static final Path REFERENCE = Path.of("../dicom/src/test/resources/reference/seg/seg_reference.json");

    @ParameterizedTest
    @ValueSource(strings = {"pydicom/examples_rgb_color.dcm", "pydicom/SC_rgb_rle_16bit.dcm",
            "pydicom/examples_palette.dcm", "pydicom-data/gdcm-US-ALOKA-16.dcm"})
    void axialViewOfAColourImageShowsItsPixelsExactly(String file) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(REFERENCE.toFile()).get("colour").get(file);
        Path path = DATA.resolve("dicom-codecs").resolve(file);
        DicomScanner.Result scan = DicomScanner.scan(path);
        var stack = SeriesSelector.select(file, SeriesGrouper.group(scan.files()), null, 1).stack();
        ColourVolume volume = ColourVolumeAssembler.load(stack);
        ImageGrid grid = volume.grid();
        // The single slice through its centre; these files carry no geometry, so the grid is axial with 1 mm pixels.
        var centre = grid.indexToLps().apply((grid.sizeX() - 1) / 2.0, (grid.sizeY() - 1) / 2.0, 0);
        var slice = ColourRenderer.reslice(volume, StandardView.AXIAL.planeThrough(centre), Interpolation.NEAREST);
        assertEquals(grid.sizeX(), slice.width());
        assertEquals(grid.sizeY(), slice.height());
        int[] argb = ColourRenderer.render(slice);
        ByteBuffer bytes = ByteBuffer.allocate(argb.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asIntBuffer().put(argb);
        assertEquals(expected.get("argbSha256").asText(), sha256(bytes.array()));
        writePng(argb, slice.width(), slice.height(), file);
    }

    private static void writePng(int[] argb, int width, int height, String file) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        Path out = Path.of("target", "colour-display", file.replace('/', '_') + ".png");
        Files.createDirectories(out.getParent());
        ImageIO.write(image, "png", out.toFile());
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
