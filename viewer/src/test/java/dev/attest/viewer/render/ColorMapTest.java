package dev.attest.viewer.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColorMapTest {

    // Expected colours printed by Debian's matplotlib 3.6.3:
    //   /usr/bin/python3 -c "from matplotlib import colormaps as c; print(c['viridis'](i / 255, bytes=True))"
    // for each index i below, written as 0xRRGGBB.

    @Test
    void viridisMatchesMatplotlibAtEndpointsAndInside() {
        ColorMap v = ColorMap.viridis();
        assertEquals(0x440154, v.rgb(0));
        assertEquals(0x3A528B, v.rgb(64));
        assertEquals(0x20908C, v.rgb(128));
        assertEquals(0xFDE724, v.rgb(255));
    }

    @Test
    void infernoAndMagmaMatchMatplotlib() {
        ColorMap inferno = ColorMap.inferno();
        assertEquals(0x000003, inferno.rgb(0));
        assertEquals(0xBB3754, inferno.rgb(128));
        assertEquals(0xFCFEA4, inferno.rgb(255));
        ColorMap magma = ColorMap.magma();
        assertEquals(0x000003, magma.rgb(0));
        assertEquals(0xB63679, magma.rgb(128));
        assertEquals(0xFBFCBF, magma.rgb(255));
    }

    @Test
    void analyticHotMatchesMatplotlibAtItsBreakpoints() {
        ColorMap hot = ColorMap.hot();
        assertEquals(0x0A0000, hot.rgb(0));
        assertEquals(0xFE0000, hot.rgb(93));
        assertEquals(0xFF0200, hot.rgb(94));
        assertEquals(0xFF0500, hot.rgb(95));
        assertEquals(0xFFFE00, hot.rgb(190));
        assertEquals(0xFFFF02, hot.rgb(191));
        assertEquals(0xFFFFFF, hot.rgb(255));
    }

    @Test
    void analyticHotEqualsMatplotlibsWholeTable() {
        // The shipped CSV carries matplotlib's hot only to check this formula entry by entry.
        int[] expected = ColorMap.shippedTable("hot");
        int[] actual = new int[ColorMap.SIZE];
        ColorMap hot = ColorMap.hot();
        for (int i = 0; i < actual.length; i++) {
            actual[i] = hot.rgb(i);
        }
        assertArrayEquals(expected, actual);
    }

    @Test
    void samplingBinsLikeMatplotlib() {
        ColorMap v = ColorMap.viridis();
        assertEquals(0x20908C, v.rgbAt(0.5));                // floor(0.5 * 256) = 128
        assertEquals(0xFDE724, v.rgbAt(1.0));
        assertEquals(0x440154, v.rgbAt(-3));
        assertEquals(0xFDE724, v.rgbAt(7));
    }

    @Test
    void continuousOverlayHidesBelowThresholdAndAppliesOpacity() {
        ContinuousOverlay o = new ContinuousOverlay(ColorMap.viridis(), 0, 10, 2, 0.5);
        int[] argb = o.render(new float[] {Float.NaN, 1.999f, 5, 10}, 2, 2);
        assertArrayEquals(new int[] {0, 0, 0x8020908C, 0x80FDE724}, argb);
        assertEquals(0xFF440154, ContinuousOverlay.of(ColorMap.viridis(), 0, 10, 1).argb(0));
    }

    @Test
    void colorBarPlacesNiceTicksWithUnits() {
        ColorBar bar = ColorBar.of(ColorMap.hot(), 0, 100, "Gy", 6);
        assertEquals(List.of("0 Gy", "20 Gy", "40 Gy", "60 Gy", "80 Gy", "100 Gy"),
                bar.ticks().stream().map(ColorBar.Tick::label).toList());
        assertEquals(0.4, bar.ticks().get(2).position(), 1e-12);

        ColorBar fractional = ColorBar.of(ColorMap.viridis(), 0.1, 0.87, "", 5);
        // raw step 0.77 / 4 = 0.1925 -> 0.2; ticks 0.2, 0.4, 0.6, 0.8 inside [0.1, 0.87]
        assertEquals(List.of(0.2, 0.4, 0.6, 0.8), fractional.ticks().stream().map(ColorBar.Tick::value).toList());
        assertEquals(List.of("0.2", "0.4", "0.6", "0.8"), fractional.ticks().stream().map(ColorBar.Tick::label).toList());
        assertEquals((0.6 - 0.1) / 0.77, fractional.ticks().get(2).position(), 1e-12);

        ColorBar ct = ColorBar.of(ColorMap.inferno(), -1000, 1000, "HU", 5);
        assertEquals(List.of("-1000 HU", "-500 HU", "0 HU", "500 HU", "1000 HU"),
                ct.ticks().stream().map(ColorBar.Tick::label).toList());
        assertEquals("", ct.caption());

        // A long unit is written once under the bar, not after every tick.
        ColorBar p = ColorBar.of(ColorMap.inferno(), 0, 1, "probability", 6);
        assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"), p.ticks().stream().map(ColorBar.Tick::label).toList());
        assertEquals("probability", p.caption());
    }
}
