"""Small logits references for MeshNet.predict: mindgrab (GELU, no bias) on a 16^3 patch and model18cls
(ELU) on a 12^3 patch of brainchop_t1_crop, min-max scaled over the whole volume, computed with Debian's
torch 1.13 (F.gelu is the exact erf form, as TF.js's gelu). Same axis convention as make_meshnet_refs.py.

Writes inference/src/test/resources/fixtures/meshnet/{mindgrab_16,model18cls_12}_{input,logits}.f32
(little-endian float32, [1,1,n,n,n] and [1,K,n,n,n]).  Run: /usr/bin/python3 tools/reference/make_meshnet_patch_refs.py
"""
import pathlib
import sys

import nibabel as nib
import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from meshnet_tfjs import ACT, load_tfjs  # noqa: E402

DATA = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
OUT = pathlib.Path(__file__).resolve().parents[2] / "inference/src/test/resources/fixtures/meshnet"

t1 = np.asanyarray(nib.load(DATA / "nifti/brainchop_t1_crop.nii.gz").dataobj).astype(np.float32).transpose(2, 1, 0)
t1 = (t1 - t1.min()) / (t1.max() - t1.min())


@torch.no_grad()
def logits(layers, x):
    for op in layers:
        if op[0] == "conv":
            d = op[3]
            x = F.conv3d(x, op[1], op[2], padding=d * (op[1].shape[-1] // 2), dilation=d)
        else:
            x = ACT[op[1]](x)
    return x


for name, n, at in (("mindgrab", 16, (120, 100, 110)), ("model18cls", 12, (128, 120, 124))):
    z, y, x0 = at
    patch = np.ascontiguousarray(t1[z:z + n, y:y + n, x0:x0 + n])[None, None]
    out = logits(load_tfjs(DATA / "models/brainchop" / name), torch.from_numpy(patch)).numpy()
    patch.astype("<f4").tofile(OUT / f"{name}_{n}_input.f32")
    out.astype("<f4").tofile(OUT / f"{name}_{n}_logits.f32")
    print(name, out.shape, float(np.abs(out).max()))
