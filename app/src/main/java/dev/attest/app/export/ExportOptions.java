package dev.attest.app.export;

import dev.attest.annotation.metrics.project.MetricsOptions;
import dev.attest.dicom.deid.DeidOption;
import dev.attest.dicom.deid.DeidOptions;

import java.util.Objects;

/**
 * What an export writes and how.
 *
 * @param deid    the PS3.15 options; retaining institution identity keeps site names and retaining device identity
 *                keeps scanner names in cases.jsonl (otherwise they become site-1, scanner-1, ...)
 * @param dicom   also write the images as de-identified DICOM under images/dicom/
 * @param zip     also write OUT.zip beside the folder
 * @param metrics how metrics.json is computed (bootstrap resamples, level, seed)
 * @param name    the set's name in croissant.json and the datasheet
 * @param license the licence URL (SPDX recommended), or null when the publisher has not chosen one
 * @param creator who made the set, or null
 * @param url     where the set will be published, or null
 */
public record ExportOptions(DeidOptions deid, boolean dicom, boolean zip, MetricsOptions metrics, String name,
                            String license, String creator, String url) {

    /** Stratification by site and scanner needs their names, so the default keeps them (and says so). */
    public static final DeidOptions DEFAULT_DEID = DeidOptions.of(DeidOption.RETAIN_DEVICE_IDENTITY,
            DeidOption.RETAIN_INSTITUTION_IDENTITY);

    /** Site and scanner names kept, no DICOM, no zip, default metrics options, name "attest-benchmark-set". */
    public static final ExportOptions DEFAULT = new ExportOptions(DEFAULT_DEID, false, false, MetricsOptions.DEFAULT,
            "attest-benchmark-set", null, null, null);

    public ExportOptions {
        Objects.requireNonNull(deid, "deid");
        Objects.requireNonNull(metrics, "metrics");
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("a set name is letters, digits, '.', '_' and '-', got '" + name + "'");
        }
    }

    public boolean keepsSites() {
        return deid.has(DeidOption.RETAIN_INSTITUTION_IDENTITY);
    }

    public boolean keepsScanners() {
        return deid.has(DeidOption.RETAIN_DEVICE_IDENTITY);
    }

    public ExportOptions withDeid(DeidOptions d) {
        return new ExportOptions(d, dicom, zip, metrics, name, license, creator, url);
    }

    public ExportOptions withDicom(boolean d) {
        return new ExportOptions(deid, d, zip, metrics, name, license, creator, url);
    }

    public ExportOptions withZip(boolean z) {
        return new ExportOptions(deid, dicom, z, metrics, name, license, creator, url);
    }

    public ExportOptions withMetrics(MetricsOptions m) {
        return new ExportOptions(deid, dicom, zip, m, name, license, creator, url);
    }

    public ExportOptions withDescription(String newName, String newLicense, String newCreator, String newUrl) {
        return new ExportOptions(deid, dicom, zip, metrics, newName, newLicense, newCreator, newUrl);
    }
}
