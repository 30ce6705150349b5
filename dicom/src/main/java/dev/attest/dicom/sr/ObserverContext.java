package dev.attest.dicom.sr;

import java.util.List;

/** Who observed what a report says (TID 1001/1002): the persons and devices, in document order. */
public record ObserverContext(List<PersonObserver> persons, List<DeviceObserver> devices) {
    public ObserverContext {
        persons = List.copyOf(persons);
        devices = List.copyOf(devices);
    }
}
