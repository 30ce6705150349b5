"""Reference outputs for the MeshNet port (inference/src/test/.../meshnet), computed with Debian's torch 1.13
straight from the brainchop TF.js weights, independently of the Java code.

Axis convention (SOURCES.md, "Input axis order"): the network sees the NIfTI voxel array in memory order
[z, y, x] (x fastest) and the TF.js kernels [kd, kh, kw, in, out] have their three spatial axes reversed,
i.e. the torch weight is tf.transpose(4, 3, 2, 1, 0). The script checks that against the niivue ONNX twin
of model5_gw_ae and against the ONNX Runtime reference segmentation before writing anything.

Writes into inference/src/test/resources/fixtures/meshnet/:
  model21_slab_z104-152_labels.u8.gz  argmax labels of model21_104class on the coronal slab z in [104, 152)
                                      of brainchop_t1_crop (slab cut first, min-max over the whole volume)
  model21_reference.json              per-label voxel counts and sha256 of the slab and of the full 256^3 run

Run:  /usr/bin/python3 tools/reference/make_meshnet_refs.py /work/shared/data
"""
import gzip
import hashlib
import json
import pathlib
import sys
import time

import nibabel as nib
import numpy as np
import onnx
import onnx.numpy_helper
import torch
import torch.nn.functional as F

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from meshnet_tfjs import ACT, load_tfjs  # noqa: E402

torch.set_num_threads(2)
DATA = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data")
OUT = pathlib.Path(__file__).resolve().parents[2] / "inference/src/test/resources/fixtures/meshnet"
OUT.mkdir(parents=True, exist_ok=True)
SLAB = (104, 152)




@torch.no_grad()
def segment(layers, x):
    """x: [1,1,z,y,x]; returns uint8 argmax labels [z,y,x], the last 1x1x1 conv applied slice by slice."""
    for op in layers[:-1]:
        if op[0] == "conv":
            d = op[3]
            x = F.conv3d(x, op[1], op[2], padding=d * (op[1].shape[-1] // 2), dilation=d)
        else:
            x = ACT[op[1]](x)
    w, b = layers[-1][1], layers[-1][2]
    out = np.empty(x.shape[2:], np.uint8)
    for z in range(x.shape[2]):
        out[z] = F.conv3d(x[:, :, z:z + 1], w, b).argmax(1)[0, 0].numpy()
    return out


def counts(labels, k):
    return [int(c) for c in np.bincount(labels.ravel(), minlength=k)]


t1 = nib.load(DATA / "nifti/brainchop_t1_crop.nii.gz")
vol = np.asanyarray(t1.dataobj).astype(np.float32).transpose(2, 1, 0)  # [z, y, x]
vol = (vol - vol.min()) / (vol.max() - vol.min())
x = torch.from_numpy(np.ascontiguousarray(vol))[None, None]

# 1. the ONNX twin holds the TF.js weights with reversed spatial axes
m5 = load_tfjs(DATA / "models/brainchop/model5_gw_ae")
onnx_w = [onnx.numpy_helper.to_array(t) for t in onnx.load(str(DATA / "models/niivue-onnx/model.onnx")).graph.initializer]
onnx_k = [w for w in onnx_w if w.ndim == 5]
ours = [op[1].numpy() for op in m5 if op[0] == "conv"]
assert len(onnx_k) == len(ours) and all(np.array_equal(a, b) for a, b in zip(onnx_k, ours)), "kernel order"
print("model5: TF.js kernels reversed == ONNX kernels")

# 2. model5 against the ONNX Runtime reference
t = time.time()
seg5 = segment(m5, x)
ref5 = np.asanyarray(nib.load(DATA / "models/reference-outputs/t1_crop_model5_gw_ae_onnxruntime_seg.nii.gz").dataobj).transpose(2, 1, 0)
print("model5 %.1fs agreement with ORT reference %.6f counts %s" % (time.time() - t, (seg5 == ref5).mean(), counts(seg5, 3)))

# 3. model21_104class: slab and full volume
m21 = load_tfjs(DATA / "models/brainchop/model21_104class")
t = time.time()
slab = segment(m21, x[:, :, SLAB[0]:SLAB[1]].contiguous())
print("model21 slab %.1fs" % (time.time() - t))
(OUT / "model21_slab_z104-152_labels.u8.gz").write_bytes(gzip.compress(slab.tobytes(), 9, mtime=0))
ref = {"model": "model21_104class", "input": "nifti/brainchop_t1_crop.nii.gz", "scaling": "min-max over the whole volume",
       "axis_order": "[z,y,x] memory order, TF.js kernel spatial axes reversed",
       "slab": {"z0": SLAB[0], "z1": SLAB[1], "shape_zyx": list(slab.shape), "counts": counts(slab, 104),
                "sha256": hashlib.sha256(slab.tobytes()).hexdigest()}}
t = time.time()
full = segment(m21, x)
print("model21 full %.1fs" % (time.time() - t))
ref["full"] = {"shape_zyx": list(full.shape), "counts": counts(full, 104), "sha256": hashlib.sha256(full.tobytes()).hexdigest()}
(OUT / "model21_reference.json").write_text(json.dumps(ref, indent=1) + "\n")
nib.save(nib.Nifti1Image(full.transpose(2, 1, 0), t1.affine), "/tmp/model21_torch_full.nii.gz")
print("wrote", OUT)
