package dev.attest.app.review;

import dev.attest.annotation.model.ArtifactRef;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimCheckDraft;
import dev.attest.annotation.model.ClaimDraft;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceDraft;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ModelRunDraft;
import dev.attest.annotation.model.ReviewCase;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.app.open.LabelMapLoader;
import dev.attest.app.open.OpenedImage;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.geometry.Vec3;
import dev.attest.core.progress.Cancellation;
import dev.attest.core.progress.ProgressListener;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.inference.engine.DeviceChoice;
import dev.attest.inference.grounding.GroundedBox;
import dev.attest.inference.grounding.GroundingHeatMap;
import dev.attest.inference.grounding.GroundingOutput;
import dev.attest.inference.grounding.PhraseGroundingModel;
import dev.attest.inference.grounding.SliceBox;
import dev.attest.inference.grounding.SliceImage;
import dev.attest.inference.manifest.ModelManifest;
import dev.attest.inference.manifest.ModelTask;
import dev.attest.inference.registry.ModelRegistry;
import dev.attest.inference.run.Provenance;
import dev.attest.reports.checks.ConsistencyChecks;
import dev.attest.reports.evidence.VoxelMask;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A phrase grounded by a registered grounding model (docs/grounding-model.md) on one axial slice of a project
 * case, stored like a reviewer's grounded phrase but on a model run of its own: one PHRASE claim whose evidence
 * is every box the model kept (BOX, best first) and its heat map (HEATMAP, a NIfTI artifact on the case grid),
 * checked for existence, side, place and size against the case's segmentation as {@link ReportClaims} checks
 * its own phrases. The slice is the case volume's slice {@code k} as stored (axial for an axial series), with
 * physical values and its own LPS geometry, so every stored position is where the model put it.
 */
public final class ModelGrounding {
    /** Method of a grounding model's evidence. */
    public static final String METHOD = "model-grounding";

    private ModelGrounding() {
    }

    /**
     * The case to ground on.
     *
     * @param caseId  the project case
     * @param image   its image volume as opened (physical values), or null when the project has none for it
     * @param anatomy its segmentation for the checks, or null when it has none (the checks are then UNKNOWN)
     */
    public record Target(long caseId, Volume image, CaseAnatomy anatomy) {
        /** A case with a segmentation run and its image. */
        public static Target of(CaseAnatomy anatomy) {
            return new Target(anatomy.caseId(), anatomy.image(), anatomy);
        }

        /**
         * The case as the project recorded it: its image (none when the project records no image reference) and
         * its newest label map, as the workstation reopens a case without a model.
         *
         * @throws IOException when the recorded image or label map cannot be read
         */
        public static Target reopen(ProjectStore store, ReviewCase c, ProgressListener progress, Cancellation cancel)
                throws IOException {
            if (c.imageRef() == null) {
                return new Target(c.id(), null, null);
            }
            OpenedImage image = CaseReopen.image(c, progress, cancel);
            var labelFile = CaseReopen.labelMap(store, c.id());
            CaseAnatomy anatomy = null;
            if (labelFile.isPresent()) {
                LabelMapLoader.LabelMap labels = LabelMapLoader.load(labelFile.get(), image);
                anatomy = CaseAnatomy.of(store, c, image.volume(), labels.layers().get(0), labels.descriptions(),
                        "CT".equals(image.modality()) ? "HU" : "").orElse(null);
            }
            return new Target(c.id(), image.volume(), anatomy);
        }
    }

    /**
     * What grounding stored and what the model said.
     *
     * @param heatMap the heat map as stored (case grid, slice {@code slice} only), or null when the model has none
     */
    public record Grounded(ReportClaims.StoredClaim claim, ModelRun run, GroundingOutput output, int slice,
                           Volume heatMap) {
    }

    /**
     * Opens the registered model, grounds the phrase on slice {@code slice} of the case and stores the result; the
     * model is closed again. The case and slice are checked before the model is loaded.
     *
     * @throws ModelGroundingException for a case without image, a slice outside the volume, a model that is not a
     *                                 grounding model, or a model that fails on the phrase
     * @throws dev.attest.inference.registry.UnknownModelException when no usable model has that id
     * @throws dev.attest.inference.registry.WeightMismatchException when a model file is missing or changed
     */
    public static Grounded ground(ProjectStore store, Target target, ModelRegistry registry, String modelId,
                                  DeviceChoice device, String phrase, int slice) {
        String text = requirePhrase(phrase);
        requireSlice(target, slice);
        ModelManifest manifest = registry.entry(modelId).manifest();
        if (manifest.task() != ModelTask.GROUNDING) {
            throw new ModelGroundingException(ModelGroundingException.Problem.NOT_A_GROUNDING_MODEL, "model " + modelId
                    + " is a " + manifest.task() + " model, not a grounding model: it cannot ground \"" + text + "\"");
        }
        try (PhraseGroundingModel model = PhraseGroundingModel.open(registry, modelId, device)) {
            return ground(store, target, model, text, slice);
        }
    }

    /** As above with a model the caller opened (and closes), e.g. one kept open for several phrases. */
    public static Grounded ground(ProjectStore store, Target target, PhraseGroundingModel model, String phrase, int slice) {
        String text = requirePhrase(phrase);
        Volume image = requireSlice(target, slice);
        String modelId = model.manifest().id();
        GroundingOutput out;
        try {
            out = model.ground(SliceImage.of(image, slice), text);
        } catch (RuntimeException e) {
            throw new ModelGroundingException(ModelGroundingException.Problem.MODEL_FAILED, "model " + modelId
                    + " failed to ground \"" + text + "\" on slice " + slice + " of case " + target.caseId() + ": "
                    + e.getMessage(), e);
        }
        RunFacts facts = ProvenanceFacts.of(withSlice(out.provenance(), slice));
        ModelRun run = store.recordModelRun(new ModelRunDraft(target.caseId(), facts.modelId(), facts.modelVersion(),
                facts.weightsSha256(), facts.parametersJson(), facts.engine(), facts.device(), facts.started(),
                facts.ended()));
        Claim claim = store.addClaims(List.of(new ClaimDraft(target.caseId(), run.id(), ClaimKind.PHRASE, text, null,
                null, null))).get(0);
        ImageGrid grid = image.grid();
        List<EvidenceDraft> drafts = new ArrayList<>();
        for (int rank = 1; rank <= out.boxes().size(); rank++) {
            GroundedBox b = out.boxes().get(rank - 1);
            int[][] voxels = voxelsOf(b.slice(), grid, slice);
            drafts.add(new EvidenceDraft(claim.id(), EvidenceKind.BOX, null,
                    EvidenceJson.sliceBox(grid, voxels[0], voxels[1], b.cornersLps()), boxMethod(model, b, rank, slice)));
        }
        Volume heat = null;
        if (out.heatMap() != null) {
            heat = onCaseGrid(out.heatMap(), grid, slice);
            ArtifactRef artifact = NiftiArtifacts.store(store, heat, "case-" + target.caseId() + "-claim-" + claim.id()
                    + "-heatmap.nii.gz", null, "the heat map of claim " + claim.id());
            drafts.add(new EvidenceDraft(claim.id(), EvidenceKind.HEATMAP, artifact, null,
                    heatMethod(model, out.heatMap(), slice)));
        }
        List<Evidence> evidence = store.addEvidence(drafts);
        store.addChecks(checks(store, target, claim, evidence));
        return new Grounded(new ReportClaims.StoredClaim(claim, store.evidence(claim.id()), store.checks(claim.id())),
                run, out, slice, heat);
    }

    /**
     * The voxels of slice {@code k} a model's box stands for, as inclusive index corners {min, max}: its edges
     * rounded inward to voxel centres (i from ceil(x0) to floor(x1), j likewise), so exactly the voxels whose
     * centres lie inside the box, and k for both. A box narrower than a voxel that holds no centre stands for
     * the voxel nearest its middle; corners are clamped to the grid.
     */
    static int[][] voxelsOf(SliceBox b, ImageGrid grid, int k) {
        int[] min = {inwardFrom(b.x0(), b.x1()), inwardFrom(b.y0(), b.y1()), k};
        int[] max = {inwardTo(b.x0(), b.x1()), inwardTo(b.y0(), b.y1()), k};
        for (int a = 0; a < 2; a++) {
            min[a] = Math.max(0, Math.min(grid.size(a) - 1, min[a]));
            max[a] = Math.max(0, Math.min(grid.size(a) - 1, max[a]));
        }
        return new int[][] {min, max};
    }

    private static int inwardFrom(double lo, double hi) {
        int from = (int) Math.ceil(lo);
        return from <= Math.floor(hi) ? from : nearestToMiddle(lo, hi);
    }

    private static int inwardTo(double lo, double hi) {
        int to = (int) Math.floor(hi);
        return Math.ceil(lo) <= to ? to : nearestToMiddle(lo, hi);
    }

    private static int nearestToMiddle(double lo, double hi) {
        return (int) Math.floor((lo + hi) / 2 + 0.5);
    }

    /**
     * The heat map on the case grid: the slice's values on slice {@code k}, 0 on every other slice. The other
     * slices share one zero array, which the writer only reads, so a 300-slice case costs two slices of memory.
     */
    static Volume onCaseGrid(GroundingHeatMap heat, ImageGrid grid, int k) {
        int n = grid.sizeX() * grid.sizeY();
        float[] zeros = new float[n];
        Object[] slices = new Object[grid.sizeZ()];
        java.util.Arrays.fill(slices, zeros);
        slices[k] = heat.values().clone();
        Volume v = Volume.wrap(grid, VoxelType.FLOAT32, slices);
        v.setName("grounding heat map");
        return v;
    }

    /** The run's parameters as the model recorded them (phrase, tokenizer sha256, thresholds, top-k) and the slice. */
    private static Provenance withSlice(Provenance p, int slice) {
        Map<String, Object> parameters = new LinkedHashMap<>(p.parameters());
        parameters.put("slice", slice);
        return new Provenance(p.modelId(), p.modelVersion(), p.sha256(), parameters, p.engine(), p.device(), p.started(),
                p.timingsMillis(), p.attestVersion());
    }

    private static String boxMethod(PhraseGroundingModel model, GroundedBox b, int rank, int slice) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", METHOD);
        m.put("model", model.manifest().id());
        m.put("modelVersion", model.manifest().version());
        m.put("rank", rank);
        m.put("score", b.score());
        m.put("modelBoxIndex", b.index());
        m.put("slice", slice);
        SliceBox s = b.slice();
        m.put("sliceBox", List.of(s.x0(), s.y0(), s.x1(), s.y1()));
        return EvidenceJson.method(m);
    }

    private static String heatMethod(PhraseGroundingModel model, GroundingHeatMap heat, int slice) {
        GroundingHeatMap.Peak peak = heat.peak();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", METHOD);
        m.put("model", model.manifest().id());
        m.put("modelVersion", model.manifest().version());
        m.put("slice", slice);
        // The presence threshold the checks read back: a pixel at or above it is in the grounded region.
        m.put("threshold", heat.threshold());
        m.put("peakIndex", List.of(peak.i(), peak.j(), slice));
        m.put("peakValue", peak.value());
        Vec3 p = peak.lps();
        m.put("peakLps", List.of(p.x(), p.y(), p.z()));
        SliceBox region = heat.region();
        if (region != null) {
            m.put("regionSliceBox", List.of(region.x0(), region.y0(), region.x1(), region.y1()));
        }
        return EvidenceJson.method(m);
    }

    /**
     * The checks of the phrase against what the model showed, read back from the stored evidence as every
     * report claim's is (best box, else heat map); a model that showed nothing is checked against an empty mask,
     * and a case without segmentation has nothing to check against.
     */
    private static List<ClaimCheckDraft> checks(ProjectStore store, Target target, Claim claim, List<Evidence> evidence) {
        CaseAnatomy anatomy = target.anatomy();
        if (anatomy == null) {
            return ReportClaims.unknown(claim.id(), "nothing to check against: the case has no segmentation");
        }
        dev.attest.reports.evidence.Evidence shown = ReportClaims.checkEvidence(store, anatomy, evidence);
        if (shown == null) {
            shown = new dev.attest.reports.evidence.Evidence.Mask(VoxelMask.empty(anatomy.anatomy().grid()));
        }
        return ReportClaims.drafts(claim.id(), ConsistencyChecks.run(claim.text(), shown, anatomy.anatomy()));
    }

    private static String requirePhrase(String phrase) {
        String text = phrase == null ? "" : phrase.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("type a phrase to ground, e.g. \"left kidney\"");
        }
        return text;
    }

    private static Volume requireSlice(Target target, int slice) {
        Volume image = target.image();
        if (image == null) {
            throw new ModelGroundingException(ModelGroundingException.Problem.NO_IMAGE, "case " + target.caseId()
                    + " has no image in the project to take a slice from; open its image and add the case again");
        }
        int slices = image.grid().sizeZ();
        if (slice < 0 || slice >= slices) {
            throw new ModelGroundingException(ModelGroundingException.Problem.SLICE_OUT_OF_RANGE, "slice " + slice
                    + " is outside case " + target.caseId() + ", whose volume has slices 0.." + (slices - 1));
        }
        return image;
    }
}
