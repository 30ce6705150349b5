package dev.attest.viewer.volume3d;

import java.util.List;

/**
 * Named transfer functions for common 3D views: three CT presets in Hounsfield units and an MR
 * preset placed on the volume's own intensity percentiles, since MR has no absolute scale.
 */
public enum TransferPreset {
    /** Bone surfaces: transparent below 150 HU, ivory from 200 HU, nearly opaque from 400 HU. */
    CT_BONE("CT bone"),
    /** Skin and muscle semi-transparent, fat and air clear, bone white and denser. */
    CT_SOFT_TISSUE("CT soft tissue"),
    /** Contrast-enhanced vessels (150–400 HU) red, bone (> 500 HU) ivory, everything else clear. */
    CT_VESSELS("CT vessels"),
    /** MR: clear below 15 % of the 1st–99th percentile range, grey-warm and denser up to 60 %. */
    MR("MR");

    private final String label;

    TransferPreset(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Builds the function for a volume; only {@link #MR} reads the statistics. */
    public TransferFunction build(ValueStatistics stats) {
        return switch (this) {
            case CT_BONE -> new TransferFunction(label, List.of(
                    TransferFunction.Point.of(150, 0x000000, 0),
                    TransferFunction.Point.of(200, 0xD9B88C, 0.15),
                    TransferFunction.Point.of(400, 0xF2E6CC, 0.7),
                    TransferFunction.Point.of(1200, 0xFFFFF5, 0.95)));
            case CT_SOFT_TISSUE -> new TransferFunction(label, List.of(
                    TransferFunction.Point.of(-500, 0x000000, 0),
                    TransferFunction.Point.of(-200, 0xC08060, 0),
                    TransferFunction.Point.of(-50, 0xD89A78, 0.005),
                    TransferFunction.Point.of(40, 0xC85A4A, 0.02),
                    TransferFunction.Point.of(120, 0xE0A080, 0.05),
                    TransferFunction.Point.of(250, 0xF0E0C8, 0.5),
                    TransferFunction.Point.of(1000, 0xFFFFF5, 0.9)));
            case CT_VESSELS -> new TransferFunction(label, List.of(
                    TransferFunction.Point.of(120, 0x000000, 0),
                    TransferFunction.Point.of(160, 0xB02020, 0.2),
                    TransferFunction.Point.of(350, 0xF04030, 0.6),
                    TransferFunction.Point.of(500, 0xF0D8C0, 0.7),
                    TransferFunction.Point.of(1200, 0xFFFFF5, 0.9)));
            case MR -> {
                double lo = stats.p01();
                double range = Math.max(stats.p99() - lo, 1e-6);
                yield new TransferFunction(label, List.of(
                        TransferFunction.Point.of(lo + 0.15 * range, 0x000000, 0),
                        TransferFunction.Point.of(lo + 0.3 * range, 0xA08070, 0.1),
                        TransferFunction.Point.of(lo + 0.6 * range, 0xE8D0C0, 0.5),
                        TransferFunction.Point.of(lo + range, 0xFFFFFF, 0.8)));
            }
        };
    }
}
