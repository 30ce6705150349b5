package dev.attest.app.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attest.annotation.model.ArtifactRef;
import dev.attest.annotation.model.CheckOutcome;
import dev.attest.annotation.model.Claim;
import dev.attest.annotation.model.ClaimCheck;
import dev.attest.annotation.model.ClaimCheckDraft;
import dev.attest.annotation.model.ClaimDraft;
import dev.attest.annotation.model.ClaimKind;
import dev.attest.annotation.model.ClaimRevision;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceDraft;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.ModelRun;
import dev.attest.annotation.model.ModelRunDraft;
import dev.attest.annotation.store.ProjectStore;
import dev.attest.core.geometry.ImageGrid;
import dev.attest.core.nifti.NiftiReader;
import dev.attest.core.volume.Volume;
import dev.attest.core.volume.VoxelType;
import dev.attest.reports.anatomy.AnatomyMap;
import dev.attest.reports.anatomy.LabelComponent;
import dev.attest.reports.checks.CheckKind;
import dev.attest.reports.checks.CheckResult;
import dev.attest.reports.checks.ConsistencyChecks;
import dev.attest.reports.evidence.VoxelMask;
import dev.attest.reports.findings.Finding;
import dev.attest.reports.findings.FindingKind;
import dev.attest.reports.findings.ReportGenerator;
import dev.attest.reports.findings.ReportSentence;
import dev.attest.reports.grounding.ClaimResolver;
import dev.attest.reports.grounding.Grounding;
import dev.attest.reports.grounding.ParsedPhrase;
import dev.attest.reports.grounding.PhraseGrounder;
import dev.attest.reports.grounding.PhraseParser;
import dev.attest.reports.grounding.Selection;
import dev.attest.reports.grounding.UngroundedReason;
import dev.attest.reports.lexicon.ConceptKind;
import dev.attest.reports.llm.ReportDraft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Report sentences and grounded phrases as claims of a project, each with its evidence and its automatic
 * consistency checks, so the reviewer sees what a report says next to what the segmentation shows.
 * <ul>
 * <li>{@link #generate}: the structured report of a segmentation run, one sentence claim per finding, each
 *     showing its own finding's mask (the run's label map and the label, or the lesion's component);</li>
 * <li>{@link #ground}: a phrase typed by the reviewer, placed with its side and parts (mask and box);</li>
 * <li>{@link #addReport}: the sentences a report server wrote, each shown with what the segmentation holds
 *     for the structure it names, its side, parts and negation set aside, so that the checks compare what the
 *     sentence says about side, place, size and existence with what the segmentation shows;</li>
 * <li>{@link #revise}: a reviewer's edit of a sentence, kept as a new version and checked again against the
 *     claim's unchanged evidence: an edit that flips a side or doubles a size fails its check.</li>
 * </ul>
 */
public final class ReportClaims {
    /** Method of the structured report's sentences. */
    public static final String GENERATOR = "report-generator";
    /** Method of a reviewer's grounded phrase. */
    public static final String PHRASE = "phrase-grounding";
    /** Method of a report server's sentence: the structure it names, as the segmentation holds it. */
    public static final String NAMED_STRUCTURE = "named-structure";

    /** Grounding problems that mean the text names nothing the segmentation could show: nothing to check. */
    private static final Set<UngroundedReason> NOTHING_TO_CHECK = EnumSet.of(UngroundedReason.NO_STRUCTURE,
            UngroundedReason.NOT_IN_MODEL, UngroundedReason.CONFLICTING_SIDES, UngroundedReason.CONFLICTING_PARTS);

    private ReportClaims() {
    }

    /** A sentence or phrase as stored: the claim, its evidence and its newest checks. */
    public record StoredClaim(Claim claim, List<Evidence> evidence, List<ClaimCheck> checks) {
    }

    /** What grounding a typed phrase gave: a stored claim, or the reason it could not be placed (nothing stored). */
    public sealed interface PhraseResult {
        record Stored(StoredClaim claim, Grounding.Grounded grounding) implements PhraseResult {
        }

        record NotGrounded(Grounding.Ungrounded grounding) implements PhraseResult {
        }
    }

    /** A reviewer's edit and the checks of the edited text against the claim's evidence. */
    public record Revised(ClaimRevision revision, List<ClaimCheck> checks) {
    }

    /**
     * Stores the structured report of the run: one sentence claim per finding, in the generator's order, each
     * with its mask evidence and checks. A run whose report is already stored gets it back unchanged, so
     * asking twice never doubles the report.
     */
    public static List<StoredClaim> generate(ProjectStore store, CaseAnatomy run) {
        List<Claim> existing = store.claims(run.caseId()).stream()
                .filter(c -> c.kind() == ClaimKind.SENTENCE && Objects.equals(c.runId(), run.runId())).toList();
        if (!existing.isEmpty()) {
            return existing.stream().map(c -> new StoredClaim(c, store.evidence(c.id()), store.checks(c.id()))).toList();
        }
        List<ReportSentence> sentences = ReportGenerator.generate(run.anatomy(), run.image(), run.unit());
        List<ClaimDraft> drafts = new ArrayList<>();
        for (ReportSentence s : sentences) {
            Finding f = s.finding();
            boolean lesion = f.kind() == FindingKind.LESION;
            Double number = lesion ? (f.longestAxialDiameterMm() == null ? null : f.longestAxialDiameterMm() / 10) : f.volumeMl();
            drafts.add(new ClaimDraft(run.caseId(), run.runId(), ClaimKind.SENTENCE, s.text(), f.label(), number,
                    lesion ? "cm" : "mL"));
        }
        List<Claim> claims = store.addClaims(drafts);
        List<EvidenceDraft> evidence = new ArrayList<>();
        List<ClaimCheckDraft> checks = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            ReportSentence s = sentences.get(i);
            Finding f = s.finding();
            evidence.add(new EvidenceDraft(claim.id(), EvidenceKind.MASK, run.labelMap(), null,
                    EvidenceJson.method(GENERATOR, List.of(f.label()), f.labelName(), f.component(), f.centroidLps(),
                            Map.of())));
            checks.addAll(drafts(claim.id(), ConsistencyChecks.run(s.text(), s.asEvidence(), run.anatomy())));
        }
        return stored(store, claims, evidence, checks);
    }

    /**
     * Grounds a reviewer's phrase with its sides and parts and, when it could be placed, stores it as a phrase
     * claim of the run with the region as mask evidence and its box, and the checks of the phrase against them.
     */
    public static PhraseResult ground(ProjectStore store, CaseAnatomy run, String phrase) {
        String text = phrase.strip();
        Grounding g = PhraseGrounder.ground(text, run.anatomy());
        if (g instanceof Grounding.Ungrounded u) {
            return new PhraseResult.NotGrounded(u);
        }
        Grounding.Grounded grounded = (Grounding.Grounded) g;
        Claim claim = store.addClaims(List.of(new ClaimDraft(run.caseId(), run.runId(), ClaimKind.PHRASE, text,
                grounded.labels().get(0), null, null))).get(0);
        List<EvidenceDraft> evidence = regionEvidence(store, run, claim.id(), grounded, PHRASE);
        List<ClaimCheckDraft> checks = drafts(claim.id(),
                ConsistencyChecks.run(text, new dev.attest.reports.evidence.Evidence.Mask(grounded.region()), run.anatomy()));
        return new PhraseResult.Stored(stored(store, List.of(claim), evidence, checks).get(0), grounded);
    }

    /**
     * Stores a report server's reply: a model run for the server's model, one sentence claim per sentence,
     * each with the segmentation's region for the structure it names (see {@link #namedStructure}; when the
     * segmentation holds it) and the checks of the sentence against that region.
     */
    public static List<StoredClaim> addReport(ProjectStore store, CaseAnatomy run, ReportDraft draft, RunFacts server) {
        ModelRun stored = store.recordModelRun(new ModelRunDraft(run.caseId(), server.modelId(), server.modelVersion(),
                server.weightsSha256(), server.parametersJson(), server.engine(), server.device(), server.started(),
                server.ended()));
        List<ClaimDraft> drafts = new ArrayList<>();
        List<Grounding> groundings = new ArrayList<>();
        for (var sentence : draft.sentences()) {
            Grounding g = namedStructure(sentence.text(), run.anatomy());
            groundings.add(g);
            Integer label = g instanceof Grounding.Grounded gr ? gr.labels().get(0) : null;
            drafts.add(new ClaimDraft(run.caseId(), stored.id(), ClaimKind.SENTENCE, sentence.text(), label, null, null));
        }
        List<Claim> claims = store.addClaims(drafts);
        List<EvidenceDraft> evidence = new ArrayList<>();
        List<ClaimCheckDraft> checks = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            Claim claim = claims.get(i);
            Grounding g = groundings.get(i);
            if (g instanceof Grounding.Grounded gr) {
                evidence.addAll(regionEvidence(store, run, claim.id(), gr, NAMED_STRUCTURE));
            }
            checks.addAll(checksOf(claim.id(), claim.text(), g, run.anatomy()));
        }
        return stored(store, claims, evidence, checks);
    }

    /**
     * Keeps the reviewer's edit of a claim's text as its next version and checks the new text against the
     * claim's evidence, which the edit does not change.
     */
    public static Revised revise(ProjectStore store, CaseAnatomy run, long claimId, long editorId, String text) {
        String edited = text.strip();
        if (edited.isEmpty()) {
            throw new IllegalArgumentException("an edited sentence cannot be empty");
        }
        if (store.claims(run.caseId()).stream().noneMatch(c -> c.id() == claimId)) {
            throw new IllegalArgumentException("claim " + claimId + " is not a claim of case " + run.caseId());
        }
        dev.attest.reports.evidence.Evidence evidence = checkEvidence(store, run, store.evidence(claimId));
        // Without evidence (a server's sentence naming nothing the segmentation holds) the edit is read as a
        // server's sentence is: against the region of the structure it now names.
        List<ClaimCheckDraft> drafts = evidence != null
                ? drafts(claimId, ConsistencyChecks.run(edited, evidence, run.anatomy()))
                : checksOf(claimId, edited, namedStructure(edited, run.anatomy()), run.anatomy());
        ClaimRevision revision = store.reviseClaim(claimId, editorId, edited);
        store.addChecks(drafts);
        return new Revised(revision, store.checks(claimId));
    }

    /** The text a claim shows now: the newest reviewer edit, or the model's text. */
    public static String currentText(ProjectStore store, Claim claim) {
        List<ClaimRevision> revisions = store.revisions(claim.id());
        return revisions.isEmpty() ? claim.text() : revisions.get(revisions.size() - 1).text();
    }

    /**
     * Grounds a sentence to the structure it names, with its claims about place set aside: negation, parts,
     * and a side that places a lesion or names half of an unpaired organ. A side that names which of a pair
     * of organs the sentence is about ("left kidney volume") is kept: it is the organ's name, not a claim.
     * For a lesion this is every component in the named organ, on either side.
     */
    static Grounding namedStructure(String text, AnatomyMap anatomy) {
        ParsedPhrase p = PhraseParser.parse(text, anatomy.vocabulary());
        Selection target = ClaimResolver.resolve(p, anatomy).target();
        boolean sideNamesTheOrgan = target != null && target.kind() == ConceptKind.ANATOMY && p.side().isPresent()
                && !target.splitBySide();
        ParsedPhrase neutral = new ParsedPhrase(p.text(), p.mentions(), sideNamesTheOrgan ? p.sides() : List.of(),
                List.of(), false, null, p.sizes(), p.volumes(), p.findingWords());
        return PhraseGrounder.ground(ClaimResolver.resolve(neutral, anatomy), anatomy);
    }

    /**
     * The checks of a sentence against its named structure's region; with no region, the checks against
     * nothing (a positive sentence about a labelled structure then fails existence: the segmentation does
     * not show it), or four unknowns when the sentence names nothing the segmentation could show.
     */
    private static List<ClaimCheckDraft> checksOf(long claimId, String text, Grounding g, AnatomyMap anatomy) {
        if (g instanceof Grounding.Grounded gr) {
            return drafts(claimId, ConsistencyChecks.run(text, new dev.attest.reports.evidence.Evidence.Mask(gr.region()), anatomy));
        }
        Grounding.Ungrounded u = (Grounding.Ungrounded) g;
        if (NOTHING_TO_CHECK.contains(u.reason())) {
            return unknown(claimId, "nothing to check against: " + u.detail());
        }
        return drafts(claimId, ConsistencyChecks.run(text,
                new dev.attest.reports.evidence.Evidence.Mask(VoxelMask.empty(anatomy.grid())), anatomy));
    }

    /** Every check UNKNOWN for the same reason: there is nothing the claim could be checked against. */
    static List<ClaimCheckDraft> unknown(long claimId, String reason) {
        List<ClaimCheckDraft> out = new ArrayList<>();
        for (CheckKind k : CheckKind.values()) {
            out.add(new ClaimCheckDraft(claimId, k.name().toLowerCase(Locale.ROOT), CheckOutcome.UNKNOWN, null, reason));
        }
        return out;
    }

    /**
     * The mask and box evidence of a grounded region. A region that is exactly one label, or one lesion
     * component, points at the run's label map; any other region (a half, a part) is written as its own mask.
     */
    private static List<EvidenceDraft> regionEvidence(ProjectStore store, CaseAnatomy run, long claimId,
                                                      Grounding.Grounded g, String method) {
        AnatomyMap anatomy = run.anatomy();
        VoxelMask region = g.region();
        ArtifactRef artifact = null;
        int component = 0;
        if (region.equals(anatomy.mask(g.labels()))) {
            artifact = run.labelMap();
        } else if (g.labels().size() == 1) {
            for (LabelComponent c : anatomy.components(g.labels().get(0))) {
                if (c.mask().equals(region)) {
                    artifact = run.labelMap();
                    component = c.number();
                }
            }
        }
        Map<String, Object> extra = new java.util.LinkedHashMap<>();
        extra.put("concept", g.concept());
        if (g.side() != null) {
            extra.put("side", g.side().name().toLowerCase(Locale.ROOT));
        }
        if (!g.parts().isEmpty()) {
            extra.put("parts", g.parts().stream().map(p -> p.name().toLowerCase(Locale.ROOT)).toList());
        }
        if (artifact == null) {
            artifact = writeRegion(store, region, run.caseId(), claimId);
            extra.put("region", true);
        }
        String name = g.labelNames().size() == 1 ? g.labelNames().get(0) : String.join(" + ", g.labelNames());
        return List.of(
                new EvidenceDraft(claimId, EvidenceKind.MASK, artifact, null,
                        EvidenceJson.method(method, g.labels(), name, component, g.centroidLps(), extra)),
                new EvidenceDraft(claimId, EvidenceKind.BOX, null, EvidenceJson.box(g.box(), region),
                        "{\"method\":\"" + method + "\"}"));
    }

    /** A region as a 0/1 NIfTI on the label map's grid, stored as the claim's own artifact. */
    private static ArtifactRef writeRegion(ProjectStore store, VoxelMask region, long caseId, long claimId) {
        ImageGrid g = region.grid();
        Volume v = Volume.allocate(g, VoxelType.UINT8);
        for (int index : region.indices()) {
            int x = index % g.sizeX();
            int y = (index / g.sizeX()) % g.sizeY();
            v.setStored(x, y, index / (g.sizeX() * g.sizeY()), 1);
        }
        return NiftiArtifacts.store(store, v, "case-" + caseId + "-claim-" + claimId + "-region.nii.gz", null,
                "the grounded region of claim " + claimId);
    }

    /**
     * A claim's stored evidence as the checks read it: its mask (a label or lesion component of the run's
     * label map, or a region artifact), else its first box (a grounding model stores its best box first), else
     * its heat map with the presence threshold its method records (0 when none); null when it has none of them.
     */
    static dev.attest.reports.evidence.Evidence checkEvidence(ProjectStore store, CaseAnatomy run, List<Evidence> evidence) {
        for (Evidence e : evidence) {
            if (e.kind() == EvidenceKind.MASK && e.artifact() != null && e.methodJson() != null) {
                return new dev.attest.reports.evidence.Evidence.Mask(mask(store, run, e));
            }
        }
        for (Evidence e : evidence) {
            if (e.kind() == EvidenceKind.BOX && e.geometryJson() != null) {
                return new dev.attest.reports.evidence.Evidence.Box(EvidenceJson.readBox(e.geometryJson()));
            }
        }
        for (Evidence e : evidence) {
            if (e.kind() == EvidenceKind.HEATMAP && e.artifact() != null) {
                double threshold = e.methodJson() == null ? 0 : EvidenceJson.read(e.methodJson()).path("threshold").asDouble(0);
                return new dev.attest.reports.evidence.Evidence.HeatMap(heatMap(store, e), threshold);
            }
        }
        return null;
    }

    private static Volume heatMap(ProjectStore store, Evidence e) {
        Path file = store.resolveArtifact(e.artifact());
        try {
            return NiftiReader.read(file).volume();
        } catch (IOException ex) {
            throw new UncheckedIOException("could not read the heat-map evidence " + file + " of claim " + e.claimId(), ex);
        }
    }

    private static VoxelMask mask(ProjectStore store, CaseAnatomy run, Evidence e) {
        JsonNode m = EvidenceJson.read(e.methodJson());
        if (m.path("region").asBoolean(false) || !e.artifact().equals(run.labelMap())) {
            return maskOfArtifact(store, e, m);
        }
        List<Integer> labels = labels(m);
        int component = m.path("component").asInt(0);
        if (component > 0) {
            return run.anatomy().components(labels.get(0)).stream().filter(c -> c.number() == component)
                    .findFirst().map(LabelComponent::mask)
                    .orElseThrow(() -> new IllegalStateException("evidence " + e.id() + " names component " + component
                            + " of label " + labels.get(0) + ", which the label map does not hold"));
        }
        return run.anatomy().mask(labels);
    }

    /** The voxels of a mask artifact holding the evidence's labels (any non-zero voxel of a region mask). */
    private static VoxelMask maskOfArtifact(ProjectStore store, Evidence e, JsonNode method) {
        Path file = store.resolveArtifact(e.artifact());
        try {
            Volume v = NiftiReader.read(file).volume();
            boolean region = method.path("region").asBoolean(false);
            Set<Integer> wanted = Set.copyOf(labels(method));
            ImageGrid g = v.grid();
            java.util.BitSet bits = new java.util.BitSet();
            int i = 0;
            for (int z = 0; z < g.sizeZ(); z++) {
                for (int y = 0; y < g.sizeY(); y++) {
                    for (int x = 0; x < g.sizeX(); x++, i++) {
                        int value = (int) Math.round(v.getStored(x, y, z));
                        if (region ? value != 0 : wanted.contains(value)) {
                            bits.set(i);
                        }
                    }
                }
            }
            return VoxelMask.fromBitSet(g, bits);
        } catch (IOException ex) {
            throw new UncheckedIOException("could not read the mask evidence " + file + " of claim " + e.claimId(), ex);
        }
    }

    private static List<Integer> labels(JsonNode method) {
        List<Integer> out = new ArrayList<>();
        method.path("labels").forEach(n -> out.add(n.asInt()));
        if (out.isEmpty() && method.hasNonNull("labelValue")) {
            out.add(method.get("labelValue").asInt());
        }
        return out;
    }

    /** Check results as the project stores them. */
    static List<ClaimCheckDraft> drafts(long claimId, List<CheckResult> results) {
        List<ClaimCheckDraft> out = new ArrayList<>();
        for (CheckResult r : results) {
            out.add(new ClaimCheckDraft(claimId, r.check().name().toLowerCase(Locale.ROOT),
                    CheckOutcome.valueOf(r.outcome().name()), r.value(), r.reason()));
        }
        return out;
    }

    private static List<StoredClaim> stored(ProjectStore store, List<Claim> claims, List<EvidenceDraft> evidence,
                                            List<ClaimCheckDraft> checks) {
        store.addEvidence(evidence);
        store.addChecks(checks);
        return claims.stream().map(c -> new StoredClaim(c, store.evidence(c.id()), store.checks(c.id()))).toList();
    }
}
