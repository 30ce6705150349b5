#!/usr/bin/python3
"""Reference regions and report sentences for the reports module's tests, computed with nibabel + numpy
from the rules in docs/reports.md, independently of the Java code.

Writes reports/src/test/resources/reference/grounding_reference.json:
  - "totalsegmentator": for phrases on DATA_ROOT/nifti/totalsegmentator_example_seg.nii.gz, the label
    values, voxel count, LPS centroid and (for half cuts) the smallest distance of a voxel centre to the
    cut plane, which must be well above rounding so Java and numpy cannot disagree about a voxel;
  - "totalsegmentator_sentences": the organ-volume sentences expected from the label map (display names
    from the shipped vocabulary JSON), with voxel count, mean HU over example_ct_sm.nii.gz and the
    bounding box of whole voxels in LPS;
  - "brain": phrases on the LIA-oriented ONNX Runtime white/grey-matter segmentation of the brainchop
    sample (models/reference-outputs/t1_crop_model5_gw_ae_onnxruntime_seg.nii.gz, labels of colormap3).
Rules mirrored here: LPS = diag(-1, -1, 1) · RAS; a half is cut at the region's centroid, the plane
included (left: x >= cx, right: x <= cx, upper: z >= cz, lower: z <= cz, anterior: y <= cy, posterior:
y >= cy, medial: |x - m| <= |cx - m| with m the midline x); qualifiers are applied in sentence order, each
at the centroid of what is left; the midline is the centroid x of the midline structures present
(TotalSegmentator: vertebrae, spinal cord, sacrum).

Run from the repository root: /usr/bin/python3 tools/reference/make_grounding_refs.py [DATA_ROOT]
(nibabel 5.0, numpy 1.24; deterministic, about 5 s).
"""
import json
import os
import re
import sys
from decimal import Decimal, ROUND_HALF_UP

import nibabel as nib
import numpy as np

OUT = "reports/src/test/resources/reference/grounding_reference.json"
VOCAB = "reports/src/main/resources/dev/attest/reports/lexicon/totalsegmentator-v2.json"
FLIP = np.array([-1.0, -1.0, 1.0])


def lps_of(img, indices):
    a = img.affine
    return (indices @ a[:3, :3].T + a[:3, 3]) * FLIP


class Map:
    def __init__(self, path):
        self.img = nib.load(path)
        self.data = np.asarray(self.img.dataobj).astype(np.int64)
        self.shape = self.data.shape

    def voxels(self, labels):
        return np.argwhere(np.isin(self.data, labels))

    def linear(self, ijk):
        sx, sy, _ = self.shape
        return ijk[:, 0] + sx * (ijk[:, 1] + sy * ijk[:, 2])


AXIS = {"left": (0, 1), "right": (0, -1), "upper": (2, 1), "lower": (2, -1), "anterior": (1, -1),
        "posterior": (1, 1)}


def cut(points, how, midline):
    """Keeps the points of one half; returns the mask and the smallest distance to the cut plane."""
    c = points.mean(axis=0)
    if how in AXIS:
        axis, sign = AXIS[how]
        d = (points[:, axis] - c[axis]) * sign
        return d >= 0, float(np.min(np.abs(d)))
    d = np.abs(points[:, 0] - midline) - abs(c[0] - midline)
    keep = d <= 0 if how == "medial" else d >= 0
    return keep, float(np.min(np.abs(d)))


def region(m, labels, cuts, midline):
    ijk = m.voxels(labels)
    pts = lps_of(m.img, ijk.astype(float))
    margin = None
    for how in cuts:
        keep, dist = cut(pts, how, midline)
        margin = dist if margin is None else min(margin, dist)
        ijk, pts = ijk[keep], pts[keep]
    entry = {"labels": labels, "cuts": cuts, "count": int(len(ijk)),
             "centroid_lps": [round(float(v), 9) for v in pts.mean(axis=0)],
             "linear_index_sum": int(m.linear(ijk).sum())}
    if margin is not None:
        entry["cut_margin_mm"] = round(margin, 6)
    return entry


def ml_text(ml):
    tenths = Decimal(repr(ml)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    if tenths >= 10:
        return f"{int(Decimal(repr(ml)).quantize(Decimal('1'), ROUND_HALF_UP)):,}"
    if tenths >= Decimal("0.1"):
        return f"{tenths:.1f}"
    return f"{Decimal(repr(ml)).quantize(Decimal('0.01'), ROUND_HALF_UP):.2f}"


def totalsegmentator(data):
    m = Map(os.path.join(data, "nifti", "totalsegmentator_example_seg.nii.gz"))
    ct = np.asarray(nib.load(os.path.join(data, "nifti", "totalsegmentator_example_ct_sm.nii.gz")).dataobj)
    present = sorted(int(v) for v in np.unique(m.data) if v != 0)
    spine = [v for v in range(26, 51) if v in present]  # vertebrae_S1 .. vertebrae_C1
    midline_labels = [v for v in spine + [79, 25] if v in present]  # + spinal_cord, sacrum
    midline = float(lps_of(m.img, m.voxels(midline_labels).astype(float))[:, 0].mean())
    phrases = {
        "left kidney": ([3], []), "right kidney": ([2], []), "R kidney": ([2], []), "kidney_left": ([3], []),
        "renal": ([2, 3], []), "left lower lobe": ([11], []), "LLL": ([11], []), "right lower lobe": ([14], []),
        "left upper lobe": ([10], []), "upper lobe of the left lung": ([10], []), "left lung": ([10, 11], []),
        "L1 vertebra": ([31], []), "first lumbar vertebra": ([31], []), "T12": ([32], []),
        "lumbar spine": ([30, 31], []), "upper pole of the right kidney": ([2], ["upper"]),
        "lower pole of the right kidney": ([2], ["lower"]), "left half of the L1 vertebra": ([31], ["left"]),
        "right half of the L1 vertebra": ([31], ["right"]), "posterior part of the liver": ([5], ["posterior"]),
        "medial part of the left kidney": ([3], ["medial"]), "lateral part of the left kidney": ([3], ["lateral"]),
        "left 7th rib": ([98], []), "seventh left rib": ([98], []),
        "upper part of the left lower lobe": ([11], ["upper"]), "lower part of the left lower lobe": ([11], ["lower"]),
        "anterior left lower lobe": ([11], ["anterior"]),
    }
    out = {}
    for phrase, (labels, cuts) in phrases.items():
        out[phrase] = region(m, labels, cuts, midline)
    with open(VOCAB, encoding="utf-8") as fh:
        display = {s["label"]: s["display"] for s in json.load(fh)["structures"]}
    xml = m.img.header.extensions[0].get_content().decode("utf-8")
    names = {int(k): n for k, n in re.findall(r'Key="(\d+)".*?CDATA\[([^\]]*)\]', xml)}
    voxel_ml = abs(np.linalg.det(m.img.affine[:3, :3])) / 1000
    sentences = []
    for v in present:
        sel = m.data == v
        n = int(sel.sum())
        text = display[names[v]]
        # The box holds whole voxels: the extreme voxel centres +- half a voxel (this grid is axis-aligned).
        pts = lps_of(m.img, np.argwhere(sel).astype(float))
        half = np.abs(np.diag(m.img.affine)[:3]) / 2
        sentences.append({"label": v, "name": names[v], "voxels": n, "volume_ml": n * voxel_ml,
                          "box_min": (pts.min(axis=0) - half).tolist(), "box_max": (pts.max(axis=0) + half).tolist(),
                          "mean_hu": float(ct[sel].astype(np.float64).mean()),
                          "text": text[0].upper() + text[1:] + f" volume {ml_text(n * voxel_ml)} mL."})
    return out, sentences, {"labels": midline_labels, "x": midline}


def brain(data):
    m = Map(os.path.join(data, "models", "reference-outputs", "t1_crop_model5_gw_ae_onnxruntime_seg.nii.gz"))
    midline = float(lps_of(m.img, m.voxels([1, 2]).astype(float))[:, 0].mean())
    phrases = {
        "left white matter": ([1], ["left"]), "right white matter": ([1], ["right"]),
        "left cerebral white matter": ([1], ["left"]), "upper grey matter": ([2], ["upper"]),
        "anterior white matter": ([1], ["anterior"]), "right posterior grey matter": ([2], ["right", "posterior"]),
        "grey matter": ([2], []), "brain": ([1, 2], []),
    }
    return {p: region(m, labels, cuts, midline) for p, (labels, cuts) in phrases.items()}, midline


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else (
        "/work/shared/data" if os.path.isdir("/work/shared/data") else "../shared/data")
    ts, sentences, midline = totalsegmentator(data)
    br, brain_midline = brain(data)
    for name, table in (("totalsegmentator", ts), ("brain", br)):
        for phrase, e in table.items():
            assert e.get("cut_margin_mm", 1) > 1e-3, (name, phrase, e)
    doc = {"generated_by": "tools/reference/make_grounding_refs.py", "totalsegmentator_midline": midline,
           "totalsegmentator": ts, "totalsegmentator_sentences": sentences,
           "brain_midline_x": brain_midline, "brain": br}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(f"wrote {OUT}: {len(ts)} + {len(br)} regions, {len(sentences)} sentences")


if __name__ == "__main__":
    main()
