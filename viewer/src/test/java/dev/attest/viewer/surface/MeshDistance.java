package dev.attest.viewer.surface;

/** Brute-force distances between meshes for the tests (quadratic, fine for a few thousand triangles). */
final class MeshDistance {
    private MeshDistance() {
    }

    /** Symmetric Hausdorff distance, sampled at the vertices of each mesh against the other's triangles. */
    static double hausdorff(SurfaceMesh a, SurfaceMesh b) {
        return Math.max(oneSided(a, b), oneSided(b, a));
    }

    /** The largest distance from a vertex of from to the surface of to. */
    static double oneSided(SurfaceMesh from, SurfaceMesh to) {
        float[] v = from.vertices();
        double worst = 0;
        for (int i = 0; i < v.length; i += 3) {
            worst = Math.max(worst, distanceToSurface(v[i], v[i + 1], v[i + 2], to));
        }
        return worst;
    }

    static double distanceToSurface(double px, double py, double pz, SurfaceMesh mesh) {
        float[] v = mesh.vertices();
        int[] t = mesh.triangles();
        double best = Double.POSITIVE_INFINITY;
        for (int f = 0; f < t.length; f += 3) {
            int a = 3 * t[f];
            int b = 3 * t[f + 1];
            int c = 3 * t[f + 2];
            best = Math.min(best, pointTriangle(px, py, pz, v[a], v[a + 1], v[a + 2], v[b], v[b + 1], v[b + 2],
                    v[c], v[c + 1], v[c + 2]));
        }
        return best;
    }

    /** Distance from p to triangle abc: the plane if p projects inside, else the nearest edge. */
    static double pointTriangle(double px, double py, double pz, double ax, double ay, double az,
                                double bx, double by, double bz, double cx, double cy, double cz) {
        double[] ab = {bx - ax, by - ay, bz - az};
        double[] ac = {cx - ax, cy - ay, cz - az};
        double[] n = {ab[1] * ac[2] - ab[2] * ac[1], ab[2] * ac[0] - ab[0] * ac[2], ab[0] * ac[1] - ab[1] * ac[0]};
        double nn = n[0] * n[0] + n[1] * n[1] + n[2] * n[2];
        if (nn > 0) {
            double[] ap = {px - ax, py - ay, pz - az};
            double d = (ap[0] * n[0] + ap[1] * n[1] + ap[2] * n[2]) / nn;
            double qx = px - d * n[0];
            double qy = py - d * n[1];
            double qz = pz - d * n[2];
            if (sameSide(qx, qy, qz, ax, ay, az, bx, by, bz, n) && sameSide(qx, qy, qz, bx, by, bz, cx, cy, cz, n)
                    && sameSide(qx, qy, qz, cx, cy, cz, ax, ay, az, n)) {
                return Math.abs(d) * Math.sqrt(nn);
            }
        }
        return Math.min(segment(px, py, pz, ax, ay, az, bx, by, bz),
                Math.min(segment(px, py, pz, bx, by, bz, cx, cy, cz), segment(px, py, pz, cx, cy, cz, ax, ay, az)));
    }

    private static boolean sameSide(double qx, double qy, double qz, double ux, double uy, double uz,
                                    double vx, double vy, double vz, double[] n) {
        double ex = vx - ux;
        double ey = vy - uy;
        double ez = vz - uz;
        double wx = qx - ux;
        double wy = qy - uy;
        double wz = qz - uz;
        double cx = ey * wz - ez * wy;
        double cy = ez * wx - ex * wz;
        double cz = ex * wy - ey * wx;
        return cx * n[0] + cy * n[1] + cz * n[2] >= 0;
    }

    private static double segment(double px, double py, double pz, double ax, double ay, double az,
                                  double bx, double by, double bz) {
        double ex = bx - ax;
        double ey = by - ay;
        double ez = bz - az;
        double len2 = ex * ex + ey * ey + ez * ez;
        double s = len2 == 0 ? 0 : ((px - ax) * ex + (py - ay) * ey + (pz - az) * ez) / len2;
        s = Math.max(0, Math.min(1, s));
        double dx = ax + s * ex - px;
        double dy = ay + s * ey - py;
        double dz = az + s * ez - pz;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
