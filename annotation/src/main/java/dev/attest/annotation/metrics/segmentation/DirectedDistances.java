package dev.attest.annotation.metrics.segmentation;

/**
 * The distances (mm) from each point of one surface to the nearest point of another, each with its surfel
 * weight, sorted by distance and then by weight, as DeepMind's surface-distance sorts them so that the
 * weighted percentile picks the same point.
 */
final class DirectedDistances {
    private final double[] distances;
    private final double[] weights;
    private final double totalWeight;

    private DirectedDistances(double[] distances, double[] weights) {
        this.distances = distances;
        this.weights = weights;
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        this.totalWeight = sum;
    }

    /** Distances from the points of from to the surface whose squared distance transform is toSquared. */
    static DirectedDistances of(CornerSurface from, double[] toSquared) {
        int n = from.size();
        double[] d = new double[n];
        double[] w = from.weights().clone();
        for (int i = 0; i < n; i++) {
            d[i] = Math.sqrt(toSquared[from.points()[i]]);
        }
        PairSort.sort(d, w);
        return new DirectedDistances(d, w);
    }

    boolean isEmpty() {
        return distances.length == 0;
    }

    double totalWeight() {
        return totalWeight;
    }

    /** The largest distance; NaN for an empty surface. */
    double max() {
        return distances.length == 0 ? Double.NaN : distances[distances.length - 1];
    }

    /** The weighted mean distance; NaN for an empty surface. */
    double mean() {
        if (distances.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < distances.length; i++) {
            sum += distances[i] * weights[i];
        }
        return sum / totalWeight;
    }

    /** Sum of distance × weight, for means pooled over both directions. */
    double weightedSum() {
        double sum = 0;
        for (int i = 0; i < distances.length; i++) {
            sum += distances[i] * weights[i];
        }
        return sum;
    }

    /**
     * The weighted percentile: the distance of the first point (in sorted order) at which the cumulative
     * weight fraction reaches percent / 100; NaN for an empty surface.
     */
    double percentile(double percent) {
        if (distances.length == 0) {
            return Double.NaN;
        }
        double target = percent / 100.0;
        double cumulative = 0;
        for (int i = 0; i < distances.length; i++) {
            cumulative += weights[i];
            if (cumulative / totalWeight >= target) {
                return distances[i];
            }
        }
        return distances[distances.length - 1];
    }

    /** The weight of the points at most tolerance mm from the other surface. */
    double weightWithin(double tolerance) {
        double sum = 0;
        for (int i = 0; i < distances.length && distances[i] <= tolerance; i++) {
            sum += weights[i];
        }
        return sum;
    }
}
