package dev.attest.viewer.fx;

import dev.attest.core.geometry.Vec3;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.viewer.render.LabelTable;
import dev.attest.viewer.surface.LabelSurfaces;
import dev.attest.viewer.surface.SurfaceMesh;
import dev.attest.viewer.surface.SurfaceOptions;
import dev.attest.viewer.volume3d.OrbitCamera;
import dev.attest.viewer.volume3d.OrbitCentre;
import dev.attest.viewer.volume3d.PerspectivePose;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
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

/**
 * A 3D view of label-map surfaces: one lit mesh per label in the label's colour, seen through an
 * {@link OrbitCamera} (by default from the patient's front with the head up, so the patient's
 * left is on the image's right as in radiological convention). Left-drag rotates, the wheel
 * zooms, right- or middle-drag pans.
 *
 * <p>The camera is a property that the volume-rendering view can share: the perspective camera
 * is placed by {@link PerspectivePose} about the same {@link OrbitCentre}, so switching between the
 * two shows the same viewpoint. Meshes stay in LPS millimetres as scene coordinates; the camera's
 * frame (right, down, view = right × down) is a rotation of JavaFX's (x right, y down, z away), never
 * a mirror, so triangles wound counter-clockwise seen from outside stay front faces.
 */
public final class SurfaceView3D extends Region {

    /** Background: dark enough for every label colour, not pure black so shadowed parts stay visible. */
    public static final Color BACKGROUND = Color.rgb(24, 26, 32);

    /** Vertical field of view in degrees; narrow enough for little perspective distortion. */
    public static final double FIELD_OF_VIEW = 30;
    /** As the volume view's, so a drag turns both views alike. */
    private static final double DEGREES_PER_PIXEL = VolumeView3D.DEGREES_PER_PIXEL;

    private final Group meshes = new Group();
    private final Affine rig = new Affine();
    private final PerspectiveCamera camera = new PerspectiveCamera(true);
    private final ObjectProperty<OrbitCamera> orbit;
    private final Group cameraRig;
    private final SubScene subScene;
    private final Map<Integer, MeshView> views = new TreeMap<>();
    /** Set by {@link #setOrbitCentre}; null: the centre of the surfaces shown. */
    private OrbitCentre fixedCentre;
    private OrbitCentre surfacesCentre = new OrbitCentre(Vec3.ZERO, 50);
    private PerspectivePose pose;
    private double lastX;
    private double lastY;

    /** A view with its own camera, starting from the anterior view. */
    public SurfaceView3D() {
        this(new SimpleObjectProperty<>(OrbitCamera.ANTERIOR));
    }

    /** A view driven by a shared camera property (the same object, not a copy), e.g. the volume view's. */
    public SurfaceView3D(ObjectProperty<OrbitCamera> orbit) {
        this.orbit = Objects.requireNonNull(orbit, "orbit");
        camera.setFieldOfView(FIELD_OF_VIEW);
        // A head light: lit from the viewer's side, so whatever faces the camera is fully lit.
        PointLight headLight = new PointLight(Color.gray(0.7));
        cameraRig = new Group(camera, headLight);
        cameraRig.getTransforms().setAll(rig);
        Group root = new Group(meshes, cameraRig, new AmbientLight(Color.gray(0.3)));
        subScene = new SubScene(root, 400, 400, true, SceneAntialiasing.BALANCED);
        subScene.setFill(BACKGROUND);
        subScene.setCamera(camera);
        subScene.widthProperty().bind(widthProperty());
        subScene.heightProperty().bind(heightProperty());
        getChildren().add(subScene);
        setPrefSize(600, 600);
        widthProperty().addListener((o, a, b) -> placeCamera());
        heightProperty().addListener((o, a, b) -> placeCamera());
        orbit.addListener((o, a, b) -> placeCamera());
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
            double[] b = prepared.bounds();
            Vec3 lo = new Vec3(b[0], b[1], b[2]);
            Vec3 hi = new Vec3(b[3], b[4], b[5]);
            surfacesCentre = new OrbitCentre(lo.add(hi).scale(0.5), Math.max(1, 0.5 * hi.distance(lo)));
        }
        placeCamera();
    }

    /** The camera, shared with the views given the same property. */
    public ObjectProperty<OrbitCamera> cameraProperty() {
        return orbit;
    }

    /**
     * Turns about and fits this centre (the image volume's, as the volume view does) instead of
     * the surfaces' own bounding box; null goes back to the surfaces'.
     */
    public void setOrbitCentre(OrbitCentre centre) {
        fixedCentre = centre;
        placeCamera();
    }

    /** The centre and radius the camera turns about and fits now. */
    public OrbitCentre orbitCentre() {
        return fixedCentre != null ? fixedCentre : surfacesCentre;
    }

    /** Where the perspective camera stands now (null before the view has a size). */
    public PerspectivePose pose() {
        return pose;
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

    /** Back to the anterior view, head up, fitted, not panned. */
    public void resetView() {
        orbit.set(OrbitCamera.ANTERIOR);
    }

    /**
     * Turns the surfaces about the screen's axes: horizontalDegrees about the vertical axis,
     * positive moving the near side to the right (as dragging right does); verticalDegrees about
     * the horizontal axis, positive moving the near side down. The camera orbits the other way:
     * azimuth − horizontal, elevation + vertical (held within ±90°), as in the volume view.
     */
    public void rotate(double horizontalDegrees, double verticalDegrees) {
        OrbitCamera c = orbit.get();
        orbit.set(c.withAngles(c.azimuthDeg() - horizontalDegrees, c.elevationDeg() + verticalDegrees));
    }

    /** Moves the camera closer by factor (> 1) or further (< 1). */
    public void zoom(double factor) {
        if (factor > 0 && Double.isFinite(factor)) {
            orbit.set(orbit.get().withZoom(orbit.get().zoom() * factor));
        }
    }

    /** Shifts the view by a number of pixels, as a pan drag does: the content follows the mouse. */
    public void pan(double dxPixels, double dyPixels) {
        OrbitCamera c = orbit.get();
        double mmPerPixel = 2 * orbitCentre().radiusMm() / (Math.max(1, Math.min(getWidth(), getHeight())) * c.zoom());
        orbit.set(c.withPan(c.panRightMm() + dxPixels * mmPerPixel, c.panDownMm() + dyPixels * mmPerPixel));
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

    private void placeCamera() {
        int w = (int) Math.max(1, Math.round(getWidth()));
        int h = (int) Math.max(1, Math.round(getHeight()));
        OrbitCentre c = orbitCentre();
        pose = PerspectivePose.of(orbit.get(), c.centre(), c.radiusMm(), w, h, FIELD_OF_VIEW);
        setTransform(rig, pose);
        camera.setNearClip(Math.max(0.1, pose.distanceMm() * 0.01));
        camera.setFarClip(pose.distanceMm() + 4 * c.radiusMm());
    }

    /**
     * Sets affine to the camera-to-scene transform of a pose: camera x, y, z (right, down, away)
     * to the pose's right, down and view directions, camera origin to the eye. Scene coordinates
     * are LPS millimetres.
     */
    static void setTransform(Affine affine, PerspectivePose p) {
        Vec3 r = p.right();
        Vec3 d = p.down();
        Vec3 v = p.view();
        Vec3 e = p.eye();
        affine.setToTransform(
                r.x(), d.x(), v.x(), e.x(),
                r.y(), d.y(), v.y(), e.y(),
                r.z(), d.z(), v.z(), e.z());
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
