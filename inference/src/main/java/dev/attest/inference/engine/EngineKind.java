package dev.attest.inference.engine;

/** The DJL engines Attest runs models on; the name is DJL's engine name. */
public enum EngineKind {
    PYTORCH("PyTorch"),
    ONNXRUNTIME("OnnxRuntime");

    private final String djlName;

    EngineKind(String djlName) {
        this.djlName = djlName;
    }

    public String djlName() {
        return djlName;
    }

    /** Parses the manifest spelling: "pytorch"/"torchscript" or "onnxruntime"/"onnx". */
    public static EngineKind parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "pytorch", "torchscript", "torch" -> PYTORCH;
            case "onnxruntime", "onnx", "ort" -> ONNXRUNTIME;
            default -> throw new IllegalArgumentException(
                    "unknown engine '" + text + "' (expected pytorch or onnxruntime)");
        };
    }
}
