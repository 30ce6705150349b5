package dev.attest.viewer.measure;

import dev.attest.core.geometry.Vec3;
import dev.attest.viewer.mpr.ViewPlane;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The measurements of one volume, in the order they were made, with the one selected; the views
 * draw it and the table lists it, both told of every change through listeners. Use it from one
 * thread (the FX thread in the app); listeners run synchronously on that thread.
 */
public final class MeasurementList {

    /** What happened; {@code before} is null for ADDED, {@code after} is null for REMOVED. */
    public enum ChangeType { ADDED, REMOVED, REPLACED, SELECTED }

    /**
     * One change. For SELECTED, {@code before} and {@code after} are the previously and newly
     * selected measurements (either may be null).
     */
    public record Change(ChangeType type, DrawnMeasurement before, DrawnMeasurement after) {
    }

    /** Told of each change after it was made. */
    @FunctionalInterface
    public interface Listener {
        void changed(Change change);
    }

    private final Map<Long, DrawnMeasurement> byId = new LinkedHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private long nextId = 1;
    private Long selected;

    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Makes a measurement with the next free id and adds it. */
    public DrawnMeasurement add(MeasurementKind kind, List<Vec3> points, ViewPlane plane, String label) {
        return add(new DrawnMeasurement(nextId, kind, points, plane, label));
    }

    /**
     * Adds a measurement that already has an id (one read back from a file, say).
     *
     * @throws IllegalArgumentException when the id is taken
     */
    public DrawnMeasurement add(DrawnMeasurement m) {
        if (byId.containsKey(m.id())) {
            throw new IllegalArgumentException("measurement id " + m.id() + " is already in the list");
        }
        byId.put(m.id(), m);
        nextId = Math.max(nextId, m.id() + 1);
        fire(new Change(ChangeType.ADDED, null, m));
        return m;
    }

    /**
     * Puts an edited measurement in place of the one with its id, keeping its position.
     *
     * @throws IllegalArgumentException when no measurement has that id
     */
    public void replace(DrawnMeasurement edited) {
        DrawnMeasurement old = byId.get(edited.id());
        if (old == null) {
            throw new IllegalArgumentException("no measurement with id " + edited.id() + " to replace");
        }
        if (old.equals(edited)) {
            return;
        }
        byId.put(edited.id(), edited);
        fire(new Change(ChangeType.REPLACED, old, edited));
    }

    /** Removes the measurement with this id, clearing the selection if it was selected; false when absent. */
    public boolean remove(long id) {
        if (selected != null && selected == id) {
            select(null);
        }
        DrawnMeasurement old = byId.remove(id);
        if (old == null) {
            return false;
        }
        fire(new Change(ChangeType.REMOVED, old, null));
        return true;
    }

    /** Removes everything, one REMOVED change each. */
    public void clear() {
        for (Long id : new ArrayList<>(byId.keySet())) {
            remove(id);
        }
    }

    public Optional<DrawnMeasurement> get(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** All measurements in the order they were added (a snapshot). */
    public List<DrawnMeasurement> all() {
        return List.copyOf(byId.values());
    }

    public int size() {
        return byId.size();
    }

    /** Those a view showing {@code plane} draws (see {@link DrawnMeasurement#liesOn}). */
    public List<DrawnMeasurement> on(ViewPlane plane, double sliceStepMm) {
        return byId.values().stream().filter(m -> m.liesOn(plane, sliceStepMm)).toList();
    }

    /** Selects the measurement with this id, or nothing when null. */
    public void select(Long id) {
        if (id != null && !byId.containsKey(id)) {
            throw new IllegalArgumentException("no measurement with id " + id + " to select");
        }
        if (Objects.equals(selected, id)) {
            return;
        }
        DrawnMeasurement before = selected == null ? null : byId.get(selected);
        selected = id;
        fire(new Change(ChangeType.SELECTED, before, id == null ? null : byId.get(id)));
    }

    public OptionalLong selectedId() {
        return selected == null ? OptionalLong.empty() : OptionalLong.of(selected);
    }

    public Optional<DrawnMeasurement> selected() {
        return selected == null ? Optional.empty() : get(selected);
    }

    private void fire(Change change) {
        for (Listener l : listeners) {
            l.changed(change);
        }
    }
}
