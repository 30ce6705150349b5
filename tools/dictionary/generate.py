#!/usr/bin/python3
"""Writes the DICOM data dictionary (PS3.6: tag, VR, VM, keyword, retired) as a TSV resource.

The machine-readable copy of PS3.6 comes from Debian's python3-pydicom package; the standard's
table is data, so we regenerate it rather than hand-type 4,900 entries.
Run: /usr/bin/python3 tools/dictionary/generate.py > dicom/src/main/resources/dev/attest/dicom/dictionary.tsv
"""
from pydicom._dicom_dict import DicomDictionary, RepeatersDictionary
import pydicom

print(f"# DICOM PS3.6 data dictionary, generated from pydicom {pydicom.__version__}'s table by tools/dictionary/generate.py")
print("# tag\tVR\tVM\tkeyword\tretired  (x in a tag = any hex digit)")
for tag in sorted(DicomDictionary):
    vr, vm, name, retired, keyword = DicomDictionary[tag]
    print(f"{tag:08X}\t{vr}\t{vm}\t{keyword}\t{'R' if retired else ''}")
for mask in sorted(RepeatersDictionary):
    vr, vm, name, retired, keyword = RepeatersDictionary[mask]
    print(f"{mask.upper().replace('X','x')}\t{vr}\t{vm}\t{keyword}\t{'R' if retired else ''}")
