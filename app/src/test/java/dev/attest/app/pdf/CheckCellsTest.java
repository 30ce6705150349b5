package dev.attest.app.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attest.annotation.model.ArtifactRef;
import dev.attest.annotation.model.CheckOutcome;
import dev.attest.annotation.model.ClaimCheck;
import dev.attest.annotation.model.Evidence;
import dev.attest.annotation.model.EvidenceKind;
import dev.attest.annotation.model.EvidenceSupport;
import dev.attest.annotation.model.Verdict;
import dev.attest.core.geometry.Vec3;
import dev.attest.reports.pdf.CheckCell;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The words the case report gives stored codes, check numbers and evidence geometry. */
class CheckCellsTest {
    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aCheckNumberReadsWithWhatItMeasures() {
        assertEquals("1,234 voxels", CheckCells.value("existence", 1234.0, true));
        assertEquals("evidence mass 0.75", CheckCells.value("existence", 0.75, false));
        assertEquals("evidence mass 2,048", CheckCells.value("existence", 2048.0, false));
        assertEquals("98% on the claimed side", CheckCells.value("laterality", 0.984, true));
        assertEquals("3% inside the claimed structure", CheckCells.value("location", 0.03, true));
        assertEquals("measured / stated 1.27", CheckCells.value("size", 1.2749, true));
        assertEquals("0.50", CheckCells.value("comparison", 0.5, true));
        assertEquals("", CheckCells.value("size", null, true));
    }

    @Test
    void onlyFailedAndUndecidedChecksKeepTheirReason() {
        ClaimCheck pass = new ClaimCheck(1, 1, "location", CheckOutcome.PASS, 1.0, "all inside the liver", AT);
        ClaimCheck fail = new ClaimCheck(2, 1, "laterality", CheckOutcome.FAIL, 0.0, "all of it lies on the right", AT);
        assertEquals(new CheckCell("location", dev.attest.reports.pdf.CheckOutcome.PASS,
                "100% inside the claimed structure", ""), CheckCells.of(pass, true));
        assertEquals(new CheckCell("laterality", dev.attest.reports.pdf.CheckOutcome.FAIL, "0% on the claimed side",
                "all of it lies on the right"), CheckCells.of(fail, true));
    }

    @Test
    void scoringCodesReadAsTheProtocolWordsThem() {
        assertEquals("partially correct", ReportWords.of(Verdict.PARTIALLY_CORRECT));
        assertEquals("none or off-target", ReportWords.of(EvidenceSupport.NONE_OR_OFF_TARGET));
        assertEquals("heat map", ReportWords.of(EvidenceKind.HEATMAP));
        assertEquals("acceptable", ReportWords.of(dev.attest.annotation.model.Acceptability.ACCEPTABLE, " "));
        assertEquals(null, ReportWords.of((Enum<?>) null));
    }

    @Test
    void evidenceIsLocatedByItsMaskCentroidOrItsPointOrBox() {
        ArtifactRef map = new ArtifactRef("artifacts/case-1-labels.nii.gz", "0".repeat(64));
        Evidence mask = new Evidence(1, 1, EvidenceKind.MASK, map, null,
                "{\"method\":\"segmentation\",\"labelValue\":4,\"centroidLps\":[-60.5,-5.0,-40.25]}", AT);
        assertEquals(Optional.of(new EvidenceLocation(map, 4, new Vec3(-60.5, -5.0, -40.25))), EvidenceLocation.of(mask));
        Evidence point = new Evidence(2, 1, EvidenceKind.POINT, null, "{\"point_lps_mm\":[1.0,2.0,3.0]}", null, AT);
        assertEquals(Optional.of(new EvidenceLocation(null, null, new Vec3(1, 2, 3))), EvidenceLocation.of(point));
        Evidence box = new Evidence(3, 1, EvidenceKind.BOX, null,
                "{\"label\":2,\"min_lps_mm\":[0,0,0],\"max_lps_mm\":[10,20,-30]}", null, AT);
        assertEquals(Optional.of(new EvidenceLocation(null, 2, new Vec3(5, 10, -15))), EvidenceLocation.of(box));
        Evidence heat = new Evidence(4, 1, EvidenceKind.HEATMAP, map, null, "{\"method\":\"occlusion\"}", AT);
        assertEquals(Optional.empty(), EvidenceLocation.of(heat));
        Evidence broken = new Evidence(5, 1, EvidenceKind.MASK, map, null, "{not json", AT);
        assertEquals(Optional.empty(), EvidenceLocation.of(broken), "a report still comes out; this claim has no image");
    }
}
