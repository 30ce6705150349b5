package dev.attest.inference.engine;

/**
 * A tensor held in JVM memory on its way into an engine: float32 image data or int64 token data,
 * row-major with its shape.
 */
public sealed interface HostTensor permits FloatTensor, LongTensor {

    long[] shape();
}
