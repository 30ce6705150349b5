#!/usr/bin/python3
"""JPEG-LS codestreams encoded by DCMTK (CharLS inside dcmcjpls) for the decoder's tests.

Writes dicom/src/test/resources/jpegls/<name>.jls (the bare codestream of the single fragment)
and jpegls/streams.json with, per stream, the image layout, the dcmcjpls options, the sha256 of
the source samples and of what DCMTK's dcmdjpls decodes (little-endian uint8/uint16, samples
interleaved), and a few sample values. The images are synthetic and seeded, so the script is
deterministic: gradients, edges, flat areas (run mode, runs that end lines), noise (large errors,
escape codes) and full-range values.

Usage, from the repository root: /usr/bin/python3 tools/reference/make_jpegls_streams.py
Requires Debian's dcmtk (dump2dcm, dcmcjpls, dcmdjpls) and numpy.
"""
import hashlib
import json
import os
import struct
import subprocess
import sys
import tempfile

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "dicom", "src", "test", "resources", "jpegls")


def image(rows, cols, spp, bits, seed, kind):
    rng = np.random.default_rng(seed)
    top = (1 << bits) - 1
    y, x = np.mgrid[0:rows, 0:cols]
    planes = []
    for s in range(spp):
        if kind == "flat":
            a = np.full((rows, cols), top // 3 + s, dtype=np.int64)
            # a few isolated samples interrupt the runs; the last column of some lines too
            for r in range(0, rows, 3):
                a[r, (r * 37 + s * 11) % cols] += 5
            a[rows // 2, cols - 1] = top
        elif kind == "noise":
            a = rng.integers(0, top + 1, size=(rows, cols))
        else:
            g = (x * (top + 1) // max(cols, 1) + y * 3 + s * 17) % (top + 1)
            edge = np.where((x // 7 + y // 5) % 3 == 0, top // 2, 0)
            flat = (y // 6) % 2 == 0
            noise = rng.integers(-3, 4, size=(rows, cols))
            a = np.where(flat & (x > cols // 2), top // 4 + s, (g + edge + noise) % (top + 1))
            a[rows // 3, :] = top  # a full-scale line
        planes.append(np.clip(a, 0, top))
    return np.stack(planes, axis=-1)


def dicom(path, arr, bits_allocated, bits_stored):
    rows, cols, spp = arr.shape
    raw = path + ".raw"
    arr.astype("<u2" if bits_allocated == 16 else "u1").tofile(raw)
    photometric = "RGB" if spp == 3 else "MONOCHROME2"
    vr = "OW" if bits_allocated == 16 else "OB"
    dump = f"""(0002,0010) UI =LittleEndianExplicit
(0008,0016) UI =SecondaryCaptureImageStorage
(0008,0018) UI [1.2.826.0.1.3680043.10.1001.1]
(0008,0060) CS [OT]
(0020,000d) UI [1.2.826.0.1.3680043.10.1001.2]
(0020,000e) UI [1.2.826.0.1.3680043.10.1001.3]
(0028,0002) US {spp}
(0028,0004) CS [{photometric}]
""" + ("(0028,0006) US 0\n" if spp > 1 else "") + f"""(0028,0010) US {rows}
(0028,0011) US {cols}
(0028,0100) US {bits_allocated}
(0028,0101) US {bits_stored}
(0028,0102) US {bits_stored - 1}
(0028,0103) US 0
(7fe0,0010) {vr} ={raw}
"""
    with open(path + ".dump", "w") as f:
        f.write(dump)
    subprocess.run(["dump2dcm", path + ".dump", path], check=True)


def fragment(path):
    """The codestream of the single fragment of an encapsulated Pixel Data element."""
    b = open(path, "rb").read()
    at = b.rfind(b"\xe0\x7f\x10\x00OB\x00\x00\xff\xff\xff\xff")
    assert at > 0, path
    p = at + 12
    items = []
    while True:
        tag, length = struct.unpack("<II", b[p:p + 8])
        if tag == 0xE0DDFFFE:
            break
        assert tag == 0xE000FFFE
        items.append(b[p + 8:p + 8 + length])
        p += 8 + length
    assert len(items) == 2, "expected an offset table and one fragment"
    stream = items[1]
    # dcmcjpls pads odd streams to even length with an extended EOI (FF FF D9): keep the EOI only.
    end = stream.rfind(b"\xff\xd9")
    return stream[:end + 2]


def native_pixel_data(path):
    """The value of a native Pixel Data element in explicit VR little endian (without the pad byte of odd lengths)."""
    b = open(path, "rb").read()
    for vr in (b"OW", b"OB"):
        at = b.rfind(b"\xe0\x7f\x10\x00" + vr + b"\x00\x00")
        if at > 0:
            (length,) = struct.unpack("<I", b[at + 8:at + 12])
            return b[at + 12:at + 12 + length]
    raise ValueError("no native Pixel Data in " + path)


STREAMS = [
    # name, rows, cols, spp, bits allocated, bits stored, image kind, seed, dcmcjpls options
    ("gray8_lossless", 40, 56, 1, 8, 8, "mixed", 1, ["+el"]),
    ("gray8_near2_custom", 40, 56, 1, 8, 8, "mixed", 2, ["+en", "+md", "2", "+t1", "5", "+t2", "9", "+t3", "30", "+rs", "31"]),
    ("gray6_lossless", 24, 33, 1, 8, 6, "mixed", 3, ["+el", "+pc"]),
    ("gray7_near1", 24, 33, 1, 8, 7, "mixed", 4, ["+en", "+md", "1"]),
    ("gray12_lossless_cooked", 48, 64, 1, 16, 12, "mixed", 5, ["+el", "+pc"]),
    ("gray12_near3", 48, 64, 1, 16, 12, "mixed", 6, ["+en", "+md", "3"]),
    ("gray16_lossless_noise", 32, 40, 1, 16, 16, "noise", 7, ["+el"]),
    ("gray16_near5_noise", 32, 40, 1, 16, 16, "noise", 8, ["+en", "+md", "5"]),
    ("gray16_lossless_custom", 48, 64, 1, 16, 16, "mixed", 9, ["+el", "+t1", "40", "+t2", "200", "+t3", "900", "+rs", "100"]),
    ("gray8_flat_wide", 6, 4100, 1, 8, 8, "flat", 10, ["+el"]),
    ("gray8_one_column", 37, 1, 1, 8, 8, "mixed", 11, ["+el"]),
    ("gray16_one_row", 1, 301, 1, 16, 16, "mixed", 12, ["+el"]),
    ("rgb8_ilv0_lossless", 30, 45, 3, 8, 8, "mixed", 13, ["+el", "+in"]),
    ("rgb8_ilv1_lossless", 30, 45, 3, 8, 8, "mixed", 13, ["+el", "+il"]),
    ("rgb8_ilv2_lossless", 30, 45, 3, 8, 8, "mixed", 13, ["+el", "+is"]),
    ("rgb8_ilv2_near3", 30, 45, 3, 8, 8, "mixed", 14, ["+en", "+md", "3", "+is"]),
    ("rgb8_ilv1_near2", 30, 45, 3, 8, 8, "mixed", 15, ["+en", "+md", "2", "+il"]),
    ("rgb8_ilv2_flat", 12, 300, 3, 8, 8, "flat", 16, ["+el", "+is"]),
    ("rgb16_ilv2_lossless", 20, 24, 3, 16, 16, "mixed", 17, ["+el", "+is"]),
]


def main():
    os.makedirs(OUT, exist_ok=True)
    version = subprocess.run(["dcmcjpls", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    entries = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, rows, cols, spp, ba, bs, kind, seed, options in STREAMS:
            arr = image(rows, cols, spp, bs, seed, kind)
            dtype = "<u2" if ba == 16 else "u1"
            src = os.path.join(tmp, name + ".dcm")
            enc = os.path.join(tmp, name + "_ls.dcm")
            dec = os.path.join(tmp, name + "_dec.dcm")
            dicom(src, arr, ba, bs)
            subprocess.run(["dcmcjpls", *options, src, enc], check=True)
            subprocess.run(["dcmdjpls", enc, dec], check=True)
            stream = fragment(enc)
            with open(os.path.join(OUT, name + ".jls"), "wb") as f:
                f.write(stream)
            source = arr.astype(dtype).tobytes()
            decoded_bytes = native_pixel_data(dec)[:len(source)]
            decoded = np.frombuffer(decoded_bytes, dtype=dtype).reshape(arr.shape)
            entries[name] = {
                "rows": rows, "columns": cols, "components": spp, "bitsAllocated": ba, "bitsStored": bs,
                "dcmcjpls": " ".join(options),
                "sourceSha256": hashlib.sha256(source).hexdigest(),
                "decodedSha256": hashlib.sha256(decoded_bytes).hexdigest(),
                "maxAbsErrorFromSource": int(np.abs(decoded.astype(np.int64) - arr).max()),
                "samples": {f"{r},{c},{s}": int(decoded[r, c, s])
                            for r, c, s in [(0, 0, 0), (rows // 2, cols // 2, spp - 1), (rows - 1, cols - 1, 0)]},
            }
    with open(os.path.join(OUT, "streams.json"), "w") as f:
        json.dump({"encoder": version, "script": "tools/reference/make_jpegls_streams.py", "streams": entries},
                  f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {len(entries)} streams to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    sys.exit(main())
