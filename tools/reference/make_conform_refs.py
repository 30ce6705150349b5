"""Reference for BrainConform (inference/src/test/.../conform): FreeSurfer/FastSurfer-style conform of a
non-conformed volume (TotalSegmentator's 3 mm RAS int16 CT, 122x101x30) computed with nibabel affines and
scipy's map_coordinates, independently of the Java code.

Conform as brainchop (NiiVue's port of FastSurfer conform.py) does it: 256^3, 1 mm, LIA; output voxel
(128,128,128) at the RAS position of input voxel dims/2; trilinear, a voxel is 0 unless all eight
neighbours are inside; uint8 = trunc(clip(scale * (v - min), 0, 255)) with FastSurfer's getscale
(f_low 0, f_high 0.999 of the non-zero voxels, 1000-bin histogram). Labels: nearest neighbour.

Writes inference/src/test/resources/fixtures/conform/ct_sm_conform_reference.json: the output affine,
the scale, and the conformed image and label values on the lattice i, j, k in 3, 11, ..., 251 (32^3).

Run:  /usr/bin/python3 tools/reference/make_conform_refs.py /work/shared/data
"""
import json
import pathlib
import sys

import nibabel as nib
import numpy as np
from scipy.ndimage import map_coordinates

DATA = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
OUT = pathlib.Path(__file__).resolve().parents[2] / "inference/src/test/resources/fixtures/conform"
OUT.mkdir(parents=True, exist_ok=True)

img = nib.load(DATA / "nifti/totalsegmentator_example_ct_sm.nii.gz")
seg = nib.load(DATA / "nifti/totalsegmentator_example_seg.nii.gz")
data = np.asanyarray(img.dataobj).astype(np.float64)  # physical values (scl_* applied by nibabel)
dims = np.array(data.shape[:3], float)

mdc = np.array([[-1, 0, 0], [0, 0, 1], [0, -1, 0]], float)  # LIA columns in RAS
centre = img.affine @ np.append(dims / 2, 1)
out_aff = np.eye(4)
out_aff[:3, :3] = mdc
out_aff[:3, 3] = centre[:3] - mdc @ np.full(3, 128.0)

vox2vox = np.linalg.inv(img.affine) @ out_aff
ii, jj, kk = np.meshgrid(np.arange(256), np.arange(256), np.arange(256), indexing="ij")
pts = np.stack([ii.ravel(), jj.ravel(), kk.ravel(), np.ones(ii.size)])
src = (vox2vox @ pts)[:3]
inside = np.all((np.floor(src) >= 0) & (np.ceil(src) <= (dims - 1)[:, None]), axis=0)
lin = map_coordinates(data, src, order=1, mode="nearest").reshape(256, 256, 256)
lin[~inside.reshape(256, 256, 256)] = 0

# FastSurfer getscale, f_low = 0, f_high = 0.999
lo, hi = data.min(), data.max()
bins = 1000
size = (hi - lo) / bins
idx = np.minimum(np.floor((data.ravel() - lo) / size).astype(int), bins - 1)
cs = np.cumsum(np.bincount(idx, minlength=bins))
nz = np.count_nonzero(np.abs(data) >= 1e-15)
nth = data.size - np.floor((1 - 0.999) * nz)
up = next((i for i in range(bins - 1) if cs[i + 1] >= nth), bins - 1)
upper = up * size + lo
scale = 255.0 / (upper - lo)
u8 = np.trunc(np.clip(scale * (lin - lo), 0, 255)).astype(np.uint8)

labels = np.asanyarray(seg.dataobj)
near = np.floor(src + 0.5).astype(int)  # ties go up, as Math.round in NiiVue and Java
ok = np.all((near >= 0) & (near < dims[:, None].astype(int)), axis=0)
lab = np.zeros(src.shape[1], np.uint8)
lab[ok] = labels[near[0, ok], near[1, ok], near[2, ok]]
lab = lab.reshape(256, 256, 256)

lat = np.arange(3, 256, 8)
sub = np.ix_(lat, lat, lat)
ref = {
    "input": "nifti/totalsegmentator_example_ct_sm.nii.gz", "labels": "nifti/totalsegmentator_example_seg.nii.gz",
    "affine_ras": out_aff.tolist(), "src_min": lo, "scale": scale, "lattice": lat.tolist(),
    "note": "values[i][j][k] at lattice (i, j, k) of the conformed grid",
    "image": u8[sub].tolist(), "label": lab[sub].tolist(),
    "image_histogram": np.bincount(u8.ravel(), minlength=256).tolist(),
}
(OUT / "ct_sm_conform_reference.json").write_text(json.dumps(ref, separators=(",", ":")) + "\n")
print("scale", lo, upper, scale, "nonzero", int((u8 > 0).sum()), "labels", np.unique(lab[sub]).size)
