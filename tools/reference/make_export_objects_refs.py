#!/usr/bin/python3
"""Writes app/src/test/resources/dev/attest/app/export/objects/totalseg_slice_boxes.json: what the COCO export of
the TotalSegmentator example case is compared against, computed here with pydicom, nibabel and numpy only.

The label map (NIfTI, LAS) is placed on its CT series' own voxel grid by geometry alone, as make_seg_sr_refs.py
does: slices ordered by Image Position along the normal, each DICOM voxel centre turned from LPS into RAS and
through the inverse NIfTI affine into a whole NIfTI index. Then for every label and every slice holding it:

* x, y, width, height: COCO's bbox from pixel edges, x along columns (the grid's first index), y along rows;
* area: the label's pixels on the slice;
* rle: sha256 of COCO's uncompressed RLE counts (mask read in Fortran order, runs alternating background and
  label starting with background) written as decimal numbers joined by ",";
* key slice: per label the slice with most pixels (the lowest on a tie), which RadFact's box is drawn on.

Also the SOP Instance UIDs in slice order (file meta's where the data set's are blank), so the test can check
that none of them survives in the export.

Run with Debian's python: /usr/bin/python3 tools/reference/make_export_objects_refs.py [DATA_ROOT]
Deterministic: re-running gives byte-identical JSON.
"""
import glob
import hashlib
import json
import os
import sys

import nibabel as nib
import numpy as np
import pydicom

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(REPO, "app", "src", "test", "resources", "dev", "attest", "app", "export", "objects",
                   "totalseg_slice_boxes.json")


def data_root():
    if len(sys.argv) > 1:
        return sys.argv[1]
    return os.path.join(REPO, "..", "shared", "data")


def labels_on_ct_grid(root):
    files = [pydicom.dcmread(p) for p in glob.glob(os.path.join(root, "series-ct", "totalsegmentator_example_ct_dicom", "*"))]
    iop = np.array(files[0].ImageOrientationPatient, dtype=float)
    row, col = iop[:3], iop[3:]
    normal = np.cross(row, col)
    files.sort(key=lambda d: float(np.dot(np.array(d.ImagePositionPatient, dtype=float), normal)))
    img = nib.load(os.path.join(root, "nifti", "totalsegmentator_example_seg_dicom.nii.gz"))
    labels = np.asarray(img.dataobj)
    inverse = np.linalg.inv(img.affine)
    rows, cols = int(files[0].Rows), int(files[0].Columns)
    dy, dx = (float(v) for v in files[0].PixelSpacing)
    out = np.zeros((len(files), rows, cols), dtype=np.uint8)
    r, c = np.meshgrid(np.arange(rows), np.arange(cols), indexing="ij")
    for s, ds in enumerate(files):
        ipp = np.array(ds.ImagePositionPatient, dtype=float)
        lps = ipp[None, None, :] + c[..., None] * dx * row + r[..., None] * dy * col
        ras = lps * np.array([-1.0, -1.0, 1.0])
        idx = np.einsum("ij,...j->...i", inverse[:3, :3], ras) + inverse[:3, 3]
        whole = np.rint(idx)
        assert np.abs(idx - whole).max() < 1e-3, "the CT grid is not the label map's lattice"
        whole = whole.astype(int)
        out[s] = labels[whole[..., 0], whole[..., 1], whole[..., 2]]
    uids = [str(ds.SOPInstanceUID or ds.file_meta.MediaStorageSOPInstanceUID) for ds in files]
    return out, uids


def rle_counts(mask):
    flat = mask.flatten(order="F").astype(np.int8)
    # Run boundaries are where the value changes; a mask starting with label pixels opens with an empty background run.
    edges = np.concatenate(([0], np.flatnonzero(np.diff(flat)) + 1, [flat.size]))
    counts = np.diff(edges).tolist()
    return ([0] + counts) if flat[0] == 1 else counts


def main():
    volume, uids = labels_on_ct_grid(data_root())
    slices, rows, cols = volume.shape
    boxes = {}
    key_slices = {}
    for v in [int(x) for x in np.unique(volume) if x != 0]:
        entries = []
        for k in range(slices):
            mask = volume[k] == v
            if not mask.any():
                continue
            ys, xs = np.nonzero(mask)
            counts = rle_counts(mask)
            sha = hashlib.sha256(",".join(str(n) for n in counts).encode("ascii")).hexdigest()
            entries.append([k, int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1),
                            int(mask.sum()), sha])
        boxes[str(v)] = entries
        areas = [e[5] for e in entries]
        key_slices[str(v)] = entries[int(np.argmax(areas))][0]
    out = {"grid": [cols, rows, slices], "sopInstanceUids": uids, "boxes": boxes, "keySlice": key_slices}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="ascii") as f:
        # One slice box per line: small enough to read, and diffs show which box moved.
        f.write("{\"grid\": %s,\n \"keySlice\": %s,\n \"sopInstanceUids\": %s,\n \"boxes\": {\n" % (
            json.dumps(out["grid"]), json.dumps(key_slices, sort_keys=True), json.dumps(uids)))
        labels = sorted(boxes, key=int)
        for n, v in enumerate(labels):
            f.write("  %s: [\n" % json.dumps(v))
            f.write(",\n".join("   " + json.dumps(e) for e in boxes[v]))
            f.write("\n  ]%s\n" % ("," if n < len(labels) - 1 else ""))
        f.write(" }\n}\n")
    print("wrote", OUT, sum(len(e) for e in boxes.values()), "slice boxes of", len(boxes), "labels")


if __name__ == "__main__":
    main()
