#!/usr/bin/python3
"""Writes dicom/src/test/resources/reference/seg/seg_reference.json: what the DICOM SEG and
colour-image tests compare Attest against, computed here with pydicom + numpy only.

* SEG masks on their source CT grids. Frames are placed by ReferencedSOPInstanceUID (the
  Derivation Image / Source Image reference), not by position as Attest does, so the two
  placements check each other; the CT slices are ordered by Image Position along the normal.
  Per-slice voxel counts and the sha256 of the label array (slices, rows, columns; uint8; value =
  segment number) for the dcmqi liver SEG; per-segment voxel counts, the overlapping pairs and
  the number of layers a greedy packing needs (segments in number order, each into the first
  layer where it overlaps nothing) for dcmqi's partial-overlaps SEG, with the sha256 of every
  layer; the highdicom single-frame SEG on its CT.
* Recommended Display CIELab values converted to 8-bit sRGB with numpy: DICOM scales L* 0..100
  and a*, b* -128..127 to 0..65535; CIELab -> XYZ with the D65 white point, XYZ -> linear sRGB
  with the IEC 61966-2-1 matrix, clip to [0, 1], sRGB gamma, then floor(255 c + 0.5).
* Palette colour files converted with pydicom's own apply_color_lut (sha256 of the RGB samples),
  and the expected opaque ARGB pixels (uint32 little-endian, 0xFF rrggbb) of a colour image shown
  at its own pixel grid: 8-bit samples as they are, 16-bit samples scaled by
  (v * 255 + 32767) // 65535.

Run with Debian's python: /usr/bin/python3 tools/reference/make_seg_refs.py [DATA_ROOT]
Deterministic: re-running gives byte-identical JSON.
"""
import hashlib
import json
import os
import sys

import numpy as np
import pydicom
from pydicom.pixel_data_handlers.util import apply_color_lut

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(REPO, "dicom", "src", "test", "resources", "reference", "seg", "seg_reference.json")


def data_root():
    if len(sys.argv) > 1:
        return sys.argv[1]
    for candidate in ("/work/shared/data", os.path.join(REPO, "..", "shared", "data")):
        if os.path.isdir(candidate):
            return candidate
    sys.exit("shared data not found; pass DATA_ROOT")


def sha256(array):
    return hashlib.sha256(np.ascontiguousarray(array).tobytes()).hexdigest()


def ct_stack(paths):
    """CT slices sorted along the slice normal: list of (sop uid, dataset)."""
    slices = []
    for p in paths:
        ds = pydicom.dcmread(p, stop_before_pixels=True)
        iop = np.array(ds.ImageOrientationPatient, dtype=float)
        normal = np.cross(iop[:3], iop[3:])
        slices.append((float(np.dot(np.array(ds.ImagePositionPatient, dtype=float), normal)), ds.SOPInstanceUID, ds))
    slices.sort(key=lambda s: s[0])
    return [(uid, ds) for _, uid, ds in slices]


def frames_by_reference(seg):
    """(frame index, segment number, referenced SOP instance UID) for every frame."""
    out = []
    for f, item in enumerate(seg.PerFrameFunctionalGroupsSequence):
        number = int(item.SegmentIdentificationSequence[0].ReferencedSegmentNumber)
        uid = item.DerivationImageSequence[0].SourceImageSequence[0].ReferencedSOPInstanceUID
        out.append((f, number, uid))
    return out


def segment_masks(seg_path, ct_paths):
    seg = pydicom.dcmread(seg_path)
    stack = ct_stack(ct_paths)
    slice_of = {uid: z for z, (uid, _) in enumerate(stack)}
    rows, cols = int(stack[0][1].Rows), int(stack[0][1].Columns)
    pixels = seg.pixel_array.reshape(int(seg.NumberOfFrames), int(seg.Rows), int(seg.Columns))
    masks = {}
    for f, number, uid in frames_by_reference(seg):
        mask = masks.setdefault(number, np.zeros((len(stack), rows, cols), dtype=bool))
        mask[slice_of[uid]] |= pixels[f].astype(bool)
    return seg, masks


def label_volume(masks, numbers):
    first = next(iter(masks.values()))
    labels = np.zeros(first.shape, dtype=np.uint8)
    for n in numbers:
        labels[masks[n]] = n
    return labels


def greedy_layers(masks):
    layers = []  # list of lists of segment numbers
    for n in sorted(masks):
        for layer in layers:
            if not any((masks[n] & masks[m]).any() for m in layer):
                layer.append(n)
                break
        else:
            layers.append([n])
    return layers


def cielab_to_srgb(scaled):
    v = np.asarray(scaled, dtype=float)
    L = v[0] * 100.0 / 65535.0
    a = v[1] * 255.0 / 65535.0 - 128.0
    b = v[2] * 255.0 / 65535.0 - 128.0
    fy = (L + 16.0) / 116.0
    f = np.array([fy + a / 500.0, fy, fy - b / 200.0])
    delta = 6.0 / 29.0
    finv = np.where(f > delta, f ** 3, 3 * delta ** 2 * (f - 4.0 / 29.0))
    xyz = finv * np.array([0.95047, 1.0, 1.08883])
    m = np.array([[3.2406, -1.5372, -0.4986],
                  [-0.9689, 1.8758, 0.0415],
                  [0.0557, -0.2040, 1.0570]])
    lin = np.clip(m @ xyz, 0.0, 1.0)
    srgb = np.where(lin <= 0.0031308, 12.92 * lin, 1.055 * lin ** (1 / 2.4) - 0.055)
    return [int(x) for x in np.floor(srgb * 255.0 + 0.5)]


def segments_json(seg):
    out = []
    for s in seg.SegmentSequence:
        lab = s.get("RecommendedDisplayCIELabValue")
        out.append({
            "number": int(s.SegmentNumber),
            "label": str(s.SegmentLabel),
            "algorithmType": str(s.SegmentAlgorithmType),
            "category": str(s.SegmentedPropertyCategoryCodeSequence[0].CodeMeaning),
            "type": str(s.SegmentedPropertyTypeCodeSequence[0].CodeMeaning),
            "cielab": None if lab is None else [int(x) for x in lab],
            "srgb": None if lab is None else cielab_to_srgb(lab),
        })
    return out


def argb(rgb):
    """Opaque ARGB of an (rows, cols, 3) array, uint32 little-endian."""
    wide = rgb.dtype == np.uint16
    rgb = rgb.astype(np.uint64)
    if wide:
        rgb = (rgb * 255 + 32767) // 65535
    packed = (0xFF << 24) | (rgb[..., 0] << 16) | (rgb[..., 1] << 8) | rgb[..., 2]
    return packed.astype("<u4")


def main():
    root = data_root()
    seg_dir = os.path.join(root, "seg-sr")
    ct3 = [os.path.join(seg_dir, "dcmqi_ct-3slice", n) for n in ("01.dcm", "02.dcm", "03.dcm")]
    ref = {"generator": "tools/reference/make_seg_refs.py", "pydicom": pydicom.__version__, "numpy": np.__version__}

    seg, masks = segment_masks(os.path.join(seg_dir, "dcmqi_liver_seg.dcm"), ct3)
    labels = label_volume(masks, [1])
    ref["liver"] = {
        "segments": segments_json(seg),
        "shape": list(labels.shape),
        "sliceCounts": [int(np.count_nonzero(labels[z])) for z in range(labels.shape[0])],
        "labelSha256": sha256(labels),
    }

    seg, masks = segment_masks(os.path.join(seg_dir, "dcmqi_partial_overlaps_seg.dcm"), ct3)
    layers = greedy_layers(masks)
    numbers = sorted(masks)
    ref["partialOverlaps"] = {
        "segments": segments_json(seg),
        "segmentVoxels": {str(n): int(masks[n].sum()) for n in numbers},
        "overlappingPairs": [[a, b] for i, a in enumerate(numbers) for b in numbers[i + 1:]
                             if (masks[a] & masks[b]).any()],
        "layers": layers,
        "layerSha256": [sha256(label_volume(masks, layer)) for layer in layers],
    }

    seg, masks = segment_masks(os.path.join(seg_dir, "highdicom_seg_single_frame.dcm"),
                               [os.path.join(seg_dir, "highdicom_ct_image.dcm")])
    labels = label_volume(masks, [1])
    ref["highdicomSingleFrame"] = {
        "segments": segments_json(seg),
        "shape": list(labels.shape),
        "voxels": int(np.count_nonzero(labels)),
        "labelSha256": sha256(labels),
    }

    colour = {}
    codecs = os.path.join(root, "dicom-codecs")
    for name in ("pydicom/examples_palette.dcm", "pydicom-data/OBXXXX1A.dcm", "pydicom-data/gdcm-US-ALOKA-16.dcm"):
        ds = pydicom.dcmread(os.path.join(codecs, name))
        rgb = apply_color_lut(ds.pixel_array, ds)
        colour[name] = {"rgbDtype": str(rgb.dtype), "rgbSha256": sha256(rgb.astype(rgb.dtype.newbyteorder("<"))),
                        "argbSha256": sha256(argb(rgb)), "indexSha256": sha256(ds.pixel_array)}
    for name in ("pydicom/examples_rgb_color.dcm", "pydicom/SC_rgb_rle_16bit.dcm"):
        ds = pydicom.dcmread(os.path.join(codecs, name))
        rgb = ds.pixel_array
        colour[name] = {"rgbDtype": str(rgb.dtype), "rgbSha256": sha256(rgb.astype(rgb.dtype.newbyteorder("<"))),
                        "argbSha256": sha256(argb(rgb))}
    ref["colour"] = colour

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as fh:
        json.dump(ref, fh, indent=1, sort_keys=True)
        fh.write("\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
