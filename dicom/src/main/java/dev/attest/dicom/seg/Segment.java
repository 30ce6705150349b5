package dev.attest.dicom.seg;

import java.util.Optional;

/**
 * One item of a Segmentation's Segment Sequence: what was segmented and how to show it.
 *
 * @param number          Segment Number, what the frames and the label volumes refer to
 * @param label           Segment Label
 * @param description     Segment Description, or ""
 * @param algorithmType   AUTOMATIC, SEMIAUTOMATIC or MANUAL
 * @param algorithmName   Segment Algorithm Name, or "" (manual segments have none)
 * @param category        code meaning of the Segmented Property Category ("Tissue"), or ""
 * @param type            code meaning of the Segmented Property Type ("Liver"), or ""
 * @param displayColour   Recommended Display CIELab Value, when given
 */
public record Segment(int number, String label, String description, String algorithmType, String algorithmName,
                      String category, String type, Optional<CieLab> displayColour) {

    /** The recommended colour as 0xRRGGBB sRGB, when the file gives one. */
    public Optional<Integer> displayRgb() {
        return displayColour.map(CieLab::toSrgb);
    }
}
