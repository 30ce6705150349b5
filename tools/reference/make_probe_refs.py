#!/usr/bin/python3
"""Reference outputs of the robustness-probe perturbations (inference/.../probe) computed with numpy and
scipy, independently of Attest's Java code: Gaussian blur (scipy.ndimage.gaussian_filter, mode 'nearest',
truncate 4), block-average downsampling and trilinear return to the grid (numpy block means +
scipy.ndimage.map_coordinates, order 1, mode 'nearest'), and rotation about the volume centre in patient
space (scipy.spatial.transform.Rotation + scipy.ndimage.affine_transform, order 1, mode 'nearest').

The image is a small float32 array (9 x 7 x 6 voxels, seeded numpy draws in [-1000, 1000] plus a smooth
ramp) on an oblique grid with anisotropic spacing, so patient-space handling is exercised.

Writes inference/src/test/resources/fixtures/probe/: input.f32 and one .f32 per case (little-endian float32,
x fastest, i.e. numpy C order of a (z, y, x) array) and cases.json (grid and the case list).
Run from the repository root: /usr/bin/python3 tools/reference/make_probe_refs.py  (deterministic, < 1 s)
"""
import json
import os

import numpy as np
from scipy import ndimage
from scipy.spatial.transform import Rotation

OUT = os.path.join("inference", "src", "test", "resources", "fixtures", "probe")
NX, NY, NZ = 9, 7, 6
SPACING = np.array([0.8, 1.0, 2.0])
ORIGIN = np.array([-10.0, 20.0, 30.0])


def grid_affine():
    """index (i, j, k) -> LPS mm: axes turned 20 deg about S, then 10 deg about L, times the spacing."""
    turn = Rotation.from_euler("zx", [20, 10], degrees=True).as_matrix()
    a = np.eye(4)
    a[:3, :3] = turn @ np.diag(SPACING)
    a[:3, 3] = ORIGIN
    return a


def image():
    rng = np.random.default_rng(20260801)
    z, y, x = np.meshgrid(np.arange(NZ), np.arange(NY), np.arange(NX), indexing="ij")
    ramp = 40.0 * x - 25.0 * y + 60.0 * z
    return (rng.uniform(-1000, 1000, size=(NZ, NY, NX)) * 0.5 + ramp).astype(np.float32)


def blur(img, sigma_mm):
    sigma_vox = sigma_mm / SPACING  # x, y, z
    return ndimage.gaussian_filter(img, sigma=sigma_vox[::-1], mode="nearest", truncate=4.0)


def downsample(img, factors_xyz):
    fz, fy, fx = factors_xyz[::-1]
    cz, cy, cx = -(-NZ // fz), -(-NY // fy), -(-NX // fx)
    padded = np.full((cz * fz, cy * fy, cx * fx), np.nan)
    padded[:NZ, :NY, :NX] = img
    means = np.nanmean(padded.reshape(cz, fz, cy, fy, cx, fx), axis=(1, 3, 5)).astype(np.float32)
    # Coarse voxel c sits at fine index c*f + (f-1)/2, so fine index i is coarse coordinate (i - (f-1)/2) / f.
    zz, yy, xx = np.meshgrid((np.arange(NZ) - (fz - 1) / 2) / fz, (np.arange(NY) - (fy - 1) / 2) / fy,
                             (np.arange(NX) - (fx - 1) / 2) / fx, indexing="ij")
    return ndimage.map_coordinates(means, [zz, yy, xx], order=1, mode="nearest").astype(np.float32)


def rotate(img, degrees, axis):
    a = grid_affine()
    centre = a @ np.array([(NX - 1) / 2, (NY - 1) / 2, (NZ - 1) / 2, 1.0])
    unit = {"L": [1, 0, 0], "P": [0, 1, 0], "S": [0, 0, 1]}[axis]
    r_inv = np.eye(4)
    r_inv[:3, :3] = Rotation.from_rotvec(np.radians(degrees) * np.array(unit, float)).as_matrix().T
    to_c, from_c = np.eye(4), np.eye(4)
    to_c[:3, 3] = centre[:3]
    from_c[:3, 3] = -centre[:3]
    # output voxel x (xyz) at LPS p = A x reads the input at A^-1 (c + R^-1 (p - c))
    m = np.linalg.inv(a) @ to_c @ r_inv @ from_c @ a
    perm = np.zeros((4, 4))
    perm[0, 2] = perm[1, 1] = perm[2, 0] = perm[3, 3] = 1  # xyz <-> zyx
    mz = perm @ m @ perm
    return ndimage.affine_transform(img, mz[:3, :3], offset=mz[:3, 3], order=1, mode="nearest").astype(np.float32)


def main():
    os.makedirs(OUT, exist_ok=True)
    img = image()
    img.astype("<f4").tofile(os.path.join(OUT, "input.f32"))
    cases = [
        ("blur", 1.5, {}, blur(img, 1.5)),
        ("blur", 3.0, {}, blur(img, 3.0)),
        ("downsample", 2, {"axes": "xyz"}, downsample(img, (2, 2, 2))),
        ("downsample", 3, {"axes": "z"}, downsample(img, (1, 1, 3))),
        ("downsample", 4, {"axes": "xy"}, downsample(img, (4, 4, 1))),
        ("rotate", 7.0, {"axis": "S"}, rotate(img, 7.0, "S")),
        ("rotate", -12.0, {"axis": "L"}, rotate(img, -12.0, "L")),
        ("rotate", 30.0, {"axis": "P"}, rotate(img, 30.0, "P")),
    ]
    listed = []
    for kind, level, options, out in cases:
        name = f"{kind}_{level:g}_{'_'.join(options.values()) or 'all'}.f32".replace("-", "m")
        out.astype("<f4").tofile(os.path.join(OUT, name))
        listed.append({"kind": kind, "level": level, "options": options, "file": name})
    meta = {"size": [NX, NY, NZ], "indexToLps": grid_affine().tolist(), "input": "input.f32", "cases": listed,
            "generator": "tools/reference/make_probe_refs.py (numpy " + np.__version__ + ", scipy "
                         + __import__("scipy").__version__ + ")"}
    with open(os.path.join(OUT, "cases.json"), "w") as f:
        json.dump(meta, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
