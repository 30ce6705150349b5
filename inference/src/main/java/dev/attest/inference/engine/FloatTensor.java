package dev.attest.inference.engine;

import java.util.Arrays;

/**
 * A dense float array with its shape, row-major (last axis fastest), as it crosses the engine boundary.
 * Images use [N, C, D, H, W] with W = the volume's x (fastest in memory), D = z, so a Volume's voxel
 * buffer maps onto it without transposing.
 */
public record FloatTensor(float[] data, long[] shape) implements HostTensor {

    public FloatTensor {
        long n = 1;
        for (long s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n *= s;
        }
        if (n != data.length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
        }
        shape = shape.clone();
    }

    public static FloatTensor zeros(long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        return new FloatTensor(new float[Math.toIntExact(n)], shape);
    }

    public int rank() {
        return shape.length;
    }

    public long dim(int axis) {
        return shape[axis];
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}
