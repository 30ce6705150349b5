package dev.attest.app.probe;

import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.probe.CaseProbe;
import dev.attest.inference.probe.PerturbationSpecs;
import dev.attest.inference.probe.ProbeOptions;
import dev.attest.inference.probe.ProbeRunner;

import java.util.List;

/**
 * Probes one image already in memory (the workstation's case on screen) and gives the report that
 * {@code attest probe --image} would write for it: one case, the group "all" only, the same label names, seed and
 * evidence fields, so {@link ProbeFiles} writes the same files.
 */
public final class ImageProbe {
    private ImageProbe() {
    }

    /**
     * What the report says about the image probed.
     *
     * @param caseId  the project's case id, or null when the image is not (yet) a case of a project
     * @param name    the case's study reference, or the image's name
     * @param site    the case's site, or null
     * @param scanner the case's scanner, or null
     */
    public record Subject(Long caseId, String name, String site, String scanner) {
    }

    /**
     * Runs the model on the image and on each perturbation the specs name, one after another on the caller's
     * predictor (the caller keeps others off it while this runs).
     *
     * @throws dev.attest.inference.probe.PerturbationSpecException when a spec is malformed, before any run
     * @throws dev.attest.core.progress.CancelledException          when cancelled
     */
    public static ProbeReport run(ModelManifest manifest, PatchPredictor predictor, Volume image, Subject subject,
                                  List<String> specs, long seed, ProbeOptions options, ProgressListener progress,
                                  Cancellation cancellation) {
        long t0 = System.nanoTime();
        var perturbations = PerturbationSpecs.parseAll(specs, seed);
        options.evidence().probabilityClass(manifest); // a wrong evidence class is refused before the model runs
        CaseProbe probe = new ProbeRunner(manifest, predictor, options).run(image, perturbations, progress, cancellation);
        List<ProbedCase> cases = List.of(new ProbedCase(subject.caseId(), subject.name(), subject.site(), subject.scanner(),
                probe));
        return new ProbeReport(manifest, ProbeReport.labelNames(manifest), specs, seed, options.evidence().describe(),
                options.topPercent(), cases, List.of(), StabilityGroups.overall(cases, BootstrapOptions.DEFAULT),
                BootstrapOptions.DEFAULT, (System.nanoTime() - t0) / 1_000_000);
    }
}
