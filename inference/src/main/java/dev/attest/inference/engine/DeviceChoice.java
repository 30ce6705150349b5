package dev.attest.inference.engine;

/** What the user asked for: the GPU when DJL finds CUDA (AUTO), or a fixed device. */
public enum DeviceChoice {
    AUTO, CPU, GPU;

    public static DeviceChoice parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> AUTO;
            case "cpu" -> CPU;
            case "gpu", "cuda" -> GPU;
            default -> throw new IllegalArgumentException("unknown device '" + text + "' (auto, cpu or gpu)");
        };
    }
}
