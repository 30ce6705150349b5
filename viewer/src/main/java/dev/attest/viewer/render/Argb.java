package dev.attest.viewer.render;

/** Packing and alpha compositing of 32-bit ARGB pixels with exact integer arithmetic. */
public final class Argb {

    private Argb() {
    }

    public static int pack(int alpha, int red, int green, int blue) {
        return (alpha & 0xFF) << 24 | (red & 0xFF) << 16 | (green & 0xFF) << 8 | (blue & 0xFF);
    }

    public static int alpha(int argb) {
        return argb >>> 24;
    }

    /** Scales a colour's alpha by an opacity in [0, 1], rounding to the nearest 8-bit step. */
    public static int withOpacity(int argb, double opacity) {
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be in [0, 1]: " + opacity);
        }
        int a = (int) Math.round(alpha(argb) * opacity);
        return a << 24 | (argb & 0xFFFFFF);
    }

    /**
     * Lays {@code overlay} over an opaque {@code base} ("over" operator): each channel becomes
     * (o * a + b * (255 - a)) / 255 rounded to nearest, computed in integers so the same inputs
     * give the same pixels everywhere. The result is opaque; a = 0 returns the base, a = 255 the
     * overlay's colour.
     */
    public static int composite(int base, int overlay) {
        int a = alpha(overlay);
        if (a == 0) {
            return base | 0xFF000000;
        }
        if (a == 255) {
            return overlay;
        }
        int r = blend(overlay >>> 16 & 0xFF, base >>> 16 & 0xFF, a);
        int g = blend(overlay >>> 8 & 0xFF, base >>> 8 & 0xFF, a);
        int b = blend(overlay & 0xFF, base & 0xFF, a);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    /** Composites pixel by pixel; both arrays have the same length, the result is a new array. */
    public static int[] composite(int[] base, int[] overlay) {
        if (base.length != overlay.length) {
            throw new IllegalArgumentException("base has " + base.length + " pixels, overlay " + overlay.length);
        }
        int[] out = new int[base.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = composite(base[i], overlay[i]);
        }
        return out;
    }

    private static int blend(int over, int under, int a) {
        // + 127 before the integer division rounds the quotient to nearest (n / 255 never ties).
        return (over * a + under * (255 - a) + 127) / 255;
    }
}
