"""Reads a brainchop TF.js layers-model into torch weights (shared by the MeshNet reference scripts).

The torch weight is the TF.js kernel [kd, kh, kw, in, out] transposed (4, 3, 2, 1, 0): channels first and
the spatial axes reversed, for inputs in NIfTI memory order [z, y, x] (models/SOURCES.md, "Input axis order").
"""
import json

import numpy as np
import torch
import torch.nn.functional as F


def load_tfjs(folder):
    j = json.loads((folder / "model.json").read_text())
    specs = {}
    blobs = b"".join((folder / p).read_bytes() for g in j["weightsManifest"] for p in g["paths"])
    off = 0
    for g in j["weightsManifest"]:
        for w in g["weights"]:
            n = int(np.prod(w["shape"]))
            specs[w["name"]] = np.frombuffer(blobs, "<f4", n, off).reshape(w["shape"])
            off += 4 * n
    layers = []
    for l in j["modelTopology"]["model_config"]["config"]["layers"]:
        c = l["config"]
        if l["class_name"] == "Conv3D":
            k = specs[c["name"] + "/kernel"]
            b = specs.get(c["name"] + "/bias")
            w = torch.from_numpy(np.ascontiguousarray(k.transpose(4, 3, 2, 1, 0)))
            layers.append(("conv", w, None if b is None else torch.from_numpy(b.copy()), c["dilation_rate"][0]))
        elif l["class_name"] == "Activation":
            layers.append(("act", c["activation"]))
    return layers


ACT = {"relu": F.relu, "elu": F.elu, "gelu": F.gelu}
