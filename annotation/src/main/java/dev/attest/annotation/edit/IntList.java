package dev.attest.annotation.edit;

import java.util.Arrays;

/** A growable int array, so collecting millions of voxel indices does not box each one. */
final class IntList {
    private int[] values = new int[64];
    private int size;

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    int get(int n) {
        return values[n];
    }

    int[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
