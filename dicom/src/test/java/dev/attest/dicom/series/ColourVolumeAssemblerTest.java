package dev.attest.dicom.series;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attest.core.volume.ColourVolume;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.dicom.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Colour series opened as {@link ColourVolume}s: the channels read back interleaved must hash
 * to {@code dicom-codecs/PIXEL_REFERENCE.json} (RGB files) or to pydicom's {@code apply_color_lut}
 * (palette files, in {@code reference/seg/seg_reference.json}), and palette indices to the
 * reference's stored values.
 */
class ColourVolumeAssemblerTest {
    private static JsonNode pixels;
    private static JsonNode colour;

    @BeforeAll
    static void load() throws IOException {
        pixels = new ObjectMapper().readTree(TestData.codecs("PIXEL_REFERENCE.json").toFile());
        try (InputStream in = ColourVolumeAssemblerTest.class.getResourceAsStream("/reference/seg/seg_reference.json")) {
            colour = new ObjectMapper().readTree(in).get("colour");
        }
    }

    static StackGeometry stack(String codecsFile) throws IOException {
        String relative = "dicom-codecs/" + codecsFile;
        DicomScanner.Result scan = DicomScanner.scan(TestData.path(relative));
        return SeriesSelector.select(relative, SeriesGrouper.group(scan.files()), null, 1).stack();
    }

    /** The channels interleaved (slices, rows, columns, RGB) as little-endian bytes, numpy's layout. */
    static byte[] interleaved(ColourVolume v) {
        int n = v.grid().sizeX() * v.grid().sizeY();
        int bytes = v.channelType().bytes();
        ByteBuffer out = ByteBuffer.allocate(n * 3 * bytes * v.grid().sizeZ()).order(ByteOrder.LITTLE_ENDIAN);
        for (int z = 0; z < v.grid().sizeZ(); z++) {
            Object[] c = {v.red().sliceArray(z), v.green().sliceArray(z), v.blue().sliceArray(z)};
            for (int i = 0; i < n; i++) {
                for (Object channel : c) {
                    switch (channel) {
                        case byte[] b -> out.put(b[i]);
                        case short[] s -> out.putShort(s[i]);
                        case int[] s -> out.putInt(s[i]);
                        default -> throw new AssertionError(channel.getClass());
                    }
                }
            }
        }
        return out.array();
    }

    static byte[] stored(Volume v) {
        int n = v.grid().sizeX() * v.grid().sizeY();
        ByteBuffer out = ByteBuffer.allocate(n * v.type().bytes() * v.grid().sizeZ()).order(ByteOrder.LITTLE_ENDIAN);
        for (int z = 0; z < v.grid().sizeZ(); z++) {
            switch (v.sliceArray(z)) {
                case byte[] b -> out.put(b);
                case short[] s -> out.asShortBuffer().put(s);
                default -> throw new AssertionError();
            }
        }
        return out.array();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pydicom/examples_rgb_color.dcm", "pydicom/SC_rgb_rle_16bit.dcm", "pydicom/SC_rgb_small_odd.dcm",
            "pydicom/SC_rgb_rle.dcm", "pydicom-data/color-pl.dcm"})
    void rgbSeriesOpensAsChannelsEqualToTheReferenceSamples(String file) throws IOException {
        StackGeometry stack = stack(file);
        assertTrue(ColourVolumeAssembler.isColour(stack));
        ColourVolume v = ColourVolumeAssembler.load(stack);
        assertEquals(pixels.get(file).get("sha256").asText(), TestData.sha256(interleaved(v)));
        assertEquals(pixels.get(file).get("dtype").asText().equals("uint8") ? 255 : 65535, v.maxValue());
        assertTrue(v.paletteIndices().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pydicom/examples_palette.dcm", "pydicom-data/OBXXXX1A.dcm", "pydicom-data/gdcm-US-ALOKA-16.dcm"})
    void paletteSeriesIsConvertedToRgbAsPydicomDoesAndKeepsItsIndices(String file) throws IOException {
        ColourVolume v = ColourVolumeAssembler.load(stack(file));
        JsonNode expected = colour.get(file);
        assertEquals(expected.get("rgbDtype").asText().equals("uint16") ? VoxelType.UINT16 : VoxelType.UINT8, v.channelType());
        assertEquals(expected.get("rgbSha256").asText(), TestData.sha256(interleaved(v)));
        Volume indices = v.paletteIndices().orElseThrow();
        assertEquals(expected.get("indexSha256").asText(), TestData.sha256(stored(indices)));
        if (pixels.has(file)) {
            assertEquals(pixels.get(file).get("sha256").asText(), TestData.sha256(stored(indices)));
        }
        assertEquals("PALETTE COLOR", v.photometric());
    }

    @Test
    void paletteReadoutShowsTheStoredIndexAndItsColour() throws IOException {
        ColourVolume v = ColourVolumeAssembler.load(stack("pydicom/examples_palette.dcm"));
        // Found by scanning: the first voxel whose index is not 0, read back through the volume's own arrays.
        int index = -1;
        int x = -1;
        byte[] stored = (byte[]) v.paletteIndices().orElseThrow().sliceArray(0);
        for (int i = 0; i < stored.length && index <= 0; i++) {
            index = stored[i] & 0xFF;
            x = i;
        }
        int col = x % v.grid().sizeX();
        int row = x / v.grid().sizeX();
        long[] rgb = v.rgb(col, row, 0);
        assertEquals("index " + index + " \u2192 R G B = " + rgb[0] + " " + rgb[1] + " " + rgb[2], v.readout(col, row, 0));
    }

    @Test
    void greySeriesIsNotColour() throws IOException {
        assertFalse(ColourVolumeAssembler.isColour(stack("pydicom/CT_small.dcm")));
    }
}
