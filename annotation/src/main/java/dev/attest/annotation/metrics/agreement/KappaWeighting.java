package dev.attest.annotation.metrics.agreement;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How much Cohen's kappa counts a disagreement between category ranks i and j of k ordered categories:
 * unweighted 1 for any disagreement, linear |i − j| / (k − 1), quadratic (i − j)² / (k − 1)².
 */
public enum KappaWeighting {
    UNWEIGHTED, LINEAR, QUADRATIC;

    /** The disagreement weight of ranks i and j among k categories, in [0, 1]. */
    public double disagreement(int i, int j, int k) {
        if (i == j) {
            return 0;
        }
        double d = Math.abs(i - j) / (double) (k - 1);
        return switch (this) {
            case UNWEIGHTED -> 1;
            case LINEAR -> d;
            case QUADRATIC -> d * d;
        };
    }

    /** The lower-case name, as written in JSON. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
