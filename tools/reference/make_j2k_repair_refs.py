#!/usr/bin/python3
"""Writes dicom/src/test/resources/reference/pixels/JPEG2000-embedded-sequence-delimiter.json:
an independent decode of pydicom's JPEG2000-embedded-sequence-delimiter.dcm, for PixelReferenceTest.

Why: PIXEL_REFERENCE.json's raw array for this file is not an image. Its first row repeats
the 8 bytes c0 6c 0a dc fe 7e 00 00 (a heap pointer, 0x7efedc0a6cc0), rows from 512 on are
zero, and the rest is noise: the GDCM handler returned an uninitialised buffer after OpenJPEG
refused the codestream ("Invalid number of tiles"; `gdcmconv --raw` 3.0.21 fails the same way).
The codestream's SIZ marker has the DICOM Sequence Delimitation tag bytes FE FF DD E0 written
over Rsiz and the top half of Xsiz (Xsiz reads DDE00100h; Ysiz, the tiles and the component
are those of the 256 x 1024 image the DICOM header describes). Repaired the way Attest repairs
it (Rsiz = 0, Xsiz = XOsiz + Columns), OpenJPEG decodes a whole-body bone scan.

Decoder: OpenJPEG (Debian libopenjp2 2.5.0) through Pillow 9.4.0, which returns a signed
16-bit component as unsigned with 2^15 added; it is subtracted here. Recorded, with no voxel
array: the repair, sha256/min/max/sum of the int16 values, per-row sums, and a fixed
pseudo-random sample of 2048 pixels drawn uniformly plus 2048 drawn from non-zero pixels (the
body), as a flat list row, column, value, ...

Must be run with Debian's /usr/bin/python3 (pydicom 2.3, numpy, Pillow with OpenJPEG).
Usage: /usr/bin/python3 tools/reference/make_j2k_repair_refs.py [DATA_ROOT]
Deterministic: re-running gives byte-identical JSON.
"""
import hashlib
import io
import os
import struct
import sys

import numpy as np
import PIL
import pydicom
from PIL import Image, features
from pydicom.encaps import generate_pixel_data_frame

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nifti_ref import write_json  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
SOURCE = "dicom-codecs/pydicom/JPEG2000-embedded-sequence-delimiter.dcm"
OUT = os.path.join(REPO, "dicom/src/test/resources/reference/pixels",
                   "JPEG2000-embedded-sequence-delimiter.json")
SEED = 2000
N_UNIFORM = 2048
N_BODY = 2048


def data_root():
    if len(sys.argv) > 1:
        return sys.argv[1]
    if os.path.isdir("/work/shared/data"):
        return "/work/shared/data"
    return os.path.abspath(os.path.join(REPO, "..", "shared", "data"))


def main():
    ds = pydicom.dcmread(os.path.join(data_root(), SOURCE))
    stream = bytearray(next(generate_pixel_data_frame(ds.PixelData)))
    assert stream[:4] == b"\xff\x4f\xff\x51", "not a bare codestream"
    rsiz, xsiz, ysiz, xosiz, yosiz = struct.unpack(">HIIII", stream[6:24])
    repaired_xsiz = xosiz + ds.Columns
    repaired_ysiz = yosiz + ds.Rows
    stream[6:8] = b"\0\0"
    stream[8:16] = struct.pack(">II", repaired_xsiz, repaired_ysiz)
    image = Image.open(io.BytesIO(bytes(stream)))
    assert image.size == (ds.Columns, ds.Rows), image.size
    values = np.array(image).astype(np.int64) - 32768  # Pillow's offset for a signed component
    assert values.min() >= -32768 and values.max() <= 32767
    a = values.astype("<i2")
    rng = np.random.default_rng(SEED)
    rows, cols = a.shape
    uniform = rng.integers(0, rows * cols, N_UNIFORM)
    body_idx = np.flatnonzero(a)
    body = rng.choice(body_idx, N_BODY, replace=False)
    samples = []
    for i in np.concatenate([uniform, body]):
        r, c = divmod(int(i), cols)
        samples += [r, c, int(a[r, c])]
    write_json(OUT, {
        "source": SOURCE,
        "decoder": f"OpenJPEG {features.version('jpg_2000')} via Pillow {PIL.__version__}",
        "why": "PIXEL_REFERENCE.json holds an uninitialised buffer for this file (GDCM failed on the damaged SIZ)",
        "siz_as_stored": {"Rsiz": rsiz, "Xsiz": xsiz, "Ysiz": ysiz, "XOsiz": xosiz, "YOsiz": yosiz},
        "siz_repaired": {"Rsiz": 0, "Xsiz": repaired_xsiz, "Ysiz": repaired_ysiz},
        "dtype": "int16",
        "shape": [rows, cols],
        "sha256": hashlib.sha256(a.tobytes()).hexdigest(),
        "min": int(a.min()),
        "max": int(a.max()),
        "sum": int(values.sum()),
        "row_sums": [int(s) for s in values.sum(axis=1)],
        "samples_row_col_value": samples,
    })


if __name__ == "__main__":
    main()
