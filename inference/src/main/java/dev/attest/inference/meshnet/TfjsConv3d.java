package dev.attest.inference.meshnet;

/**
 * One Conv3D layer of a TF.js layers-model with the activation that follows it. Kernel sizes and
 * dilations are in Keras axis order (d, h, w); {@code kernel} is in the TF layout [kd, kh, kw, in, out],
 * row-major, exactly as stored in the shard; {@code bias} is null without bias.
 */
public record TfjsConv3d(String name, int inChannels, int filters, int[] kernelSize, int[] dilation,
                         MeshNetActivation activation, float[] kernel, float[] bias) {

    public TfjsConv3d {
        kernelSize = kernelSize.clone();
        dilation = dilation.clone();
    }

    @Override
    public int[] kernelSize() {
        return kernelSize.clone();
    }

    @Override
    public int[] dilation() {
        return dilation.clone();
    }

    public boolean hasBias() {
        return bias != null;
    }

    /** Learnable values: kernel plus bias. */
    public long parameterCount() {
        return kernel.length + (bias == null ? 0 : bias.length);
    }
}
