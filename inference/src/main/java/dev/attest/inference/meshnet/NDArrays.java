package dev.attest.inference.meshnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

import java.util.List;

/** Small NDArray helpers the slab loop needs. */
final class NDArrays {

    private NDArrays() {
    }

    /** Concatenates [N, C, z, y, x] arrays along z. */
    static NDArray concatZ(List<NDArray> parts) {
        return NDArrays.concat(new NDList(parts), 2);
    }

    private static NDArray concat(NDList list, int axis) {
        return ai.djl.ndarray.NDArrays.concat(list, axis);
    }
}
