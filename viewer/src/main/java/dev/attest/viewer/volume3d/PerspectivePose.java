package dev.attest.viewer.volume3d;

import dev.attest.core.geometry.Vec3;
import java.util.Objects;

/**
 * Where a perspective camera (the JavaFX 3D surface view's) stands so that it shows what the ray
 * caster shows for the same {@link OrbitCamera}: it looks along the orbit camera's view direction
 * with the same right and down axes at the same (panned) view centre, from the distance at which
 * one pixel covers, in the plane through that centre facing the camera, the ray caster's pixel
 * size. Points in that plane therefore land on the same pixel in both views; nearer points appear
 * a little larger, as perspective has it.
 *
 * @param eye        the camera's position in LPS mm
 * @param right      image column direction (LPS unit vector)
 * @param down       image row direction
 * @param view       viewing direction, right × down
 * @param distanceMm from the eye to the view centre
 * @param fieldOfViewDeg vertical field of view
 */
public record PerspectivePose(Vec3 eye, Vec3 right, Vec3 down, Vec3 view, double distanceMm, double fieldOfViewDeg) {

    public PerspectivePose {
        Objects.requireNonNull(eye, "eye");
        if (!(distanceMm > 0) || !(fieldOfViewDeg > 0 && fieldOfViewDeg < 180)) {
            throw new IllegalArgumentException("distance must be positive and field of view in (0, 180): "
                    + distanceMm + ", " + fieldOfViewDeg);
        }
    }

    /**
     * The pose matching the ray caster's view of a volume with this orbit centre and bounding
     * radius (see {@link RayCaster#centre()}, {@link RayCaster#boundingRadiusMm()}) in a width ×
     * height view.
     */
    public static PerspectivePose of(OrbitCamera camera, Vec3 centre, double radiusMm, int width, int height,
            double fieldOfViewDeg) {
        if (width <= 0 || height <= 0 || !(radiusMm > 0)) {
            throw new IllegalArgumentException("need a positive view size and radius: " + width + " x " + height + ", " + radiusMm);
        }
        Vec3 right = camera.right();
        Vec3 down = camera.down();
        Vec3 view = camera.viewDirection();
        // As RayCaster.pixelMm: the bounding sphere's diameter over the smaller side, divided by the zoom.
        double pixelMm = 2 * radiusMm / (Math.min(width, height) * camera.zoom());
        double distance = pixelMm * height / (2 * Math.tan(Math.toRadians(fieldOfViewDeg) / 2));
        Vec3 viewCentre = centre.sub(right.scale(camera.panRightMm())).sub(down.scale(camera.panDownMm()));
        return new PerspectivePose(viewCentre.sub(view.scale(distance)), right, down, view, distance, fieldOfViewDeg);
    }

    /**
     * Screen position (x, y in pixels from the top-left corner, pixel centres at + ½) of an LPS
     * point in a view of that height and width, by the pinhole model with a vertical field of view.
     */
    public double[] project(Vec3 p, int width, int height) {
        Vec3 d = p.sub(eye);
        double z = d.dot(view);
        double f = height / 2.0 / Math.tan(Math.toRadians(fieldOfViewDeg) / 2);
        return new double[] {width / 2.0 + d.dot(right) / z * f, height / 2.0 + d.dot(down) / z * f};
    }
}
