#!/usr/bin/python3
"""Regenerates the JPEG decoder's test fixtures in this folder (see README.md).

Needs Debian's python3-pydicom and python3-numpy (/usr/bin/python3), DCMTK (dcmcjpeg,
dcmdjpeg) and libjpeg-turbo-progs (cjpeg). Images are synthetic and tiny; sizes are odd on
purpose so MCUs are partial at the right and bottom edges.

Lossless fixtures come from dcmcjpeg (predictors 1-7, point transform, 8/12/16 bits) and, for
what no installed encoder writes (restart intervals and subsampled components in lossless
JPEG), from lossless_encode() below, a small encoder written for these tests; every one of its
outputs that DCMTK can read is checked to decode to the source values with dcmdjpeg here.

Lossy fixtures come from cjpeg (libjpeg-turbo) wrapped in DICOM, and their expected values are
what DCMTK's dcmdjpeg decodes them to, kept as "<name>.dcmdjpeg.dcm".
"""
import heapq
import os
import subprocess
import tempfile
import zlib

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate

HERE = os.path.dirname(os.path.abspath(__file__))
TMP = tempfile.mkdtemp(prefix="attest-jpeg-")
SC = "1.2.840.10008.5.1.4.1.1.7"


def uid(n):
    return "1.2.826.0.1.3680043.10.1287.%d" % n


def dataset(name, rows, cols, spp, bits_alloc, bits_stored, signed, photometric, ts):
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ts
    ds.file_meta.MediaStorageSOPClassUID = SC
    ds.file_meta.MediaStorageSOPInstanceUID = uid(zlib.crc32(os.path.basename(name).encode()))
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.SOPClassUID = SC
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID
    ds.Modality = "OT"
    ds.Rows = rows
    ds.Columns = cols
    ds.SamplesPerPixel = spp
    ds.PhotometricInterpretation = photometric
    if spp > 1:
        ds.PlanarConfiguration = 0
    ds.BitsAllocated = bits_alloc
    ds.BitsStored = bits_stored
    ds.HighBit = bits_stored - 1
    ds.PixelRepresentation = 1 if signed else 0
    return ds


def save_native(name, array, bits_stored, signed, photometric):
    rows, cols = array.shape[:2]
    spp = 1 if array.ndim == 2 else array.shape[2]
    ds = dataset(name, rows, cols, spp, array.dtype.itemsize * 8, bits_stored, signed, photometric,
                 "1.2.840.10008.1.2.1")
    ds.PixelData = array.astype(array.dtype.newbyteorder("<")).tobytes()
    path = os.path.join(HERE, name)
    ds.save_as(path, write_like_original=False)
    return path


def save_jpeg(name, jpeg, ts, rows, cols, spp, bits_alloc, bits_stored, signed, photometric):
    ds = dataset(name, rows, cols, spp, bits_alloc, bits_stored, signed, photometric, ts)
    ds.PixelData = encapsulate([jpeg])
    ds["PixelData"].VR = "OB"
    ds["PixelData"].is_undefined_length = True
    path = os.path.join(HERE, name)
    ds.save_as(path, write_like_original=False)
    return path


def dcmdjpeg(path):
    out = os.path.join(TMP, os.path.basename(path) + ".native")
    subprocess.run(["dcmdjpeg", path, out], check=True)
    return out, pydicom.dcmread(out).pixel_array


def run(*cmd, stdin=None):
    return subprocess.run(cmd, check=True, input=stdin, stdout=subprocess.PIPE).stdout


# ---- sources ---------------------------------------------------------------------------------

rng = np.random.default_rng(20240611)
y, x = np.mgrid[0:17, 0:23]
grey16 = (40 * x - 55 * y + rng.integers(-300, 300, (17, 23)) - 200).astype(np.int16)
# Extremes side by side: differences of 32768 (category 16) and full-range jumps.
grey16[0, :4] = [0, -32768, 32767, -1]
grey16[8, 10:14] = [-32768, -32768, 32767, 0]
grey12s = np.clip(30 * x - 40 * y + rng.integers(-200, 200, (17, 23)), -2048, 2047).astype(np.int16)
grey12s[3, 3:6] = [-2048, 2047, -1]
grey8 = np.clip(100 + 6 * x - 4 * y + rng.integers(-20, 20, (17, 23)), 0, 255).astype(np.uint8)

cy, cx = np.mgrid[0:23, 0:37]
rgb = np.stack([np.clip(40 + 5 * cx + rng.integers(-15, 15, cx.shape), 0, 255),
                np.clip(220 - 6 * cy + rng.integers(-15, 15, cx.shape), 0, 255),
                np.clip(30 + 3 * cx + 4 * cy + rng.integers(-15, 15, cx.shape), 0, 255)], axis=2).astype(np.uint8)

src16 = save_native("source_grey16.dcm", grey16, 16, True, "MONOCHROME2")
src12 = save_native("source_grey12_signed.dcm", grey12s, 12, True, "MONOCHROME2")
src8 = save_native("source_grey8.dcm", grey8, 8, False, "MONOCHROME2")
save_native("source_rgb.dcm", rgb, 8, False, "RGB")

# ---- lossless from DCMTK ---------------------------------------------------------------------

for sv in range(1, 8):
    run("dcmcjpeg", "+el", "+sv", str(sv), src16, os.path.join(HERE, "lossless_sv%d.dcm" % sv))
run("dcmcjpeg", "+el", "+sv", "1", "+pt", "3", src16, os.path.join(HERE, "lossless_pt3.dcm"))
run("dcmcjpeg", "+el", "+sv", "4", src12, os.path.join(HERE, "lossless_12bit_signed.dcm"))
run("dcmcjpeg", "+el", "+sv", "7", src8, os.path.join(HERE, "lossless_8bit_sv7.dcm"))
run("dcmcjpeg", "+e1", src16, os.path.join(HERE, "lossless_sv1_first_order.dcm"))


# ---- lossless from our own encoder -----------------------------------------------------------

class Bits:
    def __init__(self):
        self.out = bytearray()
        self.acc = 0
        self.n = 0

    def put(self, value, length):
        for i in range(length - 1, -1, -1):
            self.acc = (self.acc << 1) | ((value >> i) & 1)
            self.n += 1
            if self.n == 8:
                self.out.append(self.acc)
                if self.acc == 0xFF:
                    self.out.append(0)
                self.acc = 0
                self.n = 0

    def flush(self):
        while self.n:
            self.put(1, 1)  # pad with one bits (F.1.2.3)


def huffman(freq):
    """BITS and HUFFVAL of a Huffman code for the categories in freq, lengths at most 16,
    with one code point held back so no code is all ones (as libjpeg does)."""
    symbols = [s for s in range(17) if freq[s]]
    heap = [(freq[s], i, [s]) for i, s in enumerate(symbols)] + [(0, -1, [-1])]
    heapq.heapify(heap)
    length = {s: 0 for s in symbols + [-1]}
    counter = 100
    while len(heap) > 1:
        f1, _, a = heapq.heappop(heap)
        f2, _, b = heapq.heappop(heap)
        for s in a + b:
            length[s] += 1
        counter += 1
        heapq.heappush(heap, (f1 + f2, counter, a + b))
    assert max(length.values()) <= 16
    order = sorted(symbols, key=lambda s: (length[s], s))
    bits = [0] * 16
    for s in order:
        bits[length[s] - 1] += 1
    codes, code, prev = {}, 0, 0
    for s in order:
        code <<= length[s] - prev
        prev = length[s]
        codes[s] = (code, length[s])
        code += 1
    return bits, order, codes


def category(d):
    return 0 if d == 0 else (16 if d == 32768 else int(abs(d)).bit_length())


def lossless_scan(planes, sampling, precision, predictor, pt, restart):
    """The Huffman table (BITS, HUFFVAL) and entropy-coded segments of one lossless scan of
    `planes`, following T.81 H.1.2.1: the first line of the scan and of each restart interval
    predicts from the left, the first sample from 2^(P-Pt-1), each further line's first sample
    from above."""
    n = len(planes)
    hmax = max(h for h, _ in sampling)
    vmax = max(v for _, v in sampling)
    height = planes[0].shape[0] * vmax // sampling[0][1]
    width = planes[0].shape[1] * hmax // sampling[0][0]
    planes = [(p.astype(np.int64) & 0xFFFF) >> pt for p in planes]
    if n == 1:
        mcus_x, mcus_y = planes[0].shape[1], planes[0].shape[0]
        units = [(1, 1)]
    else:
        mcus_x, mcus_y = -(-width // hmax), -(-height // vmax)
        units = sampling
    initial = 1 << (precision - pt - 1)
    reset = [(0, 0)] * n
    mcu_diffs = []
    for my in range(mcus_y):
        for mx in range(mcus_x):
            index = my * mcus_x + mx
            if restart and index and index % restart == 0:
                reset = [(my * units[i][1], mx * units[i][0]) for i in range(n)]
                mcu_diffs.append(None)  # restart marker
            for i, p in enumerate(planes):
                h, v = units[i]
                for yy in range(v):
                    for xx in range(h):
                        yv, xv = my * v + yy, mx * h + xx
                        ry, rx = reset[i]  # rx is 0 unless an interval starts mid-line
                        if yv == ry:
                            pred = initial if xv == rx else p[yv, xv - 1]
                        elif xv == 0:
                            pred = p[yv - 1, xv]
                        else:
                            ra, rb, rc = int(p[yv, xv - 1]), int(p[yv - 1, xv]), int(p[yv - 1, xv - 1])
                            pred = [None, ra, rb, rc, ra + rb - rc, ra + ((rb - rc) >> 1),
                                    rb + ((ra - rc) >> 1), (ra + rb) >> 1][predictor]
                        d = (int(p[yv, xv]) - int(pred)) & 0xFFFF
                        if d >= 32768 and d != 32768:
                            d -= 65536
                        mcu_diffs.append(d)
    freq = [0] * 17
    for d in mcu_diffs:
        if d is not None:
            freq[category(d)] += 1
    bits, values, codes = huffman(freq)
    out = Bits()
    segments = bytearray()
    rst = 0
    for d in mcu_diffs:
        if d is None:
            out.flush()
            segments += out.out + bytes([0xFF, 0xD0 + rst])
            rst = (rst + 1) % 8
            out = Bits()
            continue
        s = category(d)
        out.put(*codes[s])
        if 0 < s < 16:
            out.put(d if d > 0 else d + (1 << s) - 1, s)
    out.flush()
    segments += out.out
    return bits, values, bytes(segments), height, width


def segment(code, payload):
    return bytes([0xFF, code]) + (len(payload) + 2).to_bytes(2, "big") + payload


def lossless_encode(planes, sampling, precision, predictor, pt=0, restart=0, separate_scans=False):
    """A lossless (process 14) codestream: one interleaved scan of all components or, with
    separate_scans, one scan per component, each with its own Huffman table (redefined in
    destination 0 before it) and the predictor predictor[i]."""
    n = len(planes)
    scans = [(list(range(n)), predictor)] if not separate_scans else [([i], predictor[i]) for i in range(n)]
    body = bytearray()
    height = width = 0
    for comps, sv in scans:
        bits, values, data, h, w = lossless_scan([planes[i] for i in comps], [sampling[i] for i in comps],
                                                 precision, sv, pt, restart)
        height, width = max(height, h), max(width, w)
        body += segment(0xC4, bytes([0x00]) + bytes(bits) + bytes(values))
        sos = bytes([len(comps)]) + b"".join(bytes([i + 1, 0x00]) for i in comps) + bytes([sv, 0, pt])
        body += segment(0xDA, sos) + data
    sof = bytes([precision, height >> 8, height & 255, width >> 8, width & 255, n])
    for i, (h, v) in enumerate(sampling):
        sof += bytes([i + 1, (h << 4) | v, 0])
    j = b"\xFF\xD8" + segment(0xC3, sof)
    if restart:
        j += segment(0xDD, restart.to_bytes(2, "big"))
    return j + bytes(body) + b"\xFF\xD9"


def own_lossless(name, planes, sampling, precision, predictor, photometric, source, bits_alloc, bits_stored,
                 signed, pt=0, restart=0, separate_scans=False):
    jpeg = lossless_encode(planes, sampling, precision, predictor, pt, restart, separate_scans)
    ts = "1.2.840.10008.1.2.4.70" if predictor == 1 else "1.2.840.10008.1.2.4.57"
    rows, cols = source.shape[:2]
    spp = 1 if source.ndim == 2 else source.shape[2]
    path = save_jpeg(name, jpeg, ts, rows, cols, spp, bits_alloc, bits_stored, signed, photometric)
    try:
        _, decoded = dcmdjpeg(path)
        print("%-40s dcmdjpeg decodes it to the source: %s" % (name, np.array_equal(decoded, source)))
        assert np.array_equal(decoded, source), name
    except subprocess.CalledProcessError:
        print("%-40s dcmdjpeg refuses it" % name)


own_lossless("lossless_restart_lines.dcm", [grey16], [(1, 1)], 16, 6, "MONOCHROME2", grey16, 16, 16, True,
             restart=2 * 23)
# Restart intervals must be whole lines in lossless JPEG; dcmdjpeg and Attest both refuse this one.
own_lossless("lossless_restart_midline.dcm", [grey16], [(1, 1)], 16, 4, "MONOCHROME2", grey16, 16, 16, True,
             restart=7)
grey4 = (grey8 >> 4).astype(np.uint8)
own_lossless("lossless_4bit_sv3.dcm", [grey4], [(1, 1)], 4, 3, "MONOCHROME2", grey4, 8, 4, False)
own_lossless("lossless_rgb_restart.dcm", [rgb[:, :, i] for i in range(3)], [(1, 1)] * 3, 8, 5, "RGB", rgb, 8, 8,
             False, restart=37)
# One scan per component, predictors 2, 7 and 4, a new Huffman table before each scan.
own_lossless("lossless_rgb_three_scans.dcm", [rgb[:, :, i] for i in range(3)], [(1, 1)] * 3, 8, [2, 7, 4], "RGB", rgb,
             8, 8, False, separate_scans=True)
# 4:2:0 in lossless JPEG: Y at full size, Cb and Cr at half size each way (sizes divide evenly).
luma = rgb[:22, :36, 0]
chroma1 = rgb[:22:2, :36:2, 1]
chroma2 = rgb[:22:2, :36:2, 2]
jpeg420 = lossless_encode([luma, chroma1, chroma2], [(2, 2), (1, 1), (1, 1)], 8, 1)
path420 = save_jpeg("lossless_420.dcm", jpeg420, "1.2.840.10008.1.2.4.70", 22, 36, 3, 8, 8, False, "RGB")
upsampled = np.stack([luma, chroma1.repeat(2, 0).repeat(2, 1), chroma2.repeat(2, 0).repeat(2, 1)], axis=2)
native420, decoded420 = dcmdjpeg(path420)
print("%-40s dcmdjpeg decodes it to the source, chroma repeated: %s" % ("lossless_420.dcm",
                                                                      np.array_equal(decoded420, upsampled)))
assert np.array_equal(decoded420, upsampled)
os.replace(native420, os.path.join(HERE, "lossless_420.dcmdjpeg.dcm"))
# Four components (the retired ARGB/CMYK photometrics), 12-bit samples with a point transform of 1.
four = np.stack([(grey12s.astype(np.int64) + 2048) >> (k % 2) for k in range(4)], axis=2).astype(np.uint16)
four &= ~np.uint16(1)  # even values survive Pt = 1 unchanged
own_lossless("lossless_4components_pt1.dcm", [four[:, :, k] for k in range(4)], [(1, 1)] * 4, 12, 7, "CMYK",
             four, 16, 12, False, pt=1)

# ---- lossy from libjpeg-turbo's cjpeg ---------------------------------------------------------

ppm = os.path.join(TMP, "rgb.ppm")
with open(ppm, "wb") as f:
    f.write(b"P6\n37 23\n255\n" + rgb.tobytes())
pgm = os.path.join(TMP, "grey.pgm")
with open(pgm, "wb") as f:
    f.write(b"P5\n23 17\n255\n" + grey8.tobytes())
scripts = {
    # Each component in its own full-spectrum scan: sequential JPEG with three non-interleaved scans.
    "three_scans.txt": "0: 0-63, 0, 0;\n1: 0-63, 0, 0;\n2: 0-63, 0, 0;\n",
    # DC first with Al=2 then two refinements; AC bands first at Al=1, then refined to Al=0.
    "refine.txt": "0: 0-0, 0, 2;\n0: 1-9, 0, 1;\n0: 10-63, 0, 1;\n0: 0-0, 2, 1;\n0: 0-0, 1, 0;\n0: 1-63, 1, 0;\n",
}
for file, text in scripts.items():
    with open(os.path.join(TMP, file), "w") as f:
        f.write(text)

# name, input, cjpeg options, transfer syntax, Photometric Interpretation. The colour images are
# 37 columns wide, so subsampled chroma ends in half a pixel; Attest's pixel description refuses
# odd Columns under YBR_FULL_422 (a rule of the native layout), so they are labelled YBR_FULL,
# which DCMTK also writes for subsampled JPEG (dcmcjpeg +n2).
lossy = [
    ("baseline_420_restart_lines.dcm", ppm, ["-sample", "2x2", "-restart", "1"], ".50", "YBR_FULL"),
    ("baseline_422_restart_blocks.dcm", ppm, ["-sample", "2x1", "-restart", "3B"], ".50", "YBR_FULL"),
    ("baseline_411.dcm", ppm, ["-sample", "4x1"], ".50", "YBR_FULL"),
    ("baseline_440.dcm", ppm, ["-sample", "1x2"], ".50", "YBR_FULL"),
    ("baseline_444_rgb_label_jfif.dcm", ppm, ["-sample", "1x1"], ".50", "RGB"),
    ("sequential_three_scans.dcm", ppm, ["-sample", "2x2", "-scans", os.path.join(TMP, "three_scans.txt")], ".50",
     "YBR_FULL"),
    ("progressive_420.dcm", ppm, ["-progressive", "-sample", "2x2"], ".55", "YBR_FULL"),
    ("progressive_422_restart.dcm", ppm, ["-progressive", "-sample", "2x1", "-restart", "2B"], ".55", "YBR_FULL"),
    ("progressive_grey_refine.dcm", pgm, ["-scans", os.path.join(TMP, "refine.txt")], ".55", "MONOCHROME2"),
    ("baseline_grey_restart_blocks.dcm", pgm, ["-restart", "1B", "-quality", "75"], ".50", "MONOCHROME2"),
]
for name, src, options, ts, photometric in lossy:
    jpeg = run("cjpeg", *options, src)
    grey = src == pgm
    rows, cols = (17, 23) if grey else (23, 37)
    args = (rows, cols, 1 if grey else 3, 8, 8, False)
    path = save_jpeg(name, jpeg, "1.2.840.10008.1.2.4" + ts, *args, photometric)
    if photometric == "RGB":
        # DCMTK never converts RGB-labelled data; Attest does when the codestream says it holds
        # Y Cb Cr (here a JFIF segment), so the expected values are DCMTK's for a YBR_FULL label.
        path = save_jpeg(os.path.join(TMP, name), jpeg, "1.2.840.10008.1.2.4" + ts, *args, "YBR_FULL")
    native, _ = dcmdjpeg(path)
    os.replace(native, os.path.join(HERE, name.replace(".dcm", ".dcmdjpeg.dcm")))

# Arithmetic coding, which Attest refuses with a typed error.
save_jpeg("arithmetic.dcm", run("cjpeg", "-arithmetic", pgm), "1.2.840.10008.1.2.4.51", 17, 23, 1, 8, 8, False,
          "MONOCHROME2")
print("fixtures written to", HERE)
