package dev.attest.inference.manifest;

/** How the weights are stored, which decides how they are loaded. */
public enum WeightFormat {
    /** A TorchScript archive (.pt/.ts), run by the PyTorch engine. */
    TORCHSCRIPT,
    /** An ONNX graph, run by ONNX Runtime. */
    ONNX,
    /** A brainchop TF.js layers-model (model.json + shards) rebuilt as a MeshNet on the PyTorch engine. */
    TFJS_MESHNET
}
