package dev.attest.inference.manifest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything Attest needs to know to run a model and to record what ran: identity, task, engine and
 * weights (with their sha256, checked before use), the input contract, the outputs and the licence.
 * {@code weights} is relative to the folder holding the manifest; {@code files} lists any further files
 * the model needs (TF.js weight shards, a tokenizer), each with its own sha256, and is empty for single-file
 * models. {@code grounding} is the phrase-grounding contract of a GROUNDING model and null for the others.
 */
public record ModelManifest(String id, String name, String version, ModelTask task, String engine,
                            WeightFormat format, String weights, String sha256, InputContract input,
                            List<OutputSpec> outputs, String licence, String description,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ModelFile> files,
                            GroundingContract grounding) {

    @JsonCreator
    public ModelManifest {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a model manifest needs an id");
        }
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** A single-file model (the form every manifest had before {@code files} was added). */
    public ModelManifest(String id, String name, String version, ModelTask task, String engine,
                         WeightFormat format, String weights, String sha256, InputContract input,
                         List<OutputSpec> outputs, String licence, String description) {
        this(id, name, version, task, engine, format, weights, sha256, input, outputs, licence, description, null, null);
    }

    /** A model with further files and no grounding contract (the form every manifest had before {@code grounding}). */
    public ModelManifest(String id, String name, String version, ModelTask task, String engine,
                         WeightFormat format, String weights, String sha256, InputContract input,
                         List<OutputSpec> outputs, String licence, String description, List<ModelFile> files) {
        this(id, name, version, task, engine, format, weights, sha256, input, outputs, licence, description, files, null);
    }

    /** Every file to check before loading: the weights first, then {@code files}. */
    @JsonIgnore
    public List<ModelFile> allFiles() {
        List<ModelFile> all = new ArrayList<>();
        if (weights != null) {
            all.add(new ModelFile(weights, sha256));
        }
        all.addAll(files);
        return List.copyOf(all);
    }

    /** The same manifest with other file digests (used by importers, which compute them). */
    public ModelManifest withDigests(String weightsSha256, List<ModelFile> otherFiles) {
        return new ModelManifest(id, name, version, task, engine, format, weights, weightsSha256, input, outputs,
                licence, description, otherFiles, grounding);
    }

    /** The same manifest under another id. */
    public ModelManifest withId(String newId) {
        return new ModelManifest(newId, name, version, task, engine, format, weights, sha256, input, outputs,
                licence, description, files, grounding);
    }
}
