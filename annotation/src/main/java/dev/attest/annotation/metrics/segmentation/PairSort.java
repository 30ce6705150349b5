package dev.attest.annotation.metrics.segmentation;

/**
 * Sorts two parallel double arrays by (first, second) in place, without boxing: a surface can have millions
 * of points and sorting Integer indices through a comparator would cost more than the distance transform.
 */
final class PairSort {
    private PairSort() {
    }

    static void sort(double[] keys, double[] ties) {
        if (keys.length != ties.length) {
            throw new IllegalArgumentException(keys.length + " keys but " + ties.length + " tie-breakers");
        }
        double[] keyBuffer = new double[keys.length];
        double[] tieBuffer = new double[ties.length];
        mergeSort(keys, ties, keyBuffer, tieBuffer, 0, keys.length);
    }

    private static void mergeSort(double[] k, double[] t, double[] kb, double[] tb, int from, int to) {
        if (to - from < 24) {
            insertionSort(k, t, from, to);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(k, t, kb, tb, from, mid);
        mergeSort(k, t, kb, tb, mid, to);
        if (!less(k[mid], t[mid], k[mid - 1], t[mid - 1])) {
            return;
        }
        System.arraycopy(k, from, kb, from, to - from);
        System.arraycopy(t, from, tb, from, to - from);
        int i = from;
        int j = mid;
        for (int out = from; out < to; out++) {
            if (j >= to || (i < mid && !less(kb[j], tb[j], kb[i], tb[i]))) {
                k[out] = kb[i];
                t[out] = tb[i++];
            } else {
                k[out] = kb[j];
                t[out] = tb[j++];
            }
        }
    }

    private static void insertionSort(double[] k, double[] t, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            double key = k[i];
            double tie = t[i];
            int j = i - 1;
            while (j >= from && less(key, tie, k[j], t[j])) {
                k[j + 1] = k[j];
                t[j + 1] = t[j];
                j--;
            }
            k[j + 1] = key;
            t[j + 1] = tie;
        }
    }

    private static boolean less(double k1, double t1, double k2, double t2) {
        return k1 < k2 || (k1 == k2 && t1 < t2);
    }
}
