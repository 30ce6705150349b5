"""Reference for SegmentationMetrics (annotation/.../metrics/segmentation): per-label Dice, IoU, Hausdorff,
HD95, average surface distances, ASSD and surface Dice of a TotalSegmentator label map against a shifted
copy of itself, computed with numpy + scipy.ndimage.distance_transform_edt, independently of the Java code.

Definitions (as DeepMind's surface-distance computes them, Nikolov et al. 2021):
- surface points are the corners of the voxel grid whose 2x2x2 neighbourhood holds both inside and outside
  voxels, each weighted by the marching-cubes surfel area of that neighbourhood;
- the surfel areas are built here from three rules (complement symmetry above four inside voxels, diagonal
  inside voxels on a face cut off separately, each loop split into its largest-area triangulation in the unit
  cell); built this way they equal DeepMind's published lookup table for any spacing (checked when this
  script was written; the table itself is not copied here);
- distances come from the exact Euclidean distance transform with the voxel spacing (column norms of the
  affine), on the box holding the label in either map;
- HD95 is the larger of the two directed surfel-weighted 95th percentiles (sorted by distance then area,
  first point where the cumulative area fraction reaches 0.95); surface Dice counts distances <= 1 mm.

The "prediction" is the map shifted by (dx, dy, dz) voxels with zeros shifted in: pred[x, y, z] = ref[x-dx,
y-dy, z-dz]. Writes annotation/src/test/resources/reference/metrics/totalsegmentator_shifted.json.

Run:  /usr/bin/python3 tools/reference/make_segmentation_metric_refs.py [/work/shared/data]
"""
import functools
import json
import pathlib
import sys

import nibabel as nib
import numpy as np
from scipy import ndimage

DATA = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
OUT = pathlib.Path(__file__).resolve().parents[2] / "annotation/src/test/resources/reference/metrics"
TOLERANCE_MM = 1.0
PAIRS = [("totalsegmentator_example_seg.nii.gz", (1, 0, 1)),
         ("totalsegmentator_example_seg_dicom.nii.gz", (2, -1, 1))]


def corner(bit):
    return np.array([bit & 1, (bit >> 1) & 1, (bit >> 2) & 1], float)


def loops(code):
    """Closed loops (as lists of edge midpoints) of the face segments of a 2x2x2 code."""
    inside = [(code >> b) & 1 for b in range(8)]
    segments = []
    for axis in range(3):
        u, v = (axis + 1) % 3, (axis + 2) % 3
        for side in (0, 1):
            base = side << axis
            ring = [base, base | 1 << u, base | 1 << u | 1 << v, base | 1 << v]
            ins = [inside[c] for c in ring]
            edges = [frozenset((ring[i], ring[(i + 1) % 4])) for i in range(4)]
            if sum(ins) in (0, 4):
                continue
            if sum(ins) == 2 and ins[0] == ins[2]:
                segments += [(edges[i - 1], edges[i]) for i in range(4) if ins[i]]
            else:
                cut = [edges[i] for i in range(4) if ins[i] != ins[(i + 1) % 4]]
                segments.append((cut[0], cut[1]))
    neighbours = {}
    for a, b in segments:
        neighbours.setdefault(a, []).append(b)
        neighbours.setdefault(b, []).append(a)
    seen, result = set(), []
    for start in sorted(neighbours, key=sorted):
        if start in seen:
            continue
        loop, current = [], start
        while current not in seen:
            seen.add(current)
            loop.append(current)
            current = next((n for n in neighbours[current] if n not in seen), start)
        result.append([sum(corner(c) for c in edge) / 2 for edge in loop])
    return result


def largest_triangulation(points):
    area = lambda i, j, k: np.linalg.norm(np.cross(points[j] - points[i], points[k] - points[i])) / 2

    @functools.lru_cache(None)
    def best(i, j):
        if j - i < 2:
            return 0.0, ()
        options = [(best(i, k)[0] + best(k, j)[0] + area(i, k, j), best(i, k)[1] + best(k, j)[1] + ((i, k, j),))
                   for k in range(i + 1, j)]
        return max(options, key=lambda o: o[0])

    return [np.cross(points[j] - points[i], points[k] - points[i]) / 2 for i, k, j in best(0, len(points) - 1)[1]]


NORMALS = []
for code in range(256):
    shape = code if bin(code).count("1") <= 4 else 255 - code
    NORMALS.append([n for loop in loops(shape) for n in largest_triangulation(loop)])


def area_table(s):
    return np.array([sum(np.linalg.norm([n[0] * s[1] * s[2], n[1] * s[0] * s[2], n[2] * s[0] * s[1]]) for n in ns)
                     for ns in NORMALS])


def surface(mask, table):
    padded = np.pad(mask.astype(np.int32), 1)
    shape = tuple(n + 1 for n in mask.shape)
    code = np.zeros(shape, np.int32)
    for b in range(8):
        dx, dy, dz = b & 1, (b >> 1) & 1, (b >> 2) & 1
        code |= padded[dx:dx + shape[0], dy:dy + shape[1], dz:dz + shape[2]] << b
    border = (code != 0) & (code != 255)
    return border, table[code]


def directed_percentile(d, a, percent):
    order = np.lexsort((a, d))
    d, a = d[order], a[order]
    cumulative = np.cumsum(a) / np.sum(a)
    return d[min(np.searchsorted(cumulative, percent / 100.0), len(d) - 1)]


def metrics(pred, ref, spacing, table, label):
    p, r = pred == label, ref == label
    overlap = int(np.sum(p & r))
    entry = {"label": int(label), "predictionVoxels": int(p.sum()), "referenceVoxels": int(r.sum()),
             "overlapVoxels": overlap, "dice": 2 * overlap / (p.sum() + r.sum()),
             "iou": overlap / (p.sum() + r.sum() - overlap)}
    if p.sum() == 0 or r.sum() == 0:
        return entry
    idx = np.argwhere(p | r)
    lo, hi = idx.min(0), idx.max(0) + 1
    box = tuple(slice(a, b) for a, b in zip(lo, hi))
    bp, ap = surface(p[box], table)
    br, ar = surface(r[box], table)
    to_ref = ndimage.distance_transform_edt(~br, sampling=spacing)[bp]
    to_pred = ndimage.distance_transform_edt(~bp, sampling=spacing)[br]
    wp, wr = ap[bp], ar[br]
    entry.update({
        "hausdorff": max(to_ref.max(), to_pred.max()),
        "hausdorff95": max(directed_percentile(to_ref, wp, 95), directed_percentile(to_pred, wr, 95)),
        "asdPredictionToReference": np.sum(to_ref * wp) / np.sum(wp),
        "asdReferenceToPrediction": np.sum(to_pred * wr) / np.sum(wr),
        "assd": (np.sum(to_ref * wp) + np.sum(to_pred * wr)) / (np.sum(wp) + np.sum(wr)),
        "surfaceDice": (wp[to_ref <= TOLERANCE_MM].sum() + wr[to_pred <= TOLERANCE_MM].sum())
        / (wp.sum() + wr.sum()),
    })
    return {k: (float(v) if isinstance(v, (np.floating, float)) else v) for k, v in entry.items()}


def shifted(ref, shift):
    pred = np.zeros_like(ref)
    src = tuple(slice(max(0, -s), n - max(0, s)) for s, n in zip(shift, ref.shape))
    dst = tuple(slice(max(0, s), n - max(0, -s)) for s, n in zip(shift, ref.shape))
    pred[dst] = ref[src]
    return pred


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    result = []
    for name, shift in PAIRS:
        img = nib.load(DATA / "nifti" / name)
        ref = np.asanyarray(img.dataobj).astype(np.int32)
        spacing = tuple(float(np.linalg.norm(img.affine[:3, i])) for i in range(3))
        pred = shifted(ref, shift)
        table = area_table(spacing)
        labels = sorted((set(np.unique(ref)) | set(np.unique(pred))) - {0})
        result.append({"file": name, "shift": list(shift), "size": list(ref.shape), "spacing": list(spacing),
                       "toleranceMm": TOLERANCE_MM,
                       "labels": [metrics(pred, ref, spacing, table, l) for l in labels]})
        print(name, len(result[-1]["labels"]), "labels")
    (OUT / "totalsegmentator_shifted.json").write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
