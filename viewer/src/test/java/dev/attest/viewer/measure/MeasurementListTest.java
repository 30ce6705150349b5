package dev.attest.viewer.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.attest.core.geometry.Vec3;
import dev.attest.viewer.measure.MeasurementList.Change;
import dev.attest.viewer.measure.MeasurementList.ChangeType;
import dev.attest.viewer.mpr.ViewPlane;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MeasurementListTest {

    private static final ViewPlane AXIAL = ViewPlane.axial(Vec3.ZERO);

    @Test
    void addsWithFreshIdsReplacesInPlaceAndTellsListenersOfEachChange() {
        MeasurementList list = new MeasurementList();
        List<Change> seen = new ArrayList<>();
        list.addListener(seen::add);
        DrawnMeasurement a = list.add(MeasurementKind.DISTANCE, List.of(Vec3.ZERO, new Vec3(1, 0, 0)), AXIAL, "a");
        DrawnMeasurement b = list.add(MeasurementKind.DISTANCE, List.of(Vec3.ZERO, new Vec3(0, 1, 0)), AXIAL, "b");
        assertEquals(1, a.id());
        assertEquals(2, b.id());
        DrawnMeasurement a2 = a.withLabel("renamed");
        list.replace(a2);
        list.replace(a2);                                       // no change, no event
        assertEquals(List.of(a2, b), list.all());
        list.select(2L);
        list.remove(2);
        assertEquals(List.of(
                new Change(ChangeType.ADDED, null, a),
                new Change(ChangeType.ADDED, null, b),
                new Change(ChangeType.REPLACED, a, a2),
                new Change(ChangeType.SELECTED, null, b),
                new Change(ChangeType.SELECTED, b, null),
                new Change(ChangeType.REMOVED, b, null)), seen);
        assertEquals(OptionalLong.empty(), list.selectedId());
        assertFalse(list.remove(2));
        DrawnMeasurement c = list.add(MeasurementKind.DISTANCE, List.of(Vec3.ZERO, new Vec3(0, 2, 0)), AXIAL, "");
        assertEquals(3, c.id(), "ids are never reused");
    }

    @Test
    void refusesDuplicateIdsAndUnknownOnes() {
        MeasurementList list = new MeasurementList();
        DrawnMeasurement a = list.add(MeasurementKind.DISTANCE, List.of(Vec3.ZERO, new Vec3(1, 0, 0)), AXIAL, "");
        assertEquals("measurement id 1 is already in the list",
                assertThrows(IllegalArgumentException.class, () -> list.add(a)).getMessage());
        assertEquals("no measurement with id 5 to replace",
                assertThrows(IllegalArgumentException.class, () -> list.replace(a.withId(5))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> list.select(5L));
        list.add(a.withId(10));
        assertEquals(11, list.add(MeasurementKind.DISTANCE, List.of(Vec3.ZERO, new Vec3(1, 0, 0)), AXIAL, "").id());
    }

    @Test
    void listsTheMeasurementsOnAViewsSlice() {
        MeasurementList list = new MeasurementList();
        DrawnMeasurement here = list.add(MeasurementKind.DISTANCE, List.of(Vec3.ZERO, new Vec3(1, 0, 0)), AXIAL, "");
        list.add(MeasurementKind.DISTANCE, List.of(new Vec3(0, 0, 2), new Vec3(1, 0, 2)),
                ViewPlane.axial(new Vec3(0, 0, 2)), "");
        list.add(MeasurementKind.DISTANCE, List.of(Vec3.ZERO, new Vec3(1, 0, 0)), ViewPlane.coronal(Vec3.ZERO), "");
        assertEquals(List.of(here), list.on(ViewPlane.axial(new Vec3(5, 5, 0.4)), 2));
    }
}
