package dev.attest.viewer.fx;

import dev.attest.core.geometry.Vec3;
import dev.attest.viewer.measure.DrawnMeasurement;
import dev.attest.viewer.measure.MeasurementCalculator;
import dev.attest.viewer.measure.MeasurementKind;
import dev.attest.viewer.measure.MeasurementList;
import dev.attest.viewer.measure.MeasurementText;
import dev.attest.viewer.mpr.SliceNavigator;
import dev.attest.viewer.mpr.ViewPlane;
import dev.attest.viewer.render.Measurement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws the measurements of a {@link MeasurementList} on every view whose slice holds them: the
 * lines or outline, a square handle on each control point, and the value ("42.3 mm", "87.5°",
 * "mean … area … mm²"); the selected one in another colour, and the one being drawn dashed. One
 * layer serves all the views of a volume; {@link #attachTo} adds it and repaints the view when the
 * list changes. FX thread only.
 */
public final class MeasurementLayer implements ViewLayer {

    /** Colour of measurements; the selected one and handles under edit use {@link #SELECTED}. */
    public static final Color NORMAL = Color.rgb(255, 214, 0);
    public static final Color SELECTED = Color.rgb(0, 220, 255);
    /** Half the side of a handle square, in screen pixels at uiScale 1. */
    static final double HANDLE_HALF = 3;
    static final int ELLIPSE_SEGMENTS = 96;
    /** Results of regions, which cost a reslice each, kept while their geometry does not change. */
    private static final int CACHE_SIZE = 256;

    /** A measurement being drawn: its points so far, possibly too few to be a measurement yet. */
    record Sketch(MeasurementKind kind, List<Vec3> points, ViewPlane plane) {
    }

    private final MeasurementList list;
    private final MeasurementCalculator calculator;
    private final List<SliceView> views = new ArrayList<>();
    private final Map<DrawnMeasurement, Measurement> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DrawnMeasurement, Measurement> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    private Sketch sketch;

    public MeasurementLayer(MeasurementList list, MeasurementCalculator calculator) {
        this.list = Objects.requireNonNull(list, "list");
        this.calculator = Objects.requireNonNull(calculator, "calculator");
        list.addListener(c -> repaintViews());
    }

    public MeasurementList list() {
        return list;
    }

    public MeasurementCalculator calculator() {
        return calculator;
    }

    /** Adds this layer to a view, which is repainted from now on whenever the list changes. */
    public void attachTo(SliceView view) {
        if (!views.contains(view)) {
            views.add(view);
            view.addLayer(this);
        }
    }

    public void detachFrom(SliceView view) {
        if (views.remove(view)) {
            view.removeLayer(this);
        }
    }

    /** The values of a measurement, computed once per shape of it. */
    public Measurement valueOf(DrawnMeasurement m) {
        return cache.computeIfAbsent(m, calculator::measure);
    }

    /** Distance between neighbouring slices of a view with this plane, over which a measurement shows. */
    public double sliceStep(ViewPlane plane) {
        return new SliceNavigator(calculator.volume(), plane).step();
    }

    /** The measurements drawn on the slice a transform shows, in the list's order. */
    public List<DrawnMeasurement> visibleOn(ViewTransform t) {
        return list.on(t.plane(), sliceStep(t.plane()));
    }

    void setSketch(Sketch s) {
        sketch = s;
        repaintViews();
    }

    Sketch sketch() {
        return sketch;
    }

    private void repaintViews() {
        for (SliceView v : views) {
            v.requestRepaint();
        }
    }

    @Override
    public void paint(GraphicsContext g, ViewTransform t) {
        g.save();
        double ui = t.uiScale();
        g.setLineWidth(1.5 * ui);
        g.setFont(Font.font("System", 12 * ui));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        long selected = list.selectedId().orElse(-1);
        for (DrawnMeasurement m : visibleOn(t)) {
            Color c = m.id() == selected ? SELECTED : NORMAL;
            g.setLineDashes();
            List<double[]> line = screen(m.outline(ELLIPSE_SEGMENTS), t);
            stroke(g, line, m.closed(), c);
            for (Vec3 p : m.points()) {
                handle(g, t.lpsToScreen(p), c, ui);
            }
            if (m.id() == selected && m.kind() == MeasurementKind.ELLIPSE) {
                box(g, m, t, c, ui);
            }
            label(g, line, m.closed(), MeasurementText.lines(valueOf(m)), c, ui);
        }
        Sketch s = sketch;
        if (s != null && s.plane().normal().cross(t.plane().normal()).norm() < 1e-6
                && Math.abs(s.plane().centre().sub(t.plane().centre()).dot(t.plane().normal())) < sliceStep(t.plane()) / 2) {
            paintSketch(g, t, s, ui);
        }
        g.restore();
    }

    private void paintSketch(GraphicsContext g, ViewTransform t, Sketch s, double ui) {
        g.setLineDashes(5 * ui, 4 * ui);
        DrawnMeasurement whole = asMeasurement(s);
        List<double[]> line = screen(whole != null ? whole.outline(ELLIPSE_SEGMENTS) : s.points(), t);
        stroke(g, line, whole != null && whole.closed(), SELECTED);
        g.setLineDashes();
        for (Vec3 p : s.points()) {
            handle(g, t.lpsToScreen(p), SELECTED, ui);
        }
        if (whole != null) {
            label(g, line, whole.closed(), MeasurementText.lines(calculator.measure(whole)), SELECTED, ui);
        }
    }

    /** The sketch as a measurement when it already is a valid one (so its value can be shown live), else null. */
    static DrawnMeasurement asMeasurement(Sketch s) {
        if (s.points().size() < s.kind().minPoints() || s.points().size() > s.kind().maxPoints()) {
            return null;
        }
        try {
            return new DrawnMeasurement(0, s.kind(), s.points(), s.plane(), "");
        } catch (IllegalArgumentException degenerate) {
            return null;
        }
    }

    private static List<double[]> screen(List<Vec3> points, ViewTransform t) {
        return points.stream().map(t::lpsToScreen).toList();
    }

    private static void stroke(GraphicsContext g, List<double[]> line, boolean closed, Color c) {
        double[] xs = new double[line.size()];
        double[] ys = new double[line.size()];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = line.get(k)[0];
            ys[k] = line.get(k)[1];
        }
        g.setStroke(c);
        if (closed) {
            g.strokePolygon(xs, ys, xs.length);
        } else {
            g.strokePolyline(xs, ys, xs.length);
        }
    }

    private static void handle(GraphicsContext g, double[] at, Color c, double ui) {
        double h = HANDLE_HALF * ui;
        g.setFill(c);
        g.fillRect(at[0] - h, at[1] - h, 2 * h, 2 * h);
    }

    /** The ellipse's bounding box, thin and dashed, so its two corner handles read as what they are. */
    private static void box(GraphicsContext g, DrawnMeasurement m, ViewTransform t, Color c, double ui) {
        Vec3 a = m.point(0);
        Vec3 d = m.point(1).sub(a);
        Vec3 across = m.plane().right().scale(d.dot(m.plane().right()));
        List<double[]> corners = screen(List.of(a, a.add(across), m.point(1), m.point(1).sub(across)), t);
        double width = g.getLineWidth();
        g.setLineWidth(ui);
        g.setLineDashes(3 * ui, 3 * ui);
        stroke(g, corners, true, c);
        g.setLineDashes();
        g.setLineWidth(width);
    }

    /**
     * Writes the text with a dark shadow so it reads on any grey: right of a line's rightmost
     * point, below a region (its two lines would cover the region's neighbours if put beside it);
     * moved left or up where it would leave the view.
     */
    private static void label(GraphicsContext g, List<double[]> line, boolean region, List<String> lines, Color c,
            double ui) {
        String text = String.join("\n", lines);
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        double[] right = line.get(0);
        for (double[] p : line) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            maxY = Math.max(maxY, p[1]);
            right = p[0] > right[0] ? p : right;
        }
        Text probe = new Text(text);
        probe.setFont(g.getFont());
        double width = probe.getLayoutBounds().getWidth();
        double height = probe.getLayoutBounds().getHeight();
        double x;
        double y;
        if (region) {
            x = (minX + maxX) / 2 - width / 2;
            y = maxY + 6 * ui;
        } else {
            x = right[0] + 8 * ui;
            y = right[1] - 7 * ui;
            if (x + width > g.getCanvas().getWidth()) {
                x = minX - 8 * ui - width;
            }
        }
        x = Math.max(0, Math.min(x, g.getCanvas().getWidth() - width));
        y = Math.max(0, Math.min(y, g.getCanvas().getHeight() - height));
        g.setFill(Color.rgb(0, 0, 0, 0.8));
        g.fillText(text, x + ui, y + ui);
        g.setFill(c);
        g.fillText(text, x, y);
    }
}
