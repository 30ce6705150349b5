package dev.attest.viewer.render;

/** Renders a label map (one int per pixel, 0 = background) as translucent ARGB over a slice. */
public record LabelOverlay(LabelTable table, double opacity, Mode mode) {

    /** FILL paints every labelled pixel; OUTLINE only the pixels on a label's border. */
    public enum Mode { FILL, OUTLINE }

    public LabelOverlay {
        if (table == null || mode == null) {
            throw new IllegalArgumentException("table and mode are required");
        }
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be in [0, 1]: " + opacity);
        }
    }

    /**
     * Row-major labels (width x height) to ARGB; background, hidden labels and, in OUTLINE mode,
     * interior pixels are fully transparent (0). A pixel is on the outline when one of its four
     * edge neighbours has a different label; outside the image counts as background, so a label
     * touching the image edge is closed there rather than left open.
     */
    public int[] render(int[] labels, int width, int height) {
        if (width < 0 || height < 0 || (long) width * height != labels.length) {
            throw new IllegalArgumentException(labels.length + " labels do not fill " + width + " x " + height);
        }
        int alpha = (int) Math.round(255 * opacity);
        int[] argb = new int[labels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int label = labels[i];
                if (!table.isVisible(label)) {
                    continue;
                }
                if (mode == Mode.OUTLINE && !onBorder(labels, width, height, x, y, label)) {
                    continue;
                }
                argb[i] = alpha << 24 | table.get(label).rgb();
            }
        }
        return argb;
    }

    private static boolean onBorder(int[] labels, int width, int height, int x, int y, int label) {
        return neighbour(labels, width, height, x - 1, y) != label
                || neighbour(labels, width, height, x + 1, y) != label
                || neighbour(labels, width, height, x, y - 1) != label
                || neighbour(labels, width, height, x, y + 1) != label;
    }

    private static int neighbour(int[] labels, int width, int height, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0 : labels[y * width + x];
    }
}
