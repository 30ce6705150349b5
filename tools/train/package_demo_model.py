"""Packages a trained demo model as Attest's built-in model `demo-ct-seg` and writes the reference the Java
test checks it against.

  * copies the TorchScript file into inference/src/main/resources/dev/attest/models/demo-ct-seg/ and writes
    manifest.json beside it (sha256, input contract, outputs with CtPhantom's label names and colours);
  * runs the shipped file with Python torch on a held-out phantom variant (seed 9001, written by
    PhantomTrainingSet into TEST_DIR) and writes, under inference/src/test/resources/fixtures/demo-ct-seg/,
    the logits at every voxel whose z, y and x are multiples of 8 (float32, [K, 7, 8, 8]) and reference.json
    and |d liver score / d input| there, with the per-label Dice of the argmax against the phantom's ground truth and the near-tie voxels (top two
    logits within 1e-3, index in [z, y, x] order with x fastest) with Python's label.

Run with Debian's torch:
  /usr/bin/python3 tools/train/package_demo_model.py --run RUN_DIR --test TEST_DIR
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(__file__))
from train_demo_seg import NUM_CLASSES, WINDOW, load_case, dice_per_label  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MODEL_DIR = os.path.join(ROOT, "inference/src/main/resources/dev/attest/models/demo-ct-seg")
FIXTURE_DIR = os.path.join(ROOT, "inference/src/test/resources/fixtures/demo-ct-seg")
TEST_SEED = 9001
STRIDE = 8


def itk_labels(path):
    out = []
    for line in open(path):
        m = re.match(r'\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+\S+\s+\S+\s+\S+\s+"(.*)"', line)
        if m and int(m.group(1)) > 0:
            v, r, g, b, name = int(m.group(1)), int(m.group(2)), int(m.group(3)), int(m.group(4)), m.group(5)
            out.append({"value": v, "name": name, "rgb": (r << 16) | (g << 8) | b})
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--run", required=True)
    ap.add_argument("--test", required=True)
    args = ap.parse_args()
    report = json.load(open(os.path.join(args.run, "training_report.json")))
    os.makedirs(MODEL_DIR, exist_ok=True)
    os.makedirs(FIXTURE_DIR, exist_ok=True)
    weights = os.path.join(MODEL_DIR, "demo_ct_seg.pt")
    shutil.copyfile(os.path.join(args.run, "demo_ct_seg.pt"), weights)
    sha = hashlib.sha256(open(weights, "rb").read()).hexdigest()

    labels = [{"value": 0, "name": "background", "rgb": 0}] + itk_labels(os.path.join(args.test, "labels.txt"))
    assert len(labels) == NUM_CLASSES, labels
    manifest = {
        "id": "demo-ct-seg",
        "name": "Attest demo CT segmentation (phantom)",
        "version": "1.0.0",
        "task": "SEGMENTATION",
        "engine": "pytorch",
        "format": "TORCHSCRIPT",
        "weights": "demo_ct_seg.pt",
        "sha256": sha,
        "input": {
            "modality": "CT",
            "channels": 1,
            "targetSpacing": [6.0, 6.0, 6.0],
            "orientation": "LPS",
            "axisOrder": "zyx",
            "normalisation": {"kind": "WINDOW", "lower": WINDOW[0], "upper": WINDOW[1], "clip": True,
                              "nonzero": False},
            "patchSize": [64, 64, 56],
            "overlap": 0.25,
            "batchSize": 1,
        },
        "outputs": [{"name": "logits", "type": "logits", "activation": "softmax", "labels": labels,
                     "evidence": True}],
        "licence": "Same licence as the Attest source code; trained only on Attest's own synthetic CT phantom",
        "description": "A small 3D U-Net ({:,} parameters) trained on CPU on {} variants of Attest's synthetic "
                       "CT phantom at 6 mm; for the demo and for testing the inference path, not for clinical "
                       "use. Validation mean Dice {:.3f}; see MODEL_CARD.md."
                       .format(report["parameters"], report["trainVariants"], report["validationMeanDice"]),
    }
    with open(os.path.join(MODEL_DIR, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")

    model = torch.jit.load(weights).eval()
    img, truth = load_case(os.path.join(args.test, f"case_{TEST_SEED}_ct.nii.gz"))
    with torch.no_grad():
        logits = model(torch.from_numpy(img)[None, None])[0].numpy()
    pred = logits.argmax(0)
    top2 = np.sort(logits, 0)[-2:]
    margin = float((top2[1] - top2[0]).min())
    sampled = logits[:, ::STRIDE, ::STRIDE, ::STRIDE]
    sampled.astype("<f4").tofile(os.path.join(FIXTURE_DIR, "logits_stride8_{}x{}x{}x{}.f32".format(*sampled.shape)))
    # Voxels whose two best logits are within 1e-3 may take either label once the numerics differ (libtorch
    # 2.7 in Java vs torch 1.13 here); the Java test uses Python's label there so the Dice stays exact.
    near = np.flatnonzero((top2[1] - top2[0]).ravel() < 1e-3)
    near_ties = [{"index": int(i), "label": int(pred.ravel()[i])} for i in near]
    dice = dice_per_label(pred, truth)

    # Input-gradient evidence for the liver (label 4) over the phantom's true liver, for GradientSaliency on
    # the shipped model: |d score / d input| on the same stride-8 grid. The true mask, not the argmax: a
    # near-tie voxel that flips between torch versions would change the score.
    xi = torch.from_numpy(img)[None, None].clone().requires_grad_(True)
    out = model(xi)
    score = (out[0, 4] * torch.from_numpy(truth == 4)).sum()
    score.backward()
    grad = xi.grad[0, 0].abs().numpy()
    grad[::STRIDE, ::STRIDE, ::STRIDE].astype("<f4").tofile(
        os.path.join(FIXTURE_DIR, "liver_gradient_stride8_7x8x8.f32"))
    ref = {"seed": TEST_SEED, "gridXyz": [img.shape[2], img.shape[1], img.shape[0]], "spacingMm": 6.0,
           "sampledShape": list(sampled.shape), "stride": STRIDE, "sha256": sha,
           "minTop2Margin": margin, "nearTies": near_ties, "dice": {str(k): v for k, v in dice.items()},
           "voxelsPerLabel": {str(k): int((truth == k).sum()) for k in range(NUM_CLASSES)},
           "predictedVoxelsPerLabel": {str(k): int((pred == k).sum()) for k in range(NUM_CLASSES)}}
    with open(os.path.join(FIXTURE_DIR, "reference.json"), "w") as f:
        json.dump(ref, f, indent=2)
    print(json.dumps(ref, indent=2))


if __name__ == "__main__":
    main()
