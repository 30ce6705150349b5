package dev.attest.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.attest.annotation.model.ClaimCheck;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.annotation.store.Projects;
import dev.attest.app.review.ModelGrounding;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.registry.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code attest ground PROJECT CASE_ID --model ID --phrase TEXT [--slice K]}: grounds a phrase with a registered
 * grounding model on one axial slice of a project case (its image and newest label map as the project recorded
 * them) and prints the stored claim, its evidence and its checks as JSON.
 */
@Command(name = "ground", mixinStandardHelpOptions = true,
        description = "Ground a phrase with a registered grounding model on one axial slice of a project case; stores"
                + " a phrase claim with the model's boxes and heat map as evidence, checked against the case's"
                + " segmentation, and prints it as JSON.")
public final class GroundCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(index = "0", paramLabel = "PROJECT")
    Path project;

    @Parameters(index = "1", paramLabel = "CASE_ID", description = "case id, or the case's study reference")
    String caseId;

    @Option(names = "--model", required = true, paramLabel = "ID", description = "a registered GROUNDING model (attest models list)")
    String model;

    @Option(names = "--phrase", required = true, paramLabel = "TEXT")
    String phrase;

    @Option(names = "--slice", paramLabel = "K", description = "axial slice index of the case volume (default: the middle slice)")
    Integer slice;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default auto)")
    String device;

    @Override
    public Integer call() throws IOException {
        DeviceChoice deviceChoice = DeviceChoice.parse(device);
        try (ProjectStore store = Projects.open(project); ModelRegistry registry = ModelsCommand.openRegistry()) {
            long id = PdfCommand.Case.caseIdOf(store, caseId);
            ReviewCase c = store.cases().stream().filter(k -> k.id() == id).findFirst().orElseThrow();
            ModelGrounding.Target target = ModelGrounding.Target.reopen(store, c, ProgressListener.NONE, new Cancellation());
            int k = slice != null ? slice : target.image() == null ? 0 : target.image().grid().sizeZ() / 2;
            ModelGrounding.Grounded g = ModelGrounding.ground(store, target, registry, model, deviceChoice, phrase, k);
            System.out.println(JSON.writeValueAsString(report(store, g)));
        }
        return 0;
    }

    /** The stored run, claim, evidence (geometry and method as JSON objects) and checks. */
    static Map<String, Object> report(ProjectStore store, ModelGrounding.Grounded g) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("case", g.claim().claim().caseId());
        out.put("slice", g.slice());
        ModelRun r = g.run();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", r.id());
        run.put("model", r.modelId());
        run.put("version", r.modelVersion());
        run.put("weightsSha256", r.weightsSha256());
        run.put("engine", r.engine());
        run.put("device", r.device());
        run.put("parameters", tree(r.parametersJson()));
        out.put("run", run);
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("id", g.claim().claim().id());
        claim.put("kind", g.claim().claim().kind().name().toLowerCase(Locale.ROOT));
        claim.put("text", g.claim().claim().text());
        out.put("claim", claim);
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (Evidence e : g.claim().evidence()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", e.id());
            row.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
            if (e.artifact() != null) {
                row.put("artifact", store.resolveArtifact(e.artifact()).toString());
                row.put("sha256", e.artifact().sha256());
            }
            row.put("geometry", tree(e.geometryJson()));
            row.put("method", tree(e.methodJson()));
            evidence.add(row);
        }
        out.put("evidence", evidence);
        List<Map<String, Object>> checks = new ArrayList<>();
        for (ClaimCheck c : g.claim().checks()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", c.kind());
            row.put("outcome", c.outcome().name().toLowerCase(Locale.ROOT));
            row.put("value", c.value());
            row.put("reason", c.detail());
            checks.add(row);
        }
        out.put("checks", checks);
        return out;
    }

    private static JsonNode tree(String json) throws IOException {
        return json == null ? null : JSON.readTree(json);
    }
}
