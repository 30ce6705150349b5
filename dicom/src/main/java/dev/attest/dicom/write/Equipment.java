package dev.attest.dicom.write;

import dev.attest.dicom.DicomDataset;
import dev.attest.dicom.Tag;

import java.util.Objects;

/**
 * The equipment that made a derived object, as the Enhanced General Equipment module (PS3.3
 * C.7.5.2) records it: all four attributes are Type 1 there, so none may be empty.
 *
 * @param manufacturer      Manufacturer, "Attest" for our own objects
 * @param modelName         Manufacturer's Model Name (the Attest product or the model that ran)
 * @param deviceSerialNumber Device Serial Number (an installation identifier)
 * @param softwareVersions  Software Versions
 */
public record Equipment(String manufacturer, String modelName, String deviceSerialNumber, String softwareVersions) {

    public Equipment {
        for (String[] field : new String[][] {{"manufacturer", manufacturer}, {"modelName", modelName},
                {"deviceSerialNumber", deviceSerialNumber}, {"softwareVersions", softwareVersions}}) {
            if (Objects.requireNonNull(field[1], field[0]).isBlank()) {
                throw new IllegalArgumentException("Enhanced General Equipment needs a " + field[0]
                        + " (the attribute is Type 1)");
            }
        }
    }

    /** Attest as the manufacturer. */
    public static Equipment attest(String modelName, String softwareVersion, String deviceSerialNumber) {
        return new Equipment("Attest", modelName, deviceSerialNumber, softwareVersion);
    }

    /** Writes General Equipment and Enhanced General Equipment (they share these attributes). */
    public void applyTo(DicomDataset ds) {
        Elements.text(ds, Tag.Manufacturer, manufacturer);
        Elements.text(ds, Tag.ManufacturerModelName, modelName);
        Elements.text(ds, Tag.DeviceSerialNumber, deviceSerialNumber);
        Elements.text(ds, Tag.SoftwareVersions, softwareVersions);
    }
}
