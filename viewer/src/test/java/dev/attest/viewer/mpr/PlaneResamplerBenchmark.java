package dev.attest.viewer.mpr;

import dev.attest.core.geometry.Vec3;
import dev.attest.core.phantom.CtPhantom;
import dev.attest.core.volume.Volume;
import java.util.Locale;

/** Prints reslice times for a 512 × 512 × 300 CT; run by hand, never by the build, as timings vary by machine. */
public final class PlaneResamplerBenchmark {

    private PlaneResamplerBenchmark() {
    }

    public static void main(String[] args) {
        Volume ct = CtPhantom.generate(512, 512, 300, 0.75, 1.0, 10, 1).ct();
        Vec3 c = new Vec3(-75, -20, -35);
        ViewPlane[] planes = {ViewPlane.axial(c), ViewPlane.coronal(c), ViewPlane.sagittal(c),
                ViewPlane.oblique(c, new Vec3(1, 0.4, 0.2), new Vec3(0.1, 0.3, -1))};
        String[] names = {"axial", "coronal", "sagittal", "oblique"};
        for (Interpolation interpolation : Interpolation.values()) {
            for (int p = 0; p < planes.length; p++) {
                for (int warm = 0; warm < 20; warm++) {
                    PlaneResampler.resample(ct, planes[p], interpolation);
                }
                int runs = 50;
                long t0 = System.nanoTime();
                SliceImage image = null;
                for (int r = 0; r < runs; r++) {
                    image = PlaneResampler.resample(ct, planes[p], interpolation);
                }
                double ms = (System.nanoTime() - t0) / 1e6 / runs;
                System.out.printf(Locale.ROOT, "%-8s %-8s %4d x %4d  %7.2f ms%n", interpolation, names[p],
                        image.width(), image.height(), ms);
            }
        }
    }
}
