package dev.attest.viewer.overlay;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The overlays shown in every view of a case, bottom to top, shared by the views: each change
 * tells the listeners (the views repaint). Meant for one thread (the FX thread in the app).
 */
public final class OverlayStack {

    private final List<Overlay> overlays = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** The overlays bottom to top, as a snapshot. */
    public List<Overlay> overlays() {
        return List.copyOf(overlays);
    }

    /** The visible overlays bottom to top. */
    public List<Overlay> visible() {
        return overlays.stream().filter(Overlay::visible).toList();
    }

    /** Puts an overlay on top. */
    public void add(Overlay overlay) {
        overlays.add(Objects.requireNonNull(overlay, "overlay"));
        changed();
    }

    /** Removes the first overlay equal to the given one; returns whether there was one. */
    public boolean remove(Overlay overlay) {
        boolean removed = overlays.remove(overlay);
        if (removed) {
            changed();
        }
        return removed;
    }

    /** Replaces the first overlay equal to {@code old} by {@code updated} in the same place. */
    public void replace(Overlay old, Overlay updated) {
        Objects.requireNonNull(updated, "updated");
        int i = overlays.indexOf(old);
        if (i < 0) {
            throw new IllegalArgumentException("not in the stack: " + old.name());
        }
        overlays.set(i, updated);
        changed();
    }

    /** The first overlay with this name, if any. */
    public Optional<Overlay> find(String name) {
        return overlays.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    public void clear() {
        if (!overlays.isEmpty()) {
            overlays.clear();
            changed();
        }
    }

    /** What the legend lists: the entries of the visible overlays, bottom to top. */
    public List<LegendEntry> legend() {
        List<LegendEntry> out = new ArrayList<>();
        for (Overlay o : visible()) {
            out.addAll(o.legend());
        }
        return out;
    }

    public void addListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void changed() {
        for (Runnable l : listeners) {
            l.run();
        }
    }
}
