package dev.attest.annotation.metrics.agreement;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The level of measurement of Krippendorff's alpha, which sets the squared difference δ² between two values
 * c and k: nominal 0 or 1; ordinal (Σ_{g=c..k} n_g − (n_c + n_k)/2)² over the value frequencies n_g; interval
 * (c − k)²; ratio ((c − k)/(c + k))².
 */
public enum AlphaLevel {
    NOMINAL, ORDINAL, INTERVAL, RATIO;

    /** The lower-case name, as written in JSON. */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
