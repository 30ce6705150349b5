#!/usr/bin/python3
"""Helper for tools/reference/make_dcm2niix_refs.sh.

Turns NIfTI files (written by dcm2niix, or any NIfTI such as the
TotalSegmentator label map) into small JSON reference fixtures for the Java
tests: header geometry, data type, scaling, sha256 of the raw on-disk voxel
array, min/max/sum and a handful of sample voxels. No voxel arrays are stored.

Must be run with Debian's /usr/bin/python3 (nibabel, numpy, pydicom).

Sub-commands
  dcm2niix      summarise every *.nii that one dcm2niix run wrote into a temp dir
  nifti         summarise one existing NIfTI file (e.g. the label map grid)
  predecompress write uncompressed (Explicit VR LE) copies of a DICOM folder,
                decoded with pydicom (Pillow/OpenJPEG for JPEG 2000)
"""
import argparse
import glob
import hashlib
import json
import os
import re
import sys

import nibabel as nib
import numpy as np
import pydicom
from pydicom.uid import ExplicitVRLittleEndian

# ---------------------------------------------------------------- utilities


def jfloat(x):
    """float for JSON; NaN/inf (not valid JSON) become None."""
    x = float(x)
    if np.isnan(x) or np.isinf(x):
        return None
    return x


def mat(m):
    return [[float(v) for v in row] for row in np.asarray(m, dtype=np.float64)]


def num(v):
    """numpy scalar -> plain int/float."""
    if isinstance(v, (np.integer, int)):
        return int(v)
    return jfloat(v)


def _scalar(v):
    return not isinstance(v, (dict, list))


def dumps_compact(obj, indent=0, width=132):
    """JSON with small containers (matrix rows, sample voxels, per-slice rows)
    on one line and long number lists wrapped, to keep fixtures short."""
    flat = json.dumps(obj, allow_nan=False)
    if len(flat) + indent <= width or _scalar(obj) or not obj:
        return flat
    pad = " " * (indent + 1)
    if isinstance(obj, dict):
        if len(flat) + indent <= 2 * width and all(
                _scalar(v) or (isinstance(v, list) and all(_scalar(x) for x in v))
                for v in obj.values()):
            return flat
        items = ["%s%s: %s" % (pad, json.dumps(k), dumps_compact(v, indent + 1, width))
                 for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    if all(_scalar(v) for v in obj):
        lines, cur = [], ""
        for v in obj:
            t = json.dumps(v, allow_nan=False)
            if cur and len(pad) + len(cur) + len(t) + 2 > width:
                lines.append(cur + ",")
                cur = ""
            cur = t if not cur else cur + ", " + t
        lines.append(cur)
        return "[\n" + "\n".join(pad + ln for ln in lines) + "\n" + " " * indent + "]"
    items = [pad + dumps_compact(v, indent + 1, width) for v in obj]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


def write_json(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(dumps_compact(obj))
        f.write("\n")
    print("wrote", path, os.path.getsize(path), "bytes")


# Fractions (per axis, 0 = first index, 1 = last index) of the sample voxels:
# the 8 corners, the centre and 7 interior points. For 4-D images the 4th
# fraction picks the volume.
SAMPLE_FRACTIONS = [
    (0, 0, 0, 0), (1, 0, 0, 1), (0, 1, 0, 1), (1, 1, 0, 0),
    (0, 0, 1, 1), (1, 0, 1, 0), (0, 1, 1, 0), (1, 1, 1, 1),
    (0.5, 0.5, 0.5, 0.5),
    (0.25, 0.5, 0.5, 0.5), (0.75, 0.5, 0.5, 0.5),
    (0.5, 0.25, 0.5, 0.5), (0.5, 0.75, 0.5, 0.5),
    (0.5, 0.5, 0.25, 0.5), (0.5, 0.5, 0.75, 0.5),
    (0.3, 0.6, 0.4, 0.0),
]


def raw_header(path):
    """Header fields exactly as stored (nibabel resets scl_* to NaN on load)."""
    if path.endswith(".gz"):
        import gzip
        with gzip.open(path, "rb") as f:
            return nib.Nifti1Header.from_fileobj(f)
    with open(path, "rb") as f:
        return nib.Nifti1Header.from_fileobj(f)


def nifti_summary(path, rel_name):
    img = nib.load(path)
    hdr = raw_header(path)
    ndim = int(hdr["dim"][0])
    dims = [int(d) for d in hdr["dim"][1:ndim + 1]]
    dtype = hdr.get_data_dtype()
    raw = np.asarray(img.dataobj.get_unscaled())
    assert list(raw.shape) == dims, (raw.shape, dims)
    le = raw.astype(dtype.newbyteorder("<"), copy=False)
    sha = hashlib.sha256(le.tobytes(order="F")).hexdigest()
    sform = img.get_sform()
    qform = img.get_qform()

    samples = []
    seen = set()
    for fr in SAMPLE_FRACTIONS:
        idx = tuple(int(round(fr[a] * (dims[a] - 1))) for a in range(ndim))
        if idx in seen:
            continue
        seen.add(idx)
        v = raw[idx]
        xyz = sform @ np.array([idx[0], idx[1] if ndim > 1 else 0,
                                idx[2] if ndim > 2 else 0, 1.0])
        samples.append({"ijk": list(idx), "value": num(v),
                        "sform_xyz_ras": [float(c) for c in xyz[:3]]})

    sl = hdr["scl_slope"]
    si = hdr["scl_inter"]
    return {
        "file": rel_name,
        "dims": dims,
        "datatype": dtype.name,
        "datatype_code": int(hdr["datatype"]),
        "bitpix": int(hdr["bitpix"]),
        "scl_slope": jfloat(sl),
        "scl_inter": jfloat(si),
        "pixdim": [float(p) for p in hdr["pixdim"]],
        "xyzt_units": int(hdr["xyzt_units"]),
        "vox_offset": float(hdr["vox_offset"]),
        "sform_code": int(hdr["sform_code"]),
        "sform": mat(sform),
        "qform_code": int(hdr["qform_code"]),
        "qform": mat(qform),
        "quatern_bcd_offset": [float(hdr[k]) for k in
                               ("quatern_b", "quatern_c", "quatern_d",
                                "qoffset_x", "qoffset_y", "qoffset_z")],
        "axcodes_sform": "".join(nib.aff2axcodes(sform)),
        "descrip": hdr["descrip"].tobytes().split(b"\0")[0].decode("latin-1"),
        "voxel_sha256_raw_le_fortran": sha,
        "voxel_hash_definition": ("sha256 of the raw (unscaled) stored values, "
                                  "little-endian " + dtype.name + ", NIfTI on-disk "
                                  "order (i fastest, then j, k, t)"),
        "raw_min": num(raw.min()),
        "raw_max": num(raw.max()),
        "raw_sum": num(raw.astype(np.float64 if raw.dtype.kind == "f" else np.int64).sum()),
        "sample_voxels": samples,
    }, raw, sform, qform


# ------------------------------------------------------------------ DICOM side


def normalise_stored(ds, arr):
    """Stored values as DICOM defines them: mask unsigned / sign-extend signed
    data when BitsStored < BitsAllocated. Returns (array, changed?)."""
    bs = int(ds.BitsStored)
    ba = int(ds.BitsAllocated)
    if bs >= ba or arr.dtype.kind not in "iu":
        return arr, False
    a = arr.astype(np.int64)
    mask = (1 << bs) - 1
    m = a & mask
    if int(ds.PixelRepresentation) == 1:
        m = np.where(m >= (1 << (bs - 1)), m - (1 << bs), m)
    return m, bool(np.any(m != a))


def load_single_frame_series(folder):
    """pydicom datasets of the image files in folder (single-frame only),
    sorted ascending along the slice normal. Returns None if the folder does
    not hold one simple single-frame series."""
    dss = []
    for f in sorted(os.listdir(folder)):
        p = os.path.join(folder, f)
        try:
            ds = pydicom.dcmread(p)
        except Exception:
            continue
        if "PixelData" not in ds:
            continue
        if int(getattr(ds, "NumberOfFrames", 1) or 1) != 1:
            return None
        if "ImagePositionPatient" not in ds or "ImageOrientationPatient" not in ds:
            return None
        dss.append(ds)
    if not dss:
        return None
    if len({ds.SeriesInstanceUID for ds in dss}) != 1:
        return None
    iop = np.array(dss[0].ImageOrientationPatient, dtype=np.float64)
    normal = np.cross(iop[:3], iop[3:])
    dss.sort(key=lambda d: (float(np.dot(normal, np.array(d.ImagePositionPatient, float))),
                            int(getattr(d, "InstanceNumber", 0) or 0)))
    return dss


def crosscheck(raw, sform, qform, data_root, src_rel):
    """Compare a 3-D dcm2niix NIfTI with the DICOM files decoded by pydicom:
    find the axis permutation/flips under which the voxels are identical, then
    measure how far the sform/qform put the corner voxel centres from where
    the DICOM IPP/IOP/PixelSpacing put them."""
    import itertools
    folder = os.path.join(data_root, src_rel)
    if raw.ndim != 3:
        return {"done": False, "reason": "not a 3-D image"}
    dss = load_single_frame_series(folder)
    if dss is None:
        return {"done": False, "reason": "source is not one single-frame series"}
    rows, cols, n = int(dss[0].Rows), int(dss[0].Columns), len(dss)
    if sorted(raw.shape) != sorted((cols, rows, n)):
        return {"done": False,
                "reason": "shape %s is no permutation of (Columns, Rows, nFiles)=%s "
                          "(resampled output)" % (list(raw.shape), [cols, rows, n])}
    slices = []
    any_masked = False
    for ds in dss:
        a, ch = normalise_stored(ds, ds.pixel_array)
        any_masked |= ch
        slices.append(a.astype(np.int64))
    cand = np.stack(slices).transpose(2, 1, 0)   # [c, r, s]
    r64 = raw.astype(np.int64)
    found = None
    for perm in itertools.permutations(range(3)):
        pc = cand.transpose(perm)
        if pc.shape != r64.shape:
            continue
        for flips in itertools.product((False, True), repeat=3):
            c = pc[tuple(slice(None, None, -1) if f else slice(None) for f in flips)]
            if np.array_equal(c, r64):
                found = (perm, flips)
                break
        if found:
            break
    out = {"done": True,
           "decoder": "pydicom %s (%s)" % (pydicom.__version__,
                                           dss[0].file_meta.TransferSyntaxUID.name),
           "stored_values_needed_bit_masking": any_masked}
    if found is None:
        out["voxels_equal"] = False
        return out
    perm, flips = found
    names = ("c", "r", "s")
    sizes = {"c": "Columns", "r": "Rows", "s": "nSlices"}
    idxn = ("i", "j", "k")
    parts = []
    for a in range(3):
        d = names[perm[a]]
        parts.append("%s = %s" % (d, ("%s-1-%s" % (sizes[d], idxn[a])) if flips[a] else idxn[a]))
    parts.sort(key=lambda t: names.index(t[0]))
    out["voxels_equal"] = True
    out["mapping"] = ("nifti[i,j,k] == dicom[s][r,c] with " + ", ".join(parts) +
                      "; dicom[s] = s-th image file in ascending order of "
                      "dot(IPP, cross(IOP row, IOP col)); [r,c] = (row, column); "
                      "c runs along IOP[0:3], r along IOP[3:6]")
    out["nifti_axis_to_dicom_axis"] = [names[perm[a]] for a in range(3)]
    out["nifti_axis_reversed"] = [bool(f) for f in flips]

    errs_s, errs_q = [], []
    for ijk in itertools.product(*[(0, raw.shape[a] - 1) for a in range(3)]):
        d = {}
        for a in range(3):
            size = raw.shape[a]
            d[names[perm[a]]] = size - 1 - ijk[a] if flips[a] else ijk[a]
        ds = dss[d["s"]]
        iop = np.array(ds.ImageOrientationPatient, float)
        ps = np.array(ds.PixelSpacing, float)  # [between rows, between columns]
        lps = (np.array(ds.ImagePositionPatient, float)
               + iop[:3] * ps[1] * d["c"] + iop[3:] * ps[0] * d["r"])
        ras = lps * np.array([-1.0, -1.0, 1.0])
        v = np.array([ijk[0], ijk[1], ijk[2], 1.0])
        errs_s.append(np.abs((sform @ v)[:3] - ras))
        errs_q.append(np.abs((qform @ v)[:3] - ras))
    out["sform_corner_max_abs_error_mm"] = float(np.max(errs_s))
    out["qform_corner_max_abs_error_mm"] = float(np.max(errs_q))
    out["corner_error_definition"] = (
        "max over the 8 corner voxels and x,y,z of |affine*(i,j,k,1) - RAS position "
        "of that pixel centre from its own file's IPP + IOP*PixelSpacing|")
    return out


def compare_upstream(raw, sform, data_root, rel):
    """Compare with an upstream reference NIfTI that ships with the data (and
    summarise it, so that a test can use it instead where dcm2niix differs)."""
    p = os.path.join(data_root, rel)
    img = nib.load(p)
    ur = np.asarray(img.dataobj.get_unscaled())
    same_shape = list(ur.shape) == list(raw.shape)
    dtype = raw_header(p).get_data_dtype()
    out = {"file": rel,
           "upstream_descrip": raw_header(p)["descrip"].tobytes().split(b"\0")[0].decode("latin-1"),
           "same_dims": same_shape,
           "voxels_equal": bool(same_shape and np.array_equal(ur.astype(np.int64),
                                                               raw.astype(np.int64))),
           "sform_max_abs_diff": float(np.max(np.abs(img.get_sform() - sform))),
           "upstream_datatype": dtype.name,
           "upstream_raw_min": num(ur.min()),
           "upstream_raw_max": num(ur.max()),
           "upstream_voxel_sha256_raw_le_fortran": hashlib.sha256(
               ur.astype(dtype.newbyteorder("<")).tobytes(order="F")).hexdigest()}
    side = os.path.splitext(p)[0] + ".json"
    if os.path.exists(side):
        with open(side) as f:
            out["upstream_conversion_software_version"] = json.load(f).get(
                "ConversionSoftwareVersion")
    return out


# --------------------------------------------------------------- log handling

BIDS_KEY_RE = re.compile(r"tilt|slice|spacing|thickness|orientation|position|"
                         r"reconstruction|^Modality$|^Manufacturer$|ImageType|"
                         r"SeriesNumber|SeriesDescription|ProtocolName|"
                         r"ConversionSoftware|MultibandAccelerationFactor|"
                         r"AcquisitionMatrix|PhaseEncoding|Mosaic|MRAcquisitionType", re.I)
WARN_RE = re.compile(r"warn|error|note|validate|skipp|tilt|unsupported|"
                     r"not supported|unable|fail", re.I)


def clean_log(text, tmp, data_root):
    lines = []
    for ln in text.splitlines():
        ln = ln.rstrip()
        if not ln or ln.startswith("Chris Rorden's dcm2niiX") or \
                ln.startswith("Conversion required"):
            continue
        ln = ln.replace(tmp.rstrip("/") + "/", "$TMP/").replace(tmp.rstrip("/"), "$TMP")
        ln = ln.replace(data_root.rstrip("/") + "/", "$DATA/")
        lines.append(ln)
    return lines


def summarise_lines(lines, cap=12):
    """Keep short logs verbatim; for long ones keep distinct patterns + counts."""
    if len(lines) <= cap:
        return {"lines": lines, "count": len(lines)}
    pats = {}
    order = []
    for ln in lines:
        p = re.sub(r"\$DATA/\S+", "<file>", ln)
        p = re.sub(r"\d+", "#", p)
        if p not in pats:
            pats[p] = [0, ln]
            order.append(p)
        pats[p][0] += 1
    return {"count": len(lines),
            "patterns": [{"pattern": p, "count": pats[p][0], "example": pats[p][1]}
                         for p in order]}


# ----------------------------------------------------------------- commands


def cmd_dcm2niix(a):
    with open(a.log, errors="replace") as f:
        log_text = f.read()
    log = clean_log(log_text, a.tmp, a.data)
    warnings = [ln for ln in log if WARN_RE.search(ln)]
    niis = sorted(glob.glob(os.path.join(a.tmp, "*.nii")))
    base = {
        "source": a.src,
        "source_note": a.note or None,
        "dcm2niix_version": a.version,
        "command": a.cmd,
        "exit_code": int(a.rc),
        "log": summarise_lines(log),
        "warnings": summarise_lines(warnings),
    }
    if not niis:
        obj = dict(base)
        obj["status"] = "failed"
        obj["outputs"] = []
        write_json(os.path.join(a.out, a.name + ".json"), obj)
        return
    stems = [os.path.basename(p)[:-4] for p in niis]
    # suffix rule: one output -> none; all outputs extend the shortest stem ->
    # the remainder (e.g. "Tilt_1"); otherwise the whole stem.
    shortest = min(stems, key=len)
    suffixes = {}
    for s in stems:
        if len(stems) == 1:
            suffixes[s] = ""
        elif all(t.startswith(shortest) for t in stems):
            suffixes[s] = s[len(shortest):].lstrip("_")
        else:
            suffixes[s] = s
    for p, s in zip(niis, stems):
        summ, raw, sform, qform = nifti_summary(p, os.path.basename(p))
        obj = dict(base)
        obj["status"] = "converted"
        obj["all_outputs"] = [t + ".nii" for t in stems]
        obj["nifti"] = summ
        bids_path = os.path.join(a.tmp, s + ".json")
        if not os.path.exists(bids_path):
            bids_path = os.path.join(a.tmp, shortest + ".json")
            obj["bids_sidecar"] = shortest + ".json (dcm2niix wrote no sidecar for this output)"
        else:
            obj["bids_sidecar"] = s + ".json"
        if os.path.exists(bids_path):
            with open(bids_path) as f:
                bids = json.load(f)
            obj["bids_fields"] = {k: v for k, v in bids.items() if BIDS_KEY_RE.search(k)}
        if a.crosscheck_src:
            obj["crosscheck_pydicom"] = crosscheck(raw, sform, qform, a.data, a.crosscheck_src)
        for u in a.upstream:
            stem, rel = u.split("=", 1)
            if stem == s:
                obj["upstream_reference"] = compare_upstream(raw, sform, a.data, rel)
        suf = suffixes[s]
        name = a.name + ("__" + re.sub(r"[^A-Za-z0-9_.-]", "_", suf) if suf else "")
        write_json(os.path.join(a.out, name + ".json"), obj)


def cmd_nifti(a):
    summ, raw, sform, qform = nifti_summary(a.inp, os.path.basename(a.inp))
    obj = {"source": a.src, "source_note": a.note or None, "status": "existing NIfTI",
           "nifti": summ}
    if a.labels:
        vals, counts = np.unique(np.asarray(raw), return_counts=True)
        obj["label_values"] = [num(v) for v in vals]
        obj["label_voxel_counts"] = [int(c) for c in counts]
    write_json(a.out, obj)


def cmd_predecompress(a):
    os.makedirs(a.dst, exist_ok=True)
    n = 0
    for f in sorted(os.listdir(a.src)):
        ds = pydicom.dcmread(os.path.join(a.src, f))
        if "PixelData" not in ds:
            continue
        arr = ds.pixel_array
        dt = np.dtype("<i2" if int(ds.PixelRepresentation) == 1 else "<u2") \
            if int(ds.BitsAllocated) == 16 else np.dtype("u1")
        ds.PixelData = arr.astype(dt).tobytes()
        ds["PixelData"].VR = "OW" if dt.itemsize == 2 else "OB"
        ds["PixelData"].is_undefined_length = False
        ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.is_implicit_VR = False
        ds.is_little_endian = True
        ds.save_as(os.path.join(a.dst, f), write_like_original=False)
        n += 1
    print("predecompressed", n, "files into", a.dst)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="sub", required=True)
    d = sub.add_parser("dcm2niix")
    d.add_argument("--tmp", required=True, help="dcm2niix output dir")
    d.add_argument("--log", required=True)
    d.add_argument("--rc", required=True)
    d.add_argument("--src", required=True, help="source, relative to data root")
    d.add_argument("--data", required=True, help="data root")
    d.add_argument("--name", required=True, help="json base name")
    d.add_argument("--out", required=True, help="output directory")
    d.add_argument("--version", required=True)
    d.add_argument("--cmd", required=True)
    d.add_argument("--note", default="")
    d.add_argument("--crosscheck-src", default="",
                   help="DICOM folder (relative to data root) to compare voxels with")
    d.add_argument("--upstream", action="append", default=[],
                   help="OUTPUTSTEM=path/rel/to/data of a reference NIfTI to compare with")
    n = sub.add_parser("nifti")
    n.add_argument("--in", dest="inp", required=True)
    n.add_argument("--src", required=True)
    n.add_argument("--out", required=True)
    n.add_argument("--note", default="")
    n.add_argument("--labels", action="store_true")
    p = sub.add_parser("predecompress")
    p.add_argument("src")
    p.add_argument("dst")
    a = ap.parse_args()
    {"dcm2niix": cmd_dcm2niix, "nifti": cmd_nifti, "predecompress": cmd_predecompress}[a.sub](a)


if __name__ == "__main__":
    sys.exit(main())
