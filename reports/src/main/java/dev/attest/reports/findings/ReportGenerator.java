package dev.attest.reports.findings;

import dev.attest.core.geometry.Vec3;
import dev.attest.core.volume.Volume;
import dev.attest.reports.anatomy.AnatomyMap;
import dev.attest.reports.anatomy.Connectivity;
import dev.attest.reports.anatomy.LabelComponent;
import dev.attest.reports.evidence.GridMismatchException;
import dev.attest.reports.evidence.MaskExtent;
import dev.attest.reports.evidence.VoxelMask;
import dev.attest.reports.lexicon.Concept;
import dev.attest.reports.lexicon.ConceptKind;
import dev.attest.reports.lexicon.ModelVocabulary;
import dev.attest.reports.lexicon.Side;
import dev.attest.reports.lexicon.StructureEntry;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a structured report from a segmentation: one sentence per organ present (its volume) and one per
 * connected component of each lesion label (its longest axial diameter and where it lies), in ascending
 * label order, lesion components largest first. The body outline is not a finding and gets no sentence.
 * Templates: {@link SentenceTemplates}; numbers: {@link ReportNumbers}.
 */
public final class ReportGenerator {
    /** Voxel centres of label map and image may differ by this much from rounding in file headers. */
    private static final double GRID_TOLERANCE_MM = 1e-3;

    private ReportGenerator() {
    }

    /** With 26-connected lesion components and image values in HU (a CT); image may be null. */
    public static List<ReportSentence> generate(Volume labels, Volume image, ModelVocabulary vocabulary) {
        return generate(AnatomyMap.of(labels, vocabulary, Connectivity.TWENTY_SIX), image, "HU");
    }

    /**
     * Generates the sentences of a label map already read.
     *
     * @param image     the image the labels were made from, on the same grid, for mean values; may be null
     * @param valueUnit the unit of the image's values ("HU"; "" for none)
     * @throws GridMismatchException if the image does not lie on the label map's grid
     */
    public static List<ReportSentence> generate(AnatomyMap anatomy, Volume image, String valueUnit) {
        if (image != null && !anatomy.grid().sameGeometry(image.grid(), GRID_TOLERANCE_MM)) {
            throw new GridMismatchException(anatomy.name(), anatomy.grid(), image.name(), image.grid());
        }
        ModelVocabulary v = anatomy.vocabulary();
        List<ReportSentence> out = new ArrayList<>();
        for (int label : anatomy.presentLabels()) {
            ConceptKind kind = v.kind(label);
            if (kind == ConceptKind.BODY) {
                continue;
            }
            if (kind == ConceptKind.LESION) {
                for (LabelComponent c : anatomy.components(label)) {
                    out.add(lesion(anatomy, c, image, valueUnit));
                }
            } else {
                out.add(organ(anatomy, label, image, valueUnit));
            }
        }
        return out;
    }

    private static ReportSentence organ(AnatomyMap anatomy, int label, Volume image, String unit) {
        ModelVocabulary v = anatomy.vocabulary();
        VoxelMask mask = anatomy.mask(label);
        Side side = v.structure(label).map(StructureEntry::side).orElse(null);
        Finding f = new Finding(FindingKind.ORGAN_VOLUME, label, v.labelName(label), conceptId(v, label), 0,
                mask.count(), mask.volumeMl(), mean(mask, image), image == null ? null : unit, null, null,
                mask.centroidLps(), side, null, null, null);
        return new ReportSentence(SentenceTemplates.organ(v.display(label), mask.volumeMl()), f, mask, mask.bounds());
    }

    private static ReportSentence lesion(AnatomyMap anatomy, LabelComponent c, Volume image, String unit) {
        ModelVocabulary v = anatomy.vocabulary();
        VoxelMask mask = c.mask();
        MaskExtent extent = MaskExtent.of(mask);
        Vec3 centroid = c.centroidLps();
        int container = c.containerLabel();
        boolean inOrgan = container != 0 && v.kind(container) == ConceptKind.ANATOMY;
        boolean pairedOrgan = inOrgan && v.structure(container).map(StructureEntry::side).isPresent();
        // A paired organ's side is in its name; an unpaired organ is halved at its own centroid, as the
        // grounder does; otherwise left and right are the body's.
        double referenceX = inOrgan && !pairedOrgan
                ? anatomy.mask(container).centroidLps().x()
                : anatomy.midlineX().orElse(0);
        Side side = centroid.x() >= referenceX ? Side.LEFT : Side.RIGHT;
        String display = v.display(c.label());
        boolean lesionSided = v.structure(c.label()).map(StructureEntry::side).isPresent();
        String text;
        if (pairedOrgan) {
            text = SentenceTemplates.lesionInPairedOrgan(display, v.display(container), extent.longestAxialMm());
        } else if (inOrgan && !lesionSided) {
            text = SentenceTemplates.lesionInOrgan(display, side, v.display(container), extent.longestAxialMm());
        } else if (inOrgan) {
            text = SentenceTemplates.lesionInPairedOrgan(display, v.display(container), extent.longestAxialMm());
        } else if (!lesionSided) {
            text = SentenceTemplates.lesionOnSide(display, side, extent.longestAxialMm());
        } else {
            text = SentenceTemplates.capitalise(display) + ", " + ReportNumbers.centimetres(extent.longestAxialMm()) + " cm.";
        }
        Finding f = new Finding(FindingKind.LESION, c.label(), v.labelName(c.label()), conceptId(v, c.label()),
                c.number(), mask.count(), mask.volumeMl(), mean(mask, image), image == null ? null : unit,
                extent.longestAxialMm(), extent.maxExtentMm(), centroid, side, referenceX,
                container == 0 ? null : container, container == 0 ? null : v.labelName(container));
        return new ReportSentence(text, f, mask, mask.bounds());
    }

    private static String conceptId(ModelVocabulary v, int label) {
        return v.concept(label).map(Concept::id).orElse(null);
    }

    private static Double mean(VoxelMask mask, Volume image) {
        if (image == null) {
            return null;
        }
        int sx = image.grid().sizeX();
        int sy = image.grid().sizeY();
        double sum = 0;
        for (int i : mask.indices()) {
            sum += image.getPhysical(i % sx, (i / sx) % sy, i / (sx * sy));
        }
        return sum / mask.count();
    }
}
