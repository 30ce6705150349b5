"""Reference for the ground-truth metrics of attest metrics (annotation/.../metrics/groundtruth): the arrays of
the test project CorrectedProject (annotation/src/test/.../metrics/groundtruth/CorrectedProject.java) rebuilt
with numpy, and every expected value computed here independently of the Java code:

- masks: Dice, IoU, Hausdorff, HD95, average surface distances and surface Dice (tau 1 mm) with the surfel-
  weighted corner surfaces and scipy's exact EDT of make_segmentation_metric_refs.py (imported, not copied);
- boxes: IoU and box-pixel precision/recall by counting voxels of boolean box masks;
- heat maps: the peak as the first maximum in x-fastest order, the distance from its centre to the nearest
  region voxel centre in mm, the pointing-game hit at 5 mm and 0 mm, and the positive energy in the region;
- summaries: the plain means over comparisons (finite values only) and, per case, the case means that bound
  a case-level bootstrap interval of two cases.

Grid 12 x 10 x 4, spacing (1.5, 1, 2) mm; arrays are indexed [x, y, z]. Writes
annotation/src/test/resources/reference/metrics/ground_truth_project.json.

Run:  /usr/bin/python3 tools/reference/make_ground_truth_metric_refs.py   (deterministic, < 1 s)
"""
import json
import math
import pathlib
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import make_segmentation_metric_refs as seg  # noqa: E402  (surfel tables and surface metrics)

OUT = pathlib.Path(__file__).resolve().parents[2] / "annotation/src/test/resources/reference/metrics"
SHAPE = (12, 10, 4)
SPACING = (1.5, 1.0, 2.0)
POINTING_TOLERANCES = (5.0, 0.0)


def block(shape, x0, x1, y0, y1, z0, z1, value=1, into=None):
    a = np.zeros(shape, np.int32) if into is None else into
    a[x0:x1, y0:y1, z0:z1] = value
    return a


def mask_metrics(pred, ref, label):
    entry = seg.metrics(pred, ref, SPACING, seg.area_table(SPACING), label)
    p, r = entry["predictionVoxels"], entry["referenceVoxels"]
    if p and not r:  # reference empty: the conventions docs/metrics.md states
        entry.update(hausdorff=math.inf, hausdorff95=math.inf, asdPredictionToReference=math.inf,
                     asdReferenceToPrediction=math.nan, assd=math.inf, surfaceDice=0.0)
    return entry


def box_mask(lo, hi):
    """Boolean mask of a box given by inclusive corners."""
    m = np.zeros(SHAPE, bool)
    m[lo[0]:hi[0] + 1, lo[1]:hi[1] + 1, lo[2]:hi[2] + 1] = True
    return m


def bounds(mask):
    idx = np.argwhere(mask)
    return idx.min(0), idx.max(0)


def box_scores(pred, ref):
    overlap = int(np.sum(pred & ref))
    p, r = int(pred.sum()), int(ref.sum())
    return {"iou": overlap / (p + r - overlap), "pixelPrecision": overlap / p if p else math.nan,
            "pixelRecall": overlap / r if r else math.nan, "predictedVoxels": p, "referenceVoxels": r,
            "overlapVoxels": overlap}


def heatmap(hmap, region, with_energy=True):
    flat = np.transpose(hmap, (2, 1, 0)).ravel()  # z, y, x order: x fastest
    k = int(np.argmax(flat))
    peak = (k % SHAPE[0], (k // SHAPE[0]) % SHAPE[1], k // (SHAPE[0] * SHAPE[1]))
    pts = np.argwhere(region)
    d = float(np.min(np.sqrt((((pts - np.array(peak)) * np.array(SPACING)) ** 2).sum(1)))) if len(pts) else math.inf
    entry = {"peak": list(peak), "peakValue": float(hmap[peak]), "distanceMm": d,
             "hit": {str(t): bool(d <= t) for t in POINTING_TOLERANCES}}
    if with_energy:
        positive = np.where(hmap > 0, hmap, 0)
        entry["energy"] = {"fraction": float(positive[region].sum() / positive.sum()),
                           "inside": float(positive[region].sum()), "total": float(positive.sum())}
    return entry


def mean(values):
    finite = [v for v in values if math.isfinite(v)]
    return sum(finite) / len(finite) if finite else math.nan


def main():
    # Case c1.
    l1 = block(SHAPE, 2, 6, 2, 6, 1, 3, 1)
    block(SHAPE, 8, 11, 6, 9, 0, 2, 2, into=l1)
    c1 = l1.copy()
    c1[2, 2:6, 1:3] = 0
    c1[6, 2:6, 1:3] = 1
    h2 = np.zeros(SHAPE)
    h2[9, 7, 0], h2[10, 8, 1], h2[0, 0, 0], h2[1, 1, 1] = 5, 2, 1, -3
    lo, hi = bounds(l1 == 2)
    c2_box = box_mask((8, 6, 0), (11, 8, 1))
    point_voxel = np.zeros(SHAPE, bool)
    point_voxel[9, 7, 1] = True
    # Case c2.
    l2 = block(SHAPE, 2, 6, 2, 6, 1, 3, 1)
    block(SHAPE, 8, 10, 1, 3, 2, 4, 3, into=l2)
    erased = np.where(l2 == 3, 0, l2)
    moved = l2.copy()
    moved[8, 1:3, 2:4] = 0
    moved[10, 1:3, 2:4] = 3
    b5 = box_mask((8, 1, 2), (9, 2, 3))

    result = {
        "grid": {"size": list(SHAPE), "spacing": list(SPACING)},
        "masks": {"C1": mask_metrics(l1, c1, 1), "C4": mask_metrics(l2, l2, 1), "C5": mask_metrics(l2, erased, 3)},
        "boxes": {"C2": dict(box_scores(box_mask(lo, hi), c2_box), predictedMin=lo.tolist(), predictedMax=hi.tolist()),
                  "C6": box_scores(b5, box_mask((8, 1, 2), (9, 3, 3))),
                  "C14": box_scores(b5, moved == 3),
                  "C15": box_scores(np.zeros(SHAPE, bool), box_mask((0, 0, 0), (1, 1, 0)))},
        "heatmaps": {"C2": heatmap(h2, c2_box), "C3": heatmap(h2, point_voxel, with_energy=False)},
    }
    m, b, h = result["masks"], result["boxes"], result["heatmaps"]
    result["summary"] = {
        "masks": {k: mean([m[c][k] for c in m]) for k in ("dice", "iou", "hausdorff95", "surfaceDice")},
        "boxes": {k: mean([b[c][k] for c in b]) for k in ("iou", "pixelPrecision", "pixelRecall")},
        "heatmaps": {"pointingGame": mean([float(h[c]["hit"]["5.0"]) for c in h]),
                     "energyInRegion": mean([h[c]["energy"]["fraction"] for c in h if "energy" in h[c]])},
        # Case means: a two-case bootstrap's 2.5% and 97.5% quantiles fall on the smaller and larger one.
        "maskDiceByCase": {"c1": m["C1"]["dice"], "c2": mean([m["C4"]["dice"], m["C5"]["dice"]])},
        "boxIouByCase": {"c1": b["C2"]["iou"], "c2": mean([b["C6"]["iou"], b["C14"]["iou"], b["C15"]["iou"]])},
    }
    OUT.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result, indent=1, sort_keys=True).replace("Infinity", '"Infinity"').replace("NaN", '"NaN"')
    (OUT / "ground_truth_project.json").write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
