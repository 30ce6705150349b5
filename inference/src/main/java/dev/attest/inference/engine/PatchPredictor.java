package dev.attest.inference.engine;

/**
 * A loaded network that maps an input batch [N, C, D, H, W] to an output batch [N, K, D, H, W]
 * (logits or probabilities, as the manifest says). Implementations hold native resources: close them.
 * Not thread-safe; callers that share one must lock.
 */
public interface PatchPredictor extends AutoCloseable {

    FloatTensor predict(FloatTensor input);

    EngineInfo engineInfo();

    @Override
    void close();
}
