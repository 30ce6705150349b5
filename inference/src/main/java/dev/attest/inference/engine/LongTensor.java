package dev.attest.inference.engine;

import java.util.Arrays;

/** A dense int64 array with its shape, row-major, e.g. token ids [1, L] for a text encoder. */
public record LongTensor(long[] data, long[] shape) implements HostTensor {

    public LongTensor {
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
        data = data.clone();
        shape = shape.clone();
    }

    @Override
    public long[] data() {
        return data.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    @Override
    public String toString() {
        return "LongTensor" + Arrays.toString(shape);
    }
}
