#!/usr/bin/python3
"""Writes dicom/src/test/resources/reference/segsr/seg_sr_reference.json: what the SEG writer and
the SR (TID 1500) reader tests compare Attest against, computed here with pydicom, nibabel and
numpy only.

* totalSegmentator: the TotalSegmentator label map (NIfTI, LAS) placed on its CT series' own
  voxel grid by geometry alone: the CT slices are ordered by Image Position along the normal,
  each DICOM voxel centre (IPP + column * dx * row direction + row * dy * column direction) is
  turned from LPS into RAS and through the inverse NIfTI affine into a NIfTI index, which must be
  whole. (This example's SOP Instance UID elements are blank; the file meta's stand in, as in
  Attest.) Gives the sha256 of the label array (slices, rows, columns; uint8), the voxel count and
  the slices of every label, the SOP Instance UID of every slice, and the number of frames a SEG
  holding only non-empty frames needs.
* codes: for every SNOMED CT / DCM / UCUM code value the Java code tables use, the meanings
  pydicom's copy of PS3.16 gives it (pydicom.sr._concepts_dict).
* cielab: DICOM CIELab (0..65535 scaled) of 8-bit sRGB colours, computed with numpy from the
  IEC 61966-2-1 sRGB curve and matrix and the CIE 1976 L*a*b* formulas with the D65 white.
* dcmqiSrSeg: frames and voxel count of the SEG the dcmqi SR refers to.
* sr: content of the TID 1500 reports in seg-sr read with pydicom: per measurement group its
  tracking identifier and UID, finding, finding site, referenced segment and every measurement
  (concept, value, unit, derivation, method); the observers, the evidence lists and the Image
  Library entries.

Run with Debian's python: /usr/bin/python3 tools/reference/make_seg_sr_refs.py [DATA_ROOT]
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
import pydicom.sr._concepts_dict as concepts_dict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(REPO, "dicom", "src", "test", "resources", "reference", "segsr", "seg_sr_reference.json")


def data_root():
    if len(sys.argv) > 1:
        return sys.argv[1]
    return os.path.join(REPO, "..", "shared", "data")


def total_segmentator(root):
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
    values = [int(v) for v in np.unique(out) if v != 0]
    return {
        "labelSha256": hashlib.sha256(out.tobytes()).hexdigest(),
        "voxels": {str(v): int((out == v).sum()) for v in values},
        "slices": {str(v): [int(z) for z in np.unique(np.nonzero(out == v)[0])] for v in values},
        "nonEmptyFrames": int(sum(len(np.unique(np.nonzero(out == v)[0])) for v in values)),
        "sopInstanceUids": [str(ds.SOPInstanceUID or ds.file_meta.MediaStorageSOPInstanceUID) for ds in files],
    }


CODE_VALUES = {
    "SCT": ["123037004", "49755003", "85756007", "7771000", "24028007", "10200004", "78961009", "64033007",
            "39607008", "45653009", "90572001", "72481006", "23451007", "15776009", "69695003", "28231008",
            "80891009", "15825003", "64131007", "89837001", "12738006", "32849002", "44567001", "38848004",
            "30315005", "71854001", "41216001", "69748006", "2748008", "54735007", "108369006", "52988006",
            "27925004", "4147007", "363698007", "272741003", "118565006", "370129005", "373098007",
            "386134007", "371928007"],
    "DCM": ["123110", "123109", "113076", "121322", "126000", "121049", "121005", "121006", "121007", "121008",
            "121012", "121013", "121014", "121015", "121016", "121058", "111028", "126200", "121139",
            "112227", "126010", "125007", "112039", "112040", "121071", "121191", "121232", "126030",
            "121401", "112031", "121403", "CT", "MR", "121009"],
    "LN": ["25045-6", "25056-3"],
    "UCUM": ["[hnsf'U]"],
}


def codes():
    out = {}
    for scheme, values in CODE_VALUES.items():
        table = concepts_dict.concepts[scheme]
        for value in values:
            meanings = sorted({entry[value][0] for entry in table.values() if value in entry})
            out[scheme + ":" + value] = meanings
    return out


def srgb_to_dicom_lab(rgb):
    c = np.array([(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255], dtype=float) / 255.0
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = m @ linear / np.array([0.95047, 1.0, 1.08883])
    d = 6.0 / 29.0
    f = np.where(xyz > d ** 3, np.cbrt(xyz), xyz / (3 * d * d) + 4.0 / 29.0)
    lab = np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])
    scaled = np.array([lab[0] * 65535 / 100, (lab[1] + 128) * 65535 / 255, (lab[2] + 128) * 65535 / 255])
    return [int(v) for v in np.clip(np.floor(scaled + 0.5), 0, 65535)]


def cielab():
    colours = [0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, 0x00FFFF, 0xFF8000, 0x80FF80, 0xB9AA9B, 0x7F7F7F]
    return {format(c, "06x"): srgb_to_dicom_lab(c) for c in colours}


def code_of(seq):
    item = seq[0]
    return [str(item.CodeValue), str(item.CodingSchemeDesignator), str(item.CodeMeaning)]


def find(items, value, scheme):
    return [i for i in items if "ConceptNameCodeSequence" in i
            and i.ConceptNameCodeSequence[0].CodeValue == value and i.ConceptNameCodeSequence[0].CodingSchemeDesignator == scheme]


def report(path):
    ds = pydicom.dcmread(path)
    root = ds.ContentSequence
    measurements_container = find(root, "126010", "DCM")[0]
    groups = []
    for group in find(measurements_container.ContentSequence, "125007", "DCM"):
        items = group.ContentSequence
        g = {}
        tid = find(items, "112039", "DCM")
        g["trackingIdentifier"] = str(tid[0].TextValue) if tid else None
        tuid = find(items, "112040", "DCM")
        g["trackingUid"] = str(tuid[0].UID) if tuid else None
        finding = find(items, "121071", "DCM")
        g["finding"] = code_of(finding[0].ConceptCodeSequence) if finding else None
        site = find(items, "G-C0E3", "SRT") + find(items, "363698007", "SCT")
        g["findingSite"] = code_of(site[0].ConceptCodeSequence) if site else None
        seg = find(items, "121191", "DCM")
        if seg:
            ref = seg[0].ReferencedSOPSequence[0]
            g["segment"] = [str(ref.ReferencedSOPInstanceUID), int(ref.ReferencedSegmentNumber)]
        else:
            g["segment"] = None
        source = find(items, "121232", "DCM")
        g["sourceSeries"] = str(source[0].UID) if source else None
        ms = []
        for item in items:
            if item.ValueType != "NUM":
                continue
            mv = item.MeasuredValueSequence[0]
            m = {"concept": code_of(item.ConceptNameCodeSequence), "value": str(mv.NumericValue),
                 "unit": code_of(mv.MeasurementUnitsCodeSequence), "derivation": None, "method": None}
            for child in item.get("ContentSequence", []):
                name = child.ConceptNameCodeSequence[0]
                if name.CodeValue == "121401":
                    m["derivation"] = code_of(child.ConceptCodeSequence)
                if name.CodeValue in ("G-C036", "370129005"):
                    m["method"] = code_of(child.ConceptCodeSequence)
            ms.append(m)
        g["measurements"] = ms
        groups.append(g)
    # Person Observer Name is a PNAME; the highdicom version that wrote the example used TEXT.
    observers = [str(i.PersonName if i.ValueType == "PNAME" else i.TextValue) for i in root
                 if i.ConceptNameCodeSequence[0].CodeValue == "121008"]
    devices = [str(i.UID) for i in root if i.ConceptNameCodeSequence[0].CodeValue == "121012"]
    evidence = []
    for seq in ("CurrentRequestedProcedureEvidenceSequence", "PertinentOtherEvidenceSequence"):
        for study in ds.get(seq, []):
            for series in study.ReferencedSeriesSequence:
                for sop in series.ReferencedSOPSequence:
                    evidence.append([str(study.StudyInstanceUID), str(series.SeriesInstanceUID),
                                     str(sop.ReferencedSOPClassUID), str(sop.ReferencedSOPInstanceUID)])
    library = []
    for container in find(root, "111028", "DCM"):
        stack = list(container.get("ContentSequence", []))
        while stack:
            item = stack.pop(0)
            if item.ValueType == "IMAGE":
                library.append(str(item.ReferencedSOPSequence[0].ReferencedSOPInstanceUID))
            stack = list(item.get("ContentSequence", [])) + stack
    procedure = find(root, "121058", "DCM")
    language = find(root, "121049", "DCM")
    return {
        "sopClassUid": str(ds.SOPClassUID),
        "title": code_of(ds.ConceptNameCodeSequence),
        "completion": str(ds.CompletionFlag),
        "verification": str(ds.VerificationFlag),
        "language": code_of(language[0].ConceptCodeSequence) if language else None,
        "procedure": code_of(procedure[0].ConceptCodeSequence) if procedure else None,
        "personObservers": observers,
        "deviceObserverUids": devices,
        "evidence": evidence,
        "imageLibrary": library,
        "groups": groups,
    }


def dcmqi_seg(path):
    ds = pydicom.dcmread(path)
    px = ds.pixel_array
    return {"frames": int(ds.NumberOfFrames), "voxels": int(px.sum()), "sopInstanceUid": str(ds.SOPInstanceUID),
            "label": str(ds.SegmentSequence[0].SegmentLabel)}


def main():
    root = data_root()
    refs = {
        "totalSegmentator": total_segmentator(root),
        "codes": codes(),
        "cielab": cielab(),
        "dcmqiSrSeg": dcmqi_seg(os.path.join(root, "seg-sr", "dcmqi_sr-example", "seg.dcm")),
        "sr": {
            "highdicom": report(os.path.join(root, "seg-sr", "highdicom_sr_document.dcm")),
            "dcmqi": report(os.path.join(root, "seg-sr", "dcmqi_sr-example", "sr.dcm")),
        },
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(refs, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
