package dev.attest.app.cli;

import dev.attest.annotation.metrics.bootstrap.BootstrapOptions;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.app.probe.GroupRow;
import dev.attest.app.probe.ProbeFiles;
import dev.attest.app.probe.ProbeReport;
import dev.attest.app.probe.ProbeTables;
import dev.attest.app.probe.ProbedCase;
import dev.attest.app.probe.ProjectProbe;
import dev.attest.app.probe.SkippedCase;
import dev.attest.app.probe.StabilityGroups;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.volume.Volume;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.engine.PatchPredictor;
import dev.attest.inference.manifest.ManifestJson;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.probe.CaseProbe;
import dev.attest.inference.probe.EvidenceSource;
import dev.attest.inference.probe.Perturbation;
import dev.attest.inference.probe.PerturbationSpecs;
import dev.attest.inference.probe.ProbeOptions;
import dev.attest.inference.probe.ProbeRunner;
import dev.attest.inference.registry.ModelRegistry;
import dev.attest.inference.run.RunOptions;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code attest probe --model ID (--image FILE | --project DIR) --out DIR}: robustness probes. Runs the model on
 * the image (or on every case of a project whose image can be reopened) unperturbed and under each perturbation
 * and level, and writes probes.json, probes.csv, probes-groups.csv and probes.svg to DIR.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
        description = "Robustness probes: rerun a segmentation model on perturbed images (noise, intensity, blur,"
                + " downsampling, rotation, missing slices) and report how far labels and evidence move.")
public final class ProbeCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "ID|MANIFEST",
            description = "a model id from `attest models list`, or a manifest.json (or its folder)")
    String model;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    /** One image or one project. */
    static final class Input {
        @Option(names = "--image", paramLabel = "FILE", description = "NIfTI file or DICOM folder, zip or file")
        Path image;

        @Option(names = "--project", paramLabel = "DIR",
                description = "a project: every case whose image can be reopened, grouped by site and scanner")
        Path project;
    }

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created if missing)")
    Path out;

    @Option(names = "--perturb", paramLabel = "SPEC",
            description = "KIND[:PARAM=L1,L2,...][:OPTION=VALUE], repeatable: identity, noise:snr=..., scale:factor=...,"
                    + " shift:offset=..., blur:sigma=MM, downsample:factor=N[:axes=xyz], rotate:deg=...[:axis=L|P|S],"
                    + " missing:every=N[:fill=neighbour|zero] (default: each kind at two levels, and identity)")
    List<String> perturb;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "seed of the random perturbations (default 1)")
    long seed;

    @Option(names = "--evidence-class", paramLabel = "K",
            description = "evidence = the probability of class K (default: foreground, 1 - p(background))")
    Integer evidenceClass;

    @Option(names = "--top-percent", defaultValue = "5", paramLabel = "P", description = "k of the top-k% evidence overlap (default 5)")
    double topPercent;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default auto)")
    String device;

    @Option(names = "--series", paramLabel = "UID", description = "Series Instance UID when --image holds several series")
    String seriesUid;

    @Option(names = "--resamples", defaultValue = "2000", paramLabel = "N", description = "bootstrap resamples (default 2000)")
    int resamples;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        List<String> specs = perturb == null || perturb.isEmpty() ? PerturbationSpecs.DEFAULTS : perturb;
        List<Perturbation> perturbations = PerturbationSpecs.parseAll(specs, seed);
        EvidenceSource evidence = evidenceClass == null ? EvidenceSource.foreground() : EvidenceSource.ofClass(evidenceClass);
        ProbeOptions options = new ProbeOptions(evidence, topPercent, RunOptions.defaults());
        BootstrapOptions bootstrap = new BootstrapOptions(resamples, BootstrapOptions.DEFAULT.level(),
                BootstrapOptions.DEFAULT.seed());
        Files.createDirectories(out);
        ModelManifest manifest;
        ProjectProbe.Result result;
        try (ModelRegistry registry = ModelsCommand.openRegistry()) {
            Path manifestFile = InferCommand.manifestFile(model);
            manifest = manifestFile != null ? ManifestJson.read(manifestFile) : registry.entry(model).manifest();
            evidence.probabilityClass(manifest); // a wrong evidence class is refused before the model loads
            DeviceChoice deviceChoice = DeviceChoice.parse(device);
            PatchPredictor predictor = manifestFile != null ? registry.openManifest(manifestFile, deviceChoice)
                    : registry.open(model, deviceChoice);
            try {
                ProbeRunner runner = new ProbeRunner(manifest, predictor, options);
                result = input.project != null ? probeProject(runner, perturbations, err)
                        : probeImage(runner, perturbations, err);
            } finally {
                if (manifestFile != null) {
                    predictor.close(); // registry-owned models are closed with the registry
                }
            }
        }
        List<ProbedCase> cases = result.cases();
        List<GroupRow> groups = input.project != null ? StabilityGroups.of(cases, bootstrap)
                : StabilityGroups.overall(cases, bootstrap);
        ProbeReport report = new ProbeReport(manifest, ProbeReport.labelNames(manifest), specs, seed, evidence.describe(), topPercent,
                cases, result.skipped(), groups, bootstrap, (System.nanoTime() - t0) / 1_000_000);
        ProbeFiles.write(report, out);
        for (SkippedCase s : result.skipped()) {
            err.println("attest probe: skipped case " + s.caseId() + " (" + s.studyRef() + "): " + s.reason());
        }
        System.out.println("Probed " + cases.size() + (cases.size() == 1 ? " case" : " cases") + " with "
                + perturbations.size() + " perturbations in " + report.totalMillis() + " ms; wrote " + out.resolve(ProbeTables.JSON)
                + ", " + ProbeTables.CSV + ", " + ProbeTables.GROUPS_CSV + ", probes.svg");
        if (input.project != null && cases.isEmpty()) {
            err.println("attest probe: no case of " + input.project + " could be probed");
            return 1;
        }
        return 0;
    }

    private ProjectProbe.Result probeImage(ProbeRunner runner, List<Perturbation> perturbations, PrintWriter err)
            throws Exception {
        Volume volume = InputVolume.open(input.image, seriesUid);
        CaseProbe probe = runner.run(volume, perturbations, (done, total, message) ->
                err.println("attest probe: " + done + "/" + total + " " + message), new Cancellation());
        return new ProjectProbe.Result(List.of(new ProbedCase(null, input.image.getFileName().toString(), null, null, probe)),
                List.of());
    }

    private ProjectProbe.Result probeProject(ProbeRunner runner, List<Perturbation> perturbations, PrintWriter err) {
        try (ProjectStore store = Projects.openReadOnly(input.project)) {
            return ProjectProbe.run(store, runner, perturbations, (i, n, c, done, total, message) ->
                    err.println("attest probe: case " + (i + 1) + "/" + n + " " + c.studyRef() + ": " + done + "/"
                            + total + " " + message), new Cancellation());
        }
    }
}
