package dev.attest.dicom.sr;

import java.util.Objects;

/**
 * A device that made observations in a report (TID 1004): Attest itself, or the model that
 * produced the measured segmentations. Only the UID is required; empty strings are left out.
 */
public record DeviceObserver(String uid, String name, String manufacturer, String modelName, String serialNumber) {
    public DeviceObserver {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(serialNumber, "serialNumber");
        if (Objects.requireNonNull(uid, "uid").isEmpty()) {
            throw new IllegalArgumentException("Device Observer UID is mandatory in TID 1004");
        }
    }
}
