#!/usr/bin/python3
"""Writes dicom/src/test/resources/reference/geometry/<folder>.json for every
DICOM series folder of the shared test data: file counts, UIDs, matrix size,
pixel spacing, orientation, slice positions projected onto the slice normal,
the distinct slice spacings, gantry tilt, rescale and bit-depth sets, transfer
syntaxes and (for series-ct / series-mr) sha256 of the decoded stored pixel
values per slice and for the whole sorted volume.

Run with Debian's python (pydicom 2.3 + Pillow/OpenJPEG for JPEG 2000):
    /usr/bin/python3 tools/reference/make_dicom_geometry_refs.py [DATA_ROOT]
DATA_ROOT defaults to /work/shared/data (or ../shared/data next to the repo).
"""
import hashlib
import json
import math
import os
import sys

import numpy as np
import pydicom

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(REPO, "dicom", "src", "test", "resources", "reference", "geometry")
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
from nifti_ref import dumps_compact, normalise_stored  # noqa: E402

# (folder relative to the data root, compute pixel hashes?)
EXTRA_FOLDERS = [
    ("dicom-codecs/dcm_qa_enh_siemens_xa10", False),
    ("dicom-codecs/dcm_qa_12bit", False),
]


def fl(v):
    return [float(x) for x in v]


def uniq(values):
    """distinct values in first-seen order (JSON-friendly)."""
    out = []
    for v in values:
        if v not in out:
            out.append(v)
    return out


def ds_value(ds, keyword):
    v = ds.get(keyword)
    if v is None:
        return None
    if isinstance(v, pydicom.multival.MultiValue):
        return [float(x) if isinstance(x, (pydicom.valuerep.DSfloat, pydicom.valuerep.DSdecimal, float))
                else x for x in v]
    if isinstance(v, (pydicom.valuerep.DSfloat, pydicom.valuerep.DSdecimal, float)):
        return float(v)
    if isinstance(v, pydicom.valuerep.IS):
        return int(v)
    return v if isinstance(v, (int, str)) else str(v)


def frame_attr(ds, frame_item, seq, keyword):
    """Functional-group lookup: per-frame first, then shared."""
    for holder in (frame_item, ds.get("SharedFunctionalGroupsSequence", [None])[0]):
        if holder is None or seq not in holder:
            continue
        item = holder[seq][0]
        if keyword in item:
            return item[keyword].value
    return None


def frames_of(ds, fname):
    """One dict per frame: ipp, iop, spacing, slope, intercept."""
    nf = int(ds.get("NumberOfFrames", 1) or 1)
    if "PerFrameFunctionalGroupsSequence" in ds:
        res = []
        for i, it in enumerate(ds.PerFrameFunctionalGroupsSequence):
            res.append({
                "file": fname, "frame": i,
                "ipp": fl(frame_attr(ds, it, "PlanePositionSequence", "ImagePositionPatient")),
                "iop": fl(frame_attr(ds, it, "PlaneOrientationSequence", "ImageOrientationPatient")),
                "spacing": fl(frame_attr(ds, it, "PixelMeasuresSequence", "PixelSpacing")),
                "thickness": frame_attr(ds, it, "PixelMeasuresSequence", "SliceThickness"),
                "slope": frame_attr(ds, it, "PixelValueTransformationSequence", "RescaleSlope"),
                "intercept": frame_attr(ds, it, "PixelValueTransformationSequence", "RescaleIntercept"),
                "instance": int(ds.get("InstanceNumber", 0) or 0),
            })
        return res
    assert nf == 1, fname
    return [{
        "file": fname, "frame": 0,
        "ipp": fl(ds.ImagePositionPatient), "iop": fl(ds.ImageOrientationPatient),
        "spacing": fl(ds.PixelSpacing), "thickness": ds.get("SliceThickness"),
        "slope": ds.get("RescaleSlope"), "intercept": ds.get("RescaleIntercept"),
        "instance": int(ds.get("InstanceNumber", 0) or 0),
    }]


def as_num(v):
    if v is None:
        return None
    f = float(v)
    return int(f) if f.is_integer() else f


def describe(data_root, rel, hash_pixels):
    folder = os.path.join(data_root, rel)
    images, skipped = [], []
    for f in sorted(os.listdir(folder)):
        p = os.path.join(folder, f)
        try:
            ds = pydicom.dcmread(p)
        except Exception as e:  # not DICOM (e.g. upstream .nii/.json/README)
            skipped.append({"file": f, "reason": "not DICOM (%s)" % type(e).__name__})
            continue
        if "PixelData" not in ds:
            skipped.append({"file": f, "reason": "no PixelData (SOP class %s)" % (
                ds.file_meta.get("MediaStorageSOPClassUID", "?"),)})
            continue
        images.append((f, ds))

    first = images[0][1]
    frames = []
    for f, ds in images:
        frames.extend(frames_of(ds, f))
    iop = np.array(frames[0]["iop"], dtype=np.float64)
    row, col = iop[:3], iop[3:]
    normal = np.cross(row, col)
    for fr in frames:
        fr["proj"] = float(np.dot(normal, np.array(fr["ipp"])))
    order = sorted(range(len(frames)), key=lambda i: (frames[i]["proj"], frames[i]["instance"],
                                                      frames[i]["file"], frames[i]["frame"]))
    sframes = [frames[i] for i in order]
    proj = [fr["proj"] for fr in sframes]
    uniq_proj = []
    for p in proj:
        if not uniq_proj or abs(p - uniq_proj[-1]) > 1e-4:
            uniq_proj.append(p)
    spacings = sorted({round(b - a, 4) for a, b in zip(uniq_proj, uniq_proj[1:])})

    tilt = None
    if len(uniq_proj) > 1:
        line = np.array(sframes[-1]["ipp"]) - np.array(sframes[0]["ipp"])
        c = abs(float(np.dot(line, normal))) / (np.linalg.norm(line) * np.linalg.norm(normal))
        tilt = math.degrees(math.acos(min(1.0, c)))

    image_type = [str(x) for x in first.get("ImageType", [])]
    obj = {
        "source": rel,
        "image_file_count": len(images),
        "skipped_files": skipped,
        "frame_count": len(frames),
        "distinct_position_count": len(uniq_proj),
        "series_instance_uids": uniq([str(ds.SeriesInstanceUID) for _, ds in images]),
        "series_numbers": uniq([ds_value(ds, "SeriesNumber") for _, ds in images]),
        "sop_class_uids": uniq([str(ds.get("SOPClassUID", "")) for _, ds in images]),
        "modality": uniq([str(ds.get("Modality", "")) for _, ds in images]),
        "manufacturer": uniq([str(ds.get("Manufacturer", "")) for _, ds in images]),
        "image_type_first": image_type,
        "mosaic": "MOSAIC" in image_type,
        "transfer_syntax_uids": uniq([str(ds.file_meta.TransferSyntaxUID) for _, ds in images]),
        "rows": uniq([int(ds.Rows) for _, ds in images]),
        "columns": uniq([int(ds.Columns) for _, ds in images]),
        "pixel_spacing_first": sframes[0]["spacing"],
        "pixel_spacing_set": uniq([fr["spacing"] for fr in sframes]),
        "image_orientation_patient_first_file": frames[0]["iop"],
        "image_orientation_patient_set_size": len(uniq([fr["iop"] for fr in frames])),
        "image_orientation_patient_max_abs_deviation": float(max(
            np.max(np.abs(np.array(fr["iop"]) - iop)) for fr in frames)),
        "slice_normal": fl(normal),
        "projected_positions_sorted": proj,
        "projection_definition": ("dot(ImagePositionPatient, cross(IOP[0:3], IOP[3:6])) of the "
                                  "first file's IOP, every image frame, ascending"),
        "distinct_spacings": spacings,
        "spacing_definition": ("differences between consecutive distinct projected positions "
                               "(positions closer than 1e-4 mm merged), rounded to 1e-4"),
        "first_ipp_sorted": sframes[0]["ipp"],
        "last_ipp_sorted": sframes[-1]["ipp"],
        "gantry_tilt_deg_from_ipp": tilt,
        "gantry_tilt_definition": ("angle between the slice normal and the line through the first "
                                   "and last sorted ImagePositionPatient (0 = no tilt)"),
        "gantry_detector_tilt_tag": uniq([ds_value(ds, "GantryDetectorTilt") for _, ds in images]),
        "slice_thickness_set": uniq([as_num(fr["thickness"]) for fr in sframes]),
        "spacing_between_slices_tag": uniq([ds_value(ds, "SpacingBetweenSlices") for _, ds in images]),
        "rescale_slope_set": uniq([as_num(fr["slope"]) for fr in sframes]),
        "rescale_intercept_set": uniq([as_num(fr["intercept"]) for fr in sframes]),
        "bits_allocated": uniq([int(ds.BitsAllocated) for _, ds in images]),
        "bits_stored": uniq([int(ds.BitsStored) for _, ds in images]),
        "high_bit": uniq([int(ds.HighBit) for _, ds in images]),
        "pixel_representation": uniq([int(ds.PixelRepresentation) for _, ds in images]),
        "photometric_interpretation": uniq([str(ds.PhotometricInterpretation) for _, ds in images]),
        "samples_per_pixel": uniq([int(ds.SamplesPerPixel) for _, ds in images]),
    }
    if obj["mosaic"]:
        n_mosaic = first.get((0x0019, 0x100A))
        obj["mosaic_note"] = ("Siemens mosaic: one file holds a grid of slices; IPP is the "
                              "mosaic's corner, not a slice position")
        if n_mosaic is not None:
            try:
                obj["siemens_number_of_images_in_mosaic"] = int(
                    n_mosaic.value if not isinstance(n_mosaic.value, bytes)
                    else int.from_bytes(n_mosaic.value[:2], "little"))
            except Exception:
                pass

    # per-slice table (single-frame series) with pixel hashes
    if all(int(ds.get("NumberOfFrames", 1) or 1) == 1 for _, ds in images):
        by_name = dict(images)
        slices = []
        vol_hash = hashlib.sha256()
        vmin, vmax, masked = None, None, False
        pr = int(first.PixelRepresentation)
        dt = np.dtype("<i2" if pr == 1 else "<u2") if int(first.BitsAllocated) == 16 else None
        for fr in sframes:
            entry = {"file": fr["file"], "instance_number": fr["instance"], "ipp": fr["ipp"]}
            if hash_pixels and dt is not None:
                ds = by_name[fr["file"]]
                a, ch = normalise_stored(ds, ds.pixel_array)
                masked |= ch
                a = np.asarray(a).astype(dt)
                b = a.tobytes(order="C")
                entry["sha256"] = hashlib.sha256(b).hexdigest()
                vol_hash.update(b)
                vmin = int(a.min()) if vmin is None else min(vmin, int(a.min()))
                vmax = int(a.max()) if vmax is None else max(vmax, int(a.max()))
            slices.append(entry)
        obj["sorted_slices"] = slices
        if hash_pixels and dt is not None:
            obj["pixels"] = {
                "decoder": "pydicom %s (numpy; Pillow/OpenJPEG for JPEG 2000)" % pydicom.__version__,
                "dtype": dt.name + " little-endian",
                "definition": ("stored values (before Rescale), unsigned data masked to BitsStored "
                               "bits / signed data sign-extended from HighBit; per slice: sha256 "
                               "of rows x columns in C order (column index fastest); volume: "
                               "sha256 of all slices concatenated in sorted_slices order"),
                "volume_sha256": vol_hash.hexdigest(),
                "min": vmin,
                "max": vmax,
                "bit_masking_changed_values": masked,
            }
    return obj


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
    if not os.path.isdir(data):
        data = os.path.join(os.path.dirname(REPO), "shared", "data")
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith(".json"):
            os.remove(os.path.join(OUT, f))
    todo = []
    for top in ("series-ct", "series-mr"):
        for d in sorted(os.listdir(os.path.join(data, top))):
            if os.path.isdir(os.path.join(data, top, d)):
                todo.append((top + "/" + d, True))
    todo += [(rel, h) for rel, h in EXTRA_FOLDERS if os.path.isdir(os.path.join(data, rel))]
    for rel, h in todo:
        obj = describe(data, rel, h)
        path = os.path.join(OUT, os.path.basename(rel) + ".json")
        with open(path, "w") as f:
            f.write(dumps_compact(obj))
            f.write("\n")
        print("wrote", path, os.path.getsize(path), "bytes;",
              "files", obj["image_file_count"], "spacings", obj["distinct_spacings"],
              "tilt", obj["gantry_tilt_deg_from_ipp"])


if __name__ == "__main__":
    main()
