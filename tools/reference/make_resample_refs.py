#!/usr/bin/python3
"""Writes dicom/src/test/resources/reference/resample/*.json: what dcm2niix's
gantry-tilt correction makes of the tilted Philips CT, for RegularGridResamplerTest.

Runs dcm2niix (same command as make_dcm2niix_refs.sh, empty $HOME) on
series-ct/dcm_qa_ct_philips_S21610_S2010_tilt into a temp dir, reads the
tilt-corrected <name>_Tilt_1.nii and records, without any voxel array:

* dims, scaling, the sform (RAS) and the same affine as index -> LPS;
* the 8 corner voxels with their LPS world position;
* per-slice mean of the raw stored values (all voxels of the slice);
* a fixed pseudo-random sample of voxels (ijk + raw value): 1000 drawn
  uniformly from the whole grid and 1000 from voxels above -500 HU (tissue and
  bone, where interpolation matters), as a flat list i, j, k, value, ...

Must be run with Debian's /usr/bin/python3 (nibabel, numpy) and /usr/bin/dcm2niix.
Usage: /usr/bin/python3 tools/reference/make_resample_refs.py [DATA_ROOT]
Deterministic: re-running gives byte-identical JSON.
"""
import os
import subprocess
import sys
import tempfile

import nibabel as nib
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nifti_ref import write_json, mat  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
SOURCE = "series-ct/dcm_qa_ct_philips_S21610_S2010_tilt"
OUT = os.path.join(REPO, "dicom/src/test/resources/reference/resample",
                   "dcm_qa_ct_philips_S21610_S2010_tilt__Tilt_1.json")
OPTS = ["-z", "n", "-b", "y", "-f", "%s_%p"]
SEED = 18_5
TISSUE_HU = -500.0
N_UNIFORM = 1000
N_TISSUE = 1000


def data_root():
    if len(sys.argv) > 1:
        return sys.argv[1]
    if os.path.isdir("/work/shared/data"):
        return "/work/shared/data"
    return os.path.abspath(os.path.join(REPO, "..", "shared", "data"))


def main():
    data = data_root()
    dcm2niix = os.environ.get("DCM2NIIX", "dcm2niix")
    banner = subprocess.run([dcm2niix, "--version"], capture_output=True, text=True)
    version = next((ln.strip() for ln in (banner.stdout + banner.stderr).splitlines()
                    if "dcm2niiX version" in ln), "")
    with tempfile.TemporaryDirectory() as work:
        env = dict(os.environ, HOME=os.path.join(work, "home"))
        os.makedirs(env["HOME"])
        out = os.path.join(work, "out")
        os.makedirs(out)
        subprocess.run([dcm2niix, *OPTS, "-o", out, os.path.join(data, SOURCE)],
                       env=env, check=True, capture_output=True)
        name = next(f for f in sorted(os.listdir(out)) if f.endswith("_Tilt_1.nii"))
        img = nib.load(os.path.join(out, name))
        raw = np.asarray(img.dataobj.get_unscaled())
        sform = img.get_sform()
        slope, inter = float(img.dataobj.slope), float(img.dataobj.inter)

    lps = np.diag([-1.0, -1.0, 1.0, 1.0]) @ sform
    dims = [int(d) for d in raw.shape]
    corners = []
    for corner in range(8):
        ijk = [0 if (corner >> a) & 1 == 0 else dims[a] - 1 for a in range(3)]
        world = lps @ np.array(ijk + [1.0])
        corners.append({"ijk": ijk, "value": int(raw[tuple(ijk)]),
                        "lps": [round(float(x), 6) for x in world[:3]]})

    rng = np.random.RandomState(SEED)
    flat = raw.ravel(order="F")
    uniform = rng.choice(flat.size, N_UNIFORM, replace=False)
    tissue_idx = np.flatnonzero(flat * slope + inter > TISSUE_HU)
    tissue = rng.choice(tissue_idx, N_TISSUE, replace=False)
    picked = np.unique(np.concatenate([uniform, tissue]))
    samples = []
    for idx in picked:
        i, j, k = np.unravel_index(idx, raw.shape, order="F")
        samples += [int(i), int(j), int(k), int(flat[idx])]

    write_json(OUT, {
        "source": SOURCE,
        "dcm2niix_version": version,
        "command": "dcm2niix " + " ".join(OPTS) + " -o $TMP $DATA/" + SOURCE,
        "file": name,
        "dims": dims,
        "datatype": str(raw.dtype),
        "scl_slope": slope,
        "scl_inter": inter,
        "raw_min": int(raw.min()),
        "sform_ras": mat(sform),
        "index_to_lps": mat(lps),
        "corners": corners,
        "slice_mean_raw": [round(float(raw[:, :, k].mean(dtype=np.float64)), 4) for k in range(dims[2])],
        "sample_definition": "seed %d: %d voxels uniform over the grid + %d with HU > %g, merged and sorted by "
                             "Fortran index; flat list i, j, k, raw value" % (SEED, N_UNIFORM, N_TISSUE, TISSUE_HU),
        "samples_ijkv": samples,
    })


if __name__ == "__main__":
    main()
