package dev.attest.viewer.fx;

import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.render.LabelTable;
import dev.attest.viewer.surface.LabelSurfaces;
import dev.attest.viewer.surface.SurfaceMesh;
import dev.attest.viewer.surface.SurfaceOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.geometry.Point3D;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.PerspectiveCamera;
import javafx.scene.PointLight;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.shape.VertexFormat;
import javafx.scene.transform.Affine;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;

/**
 * A 3D view of label-map surfaces: one lit mesh per label in the label's colour, seen by default
 * from the patient's front with the head up, so the patient's left is on the image's right as in
 * radiological convention. Left-drag rotates, the wheel zooms, right- or middle-drag pans.
 *
 * <p>Meshes are given in LPS millimetres; the view maps LPS to JavaFX's camera frame (x right,
 * y down, z away from the viewer) by a rotation, never a mirror, so triangles wound
 * counter-clockwise seen from outside stay front faces.
 */
public final class SurfaceView3D extends Region {

    /** Background: dark enough for every label colour, not pure black so shadowed parts stay visible. */
    public static final Color BACKGROUND = Color.rgb(24, 26, 32);

    /** Vertical field of view in degrees; narrow enough for little perspective distortion. */
    private static final double FIELD_OF_VIEW = 30;
    private static final double DEGREES_PER_PIXEL = 0.4;

    /**
     * LPS → camera frame for the anterior view: patient left (+x) to the right, superior (+z) up
     * (−y in JavaFX), posterior (+y) away from the viewer (+z). Its determinant is +1.
     */
    private static final Affine ANTERIOR = new Affine(
            1, 0, 0, 0,
            0, 0, -1, 0,
            0, 1, 0, 0);

    private final Group meshes = new Group();
    private final Affine rotation = new Affine();
    private final Translate centring = new Translate();
    private final PerspectiveCamera camera = new PerspectiveCamera(true);
    private final Group cameraRig;
    private final SubScene subScene;
    private final Map<Integer, MeshView> views = new TreeMap<>();
    private double[] bounds = {-50, -50, -50, 50, 50, 50};
    private double distance = 400;
    private double panX;
    private double panY;
    private double lastX;
    private double lastY;

    public SurfaceView3D() {
        meshes.getTransforms().setAll(rotation, ANTERIOR, centring);
        camera.setFieldOfView(FIELD_OF_VIEW);
        // A head light: lit from the viewer's side, so whatever faces the camera is fully lit.
        PointLight headLight = new PointLight(Color.gray(0.7));
        cameraRig = new Group(camera, headLight);
        Group root = new Group(meshes, cameraRig, new AmbientLight(Color.gray(0.3)));
        subScene = new SubScene(root, 400, 400, true, SceneAntialiasing.BALANCED);
        subScene.setFill(BACKGROUND);
        subScene.setCamera(camera);
        subScene.widthProperty().bind(widthProperty());
        subScene.heightProperty().bind(heightProperty());
        getChildren().add(subScene);
        setPrefSize(600, 600);
        widthProperty().addListener((o, a, b) -> frame());
        heightProperty().addListener((o, a, b) -> frame());
        subScene.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            lastX = e.getX();
            lastY = e.getY();
        });
        subScene.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        subScene.addEventHandler(ScrollEvent.SCROLL, e -> zoom(Math.exp(e.getDeltaY() * 0.002)));
        placeCamera();
    }

    /**
     * Builds every label's surface on executor and shows them when done; the FX thread only
     * attaches the finished meshes. Completes exceptionally with the build's error, including
     * {@link dev.attest.core.progress.CancelledException} when cancelled.
     */
    public CompletableFuture<Void> showLabels(Volume labels, LabelTable table, SurfaceOptions options, Executor executor,
                                              ProgressListener progress, Cancellation cancellation) {
        return CompletableFuture.supplyAsync(() -> LabelSurfaces.build(labels, options, executor, progress,
                cancellation), executor).thenCompose(surfaces -> showSurfaces(surfaces, table, executor));
    }

    /** Shows ready-made surfaces; the JavaFX meshes are built on executor, then attached on the FX thread. */
    public CompletableFuture<Void> showSurfaces(Map<Integer, SurfaceMesh> surfaces, LabelTable table,
                                                Executor executor) {
        return CompletableFuture.supplyAsync(() -> {
            Map<Integer, MeshView> built = new LinkedHashMap<>();
            surfaces.forEach((label, mesh) -> {
                if (!mesh.isEmpty()) {
                    built.put(label, meshView(mesh, table.get(label)));
                }
            });
            return new Prepared(built, unionBounds(surfaces.values()));
        }, executor).thenAcceptAsync(this::install, Platform::runLater);
    }

    private record Prepared(Map<Integer, MeshView> views, double[] bounds) {
    }

    private void install(Prepared prepared) {
        views.clear();
        views.putAll(prepared.views());
        meshes.getChildren().setAll(prepared.views().values());
        if (prepared.bounds() != null) {
            bounds = prepared.bounds();
        }
        resetView();
    }

    /** The labels shown, in increasing order. */
    public Set<Integer> labels() {
        return Collections.unmodifiableSet(views.keySet());
    }

    /** Shows or hides one label's surface; unknown labels are ignored. */
    public void setLabelVisible(int label, boolean visible) {
        MeshView view = views.get(label);
        if (view != null) {
            view.setVisible(visible);
        }
    }

    public boolean isLabelVisible(int label) {
        MeshView view = views.get(label);
        return view != null && view.isVisible();
    }

    /** Back to the anterior view, head up, with every surface in the frame. */
    public void resetView() {
        rotation.setToIdentity();
        panX = 0;
        panY = 0;
        frame();
    }

    /**
     * Turns the surfaces about the screen's axes: horizontalDegrees about the vertical axis,
     * positive moving the near side to the right (as dragging right does); verticalDegrees about
     * the horizontal axis, positive moving the near side down.
     */
    public void rotate(double horizontalDegrees, double verticalDegrees) {
        // The rotation sits outside the centring and orientation, so it turns about the centre of
        // the surfaces and about axes fixed to the screen, whatever has been turned before.
        rotation.prependRotation(-horizontalDegrees, Point3D.ZERO, Rotate.Y_AXIS);
        rotation.prependRotation(verticalDegrees, Point3D.ZERO, Rotate.X_AXIS);
    }

    /** Moves the camera closer by factor (> 1) or further (< 1). */
    public void zoom(double factor) {
        if (factor > 0 && Double.isFinite(factor)) {
            distance /= factor;
            placeCamera();
        }
    }

    /** Shifts the view by a number of pixels, as a pan drag does. */
    public void pan(double dxPixels, double dyPixels) {
        double mmPerPixel = 2 * distance * Math.tan(Math.toRadians(FIELD_OF_VIEW / 2)) / Math.max(1, getHeight());
        panX -= dxPixels * mmPerPixel;
        panY -= dyPixels * mmPerPixel;
        placeCamera();
    }

    private void drag(MouseEvent e) {
        double dx = e.getX() - lastX;
        double dy = e.getY() - lastY;
        lastX = e.getX();
        lastY = e.getY();
        if (e.getButton() == MouseButton.PRIMARY) {
            rotate(dx * DEGREES_PER_PIXEL, dy * DEGREES_PER_PIXEL);
        } else {
            pan(dx, dy);
        }
    }

    /** Centres the surfaces and backs the camera off until their bounding sphere fits the narrower side. */
    private void frame() {
        centring.setX(-(bounds[0] + bounds[3]) / 2);
        centring.setY(-(bounds[1] + bounds[4]) / 2);
        centring.setZ(-(bounds[2] + bounds[5]) / 2);
        double dx = bounds[3] - bounds[0];
        double dy = bounds[4] - bounds[1];
        double dz = bounds[5] - bounds[2];
        double radius = Math.max(1, 0.5 * Math.sqrt(dx * dx + dy * dy + dz * dz));
        double halfVertical = Math.toRadians(FIELD_OF_VIEW / 2);
        double aspect = getWidth() > 0 && getHeight() > 0 ? getWidth() / getHeight() : 1;
        double halfHorizontal = Math.atan(Math.tan(halfVertical) * aspect);
        distance = 1.05 * radius / Math.sin(Math.min(halfVertical, halfHorizontal));
        placeCamera();
    }

    private void placeCamera() {
        cameraRig.setTranslateX(panX);
        cameraRig.setTranslateY(panY);
        cameraRig.setTranslateZ(-distance);
        camera.setNearClip(Math.max(0.1, distance * 0.01));
        camera.setFarClip(distance * 10);
    }

    private static MeshView meshView(SurfaceMesh surface, LabelTable.Entry entry) {
        TriangleMesh mesh = new TriangleMesh(VertexFormat.POINT_NORMAL_TEXCOORD);
        mesh.getPoints().setAll(surface.vertices());
        mesh.getNormals().setAll(surface.normals());
        mesh.getTexCoords().setAll(0, 0);
        int[] triangles = surface.triangles();
        int[] faces = new int[triangles.length * 3];
        for (int i = 0; i < triangles.length; i++) {
            // Vertex normals share the vertex's index; one dummy texture coordinate serves all.
            faces[3 * i] = triangles[i];
            faces[3 * i + 1] = triangles[i];
        }
        mesh.getFaces().setAll(faces);
        MeshView view = new MeshView(mesh);
        int rgb = entry.rgb();
        view.setMaterial(new PhongMaterial(Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF)));
        view.setCullFace(CullFace.BACK);
        view.setVisible(entry.visible());
        return view;
    }

    private static double[] unionBounds(Iterable<SurfaceMesh> surfaces) {
        double[] union = null;
        for (SurfaceMesh mesh : surfaces) {
            if (mesh.isEmpty()) {
                continue;
            }
            double[] b = mesh.bounds();
            if (union == null) {
                union = b;
            } else {
                for (int axis = 0; axis < 3; axis++) {
                    union[axis] = Math.min(union[axis], b[axis]);
                    union[axis + 3] = Math.max(union[axis + 3], b[axis + 3]);
                }
            }
        }
        return union;
    }

    @Override
    protected void layoutChildren() {
        subScene.relocate(0, 0);
    }
}
