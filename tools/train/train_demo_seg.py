"""Trains Attest's built-in demo CT segmentation model on phantom variants and exports it as TorchScript.

Data: NIfTI pairs written by dev.attest.core.phantom.PhantomTrainingSet (see tools/train/README.md), on a
6 mm isotropic grid of 64 x 64 x 56 voxels (x, y, z); training draws random 40 x 48 x 48 (z, y, x) crops.
Network: a small 3D U-Net (4 levels, 6/12/24/32 channels, InstanceNorm + LeakyReLU, trilinear upsampling), one input channel (HU windowed to
[-1000, 1000] -> [0, 1]), 14 output logits (background + CtPhantom's 13 labels). Loss: cross-entropy +
soft Dice. CPU only, fixed seed, two threads.

Run with Debian's torch:
  /usr/bin/python3 tools/train/train_demo_seg.py --train DIR --val DIR --out DIR [--iterations N]
"""
import argparse
import glob
import hashlib
import json
import os
import time

import nibabel as nib
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

NUM_CLASSES = 14
WINDOW = (-1000.0, 1000.0)
CROP_ZYX = (40, 48, 48)
CHANNELS = (6, 12, 24, 32)


def normalise(hu):
    lo, hi = WINDOW
    return np.clip((hu - lo) / (hi - lo), 0.0, 1.0).astype(np.float32)


def load_case(ct_path):
    """Returns (image [z,y,x] float32 windowed, labels [z,y,x] int64). NIfTI arrays are [x,y,z]."""
    ct = nib.load(ct_path).get_fdata(dtype=np.float64)
    lab = np.asarray(nib.load(ct_path.replace("_ct.nii.gz", "_labels.nii.gz")).dataobj)
    return normalise(ct).transpose(2, 1, 0).copy(), lab.astype(np.int64).transpose(2, 1, 0).copy()


def load_dir(d):
    files = sorted(glob.glob(os.path.join(d, "case_*_ct.nii.gz")),
                   key=lambda p: int(os.path.basename(p).split("_")[1]))
    return [load_case(f) for f in files], [os.path.basename(f).split("_")[1] for f in files]


class Block(nn.Sequential):
    def __init__(self, cin, cout):
        super().__init__(
            nn.Conv3d(cin, cout, 3, padding=1), nn.InstanceNorm3d(cout, affine=True), nn.LeakyReLU(0.01),
            nn.Conv3d(cout, cout, 3, padding=1), nn.InstanceNorm3d(cout, affine=True), nn.LeakyReLU(0.01))


class UNet3d(nn.Module):
    def __init__(self, chans=CHANNELS, classes=NUM_CLASSES):
        super().__init__()
        c1, c2, c3, c4 = chans
        self.enc1, self.enc2, self.enc3, self.bottom = Block(1, c1), Block(c1, c2), Block(c2, c3), Block(c3, c4)
        self.dec3, self.dec2, self.dec1 = Block(c4 + c3, c3), Block(c3 + c2, c2), Block(c2 + c1, c1)
        self.head = nn.Conv3d(c1, classes, 1)

    @staticmethod
    def up(x):
        return F.interpolate(x, scale_factor=2.0, mode="trilinear", align_corners=False)

    def forward(self, x):
        e1 = self.enc1(x)
        e2 = self.enc2(F.max_pool3d(e1, 2))
        e3 = self.enc3(F.max_pool3d(e2, 2))
        b = self.bottom(F.max_pool3d(e3, 2))
        d3 = self.dec3(torch.cat([self.up(b), e3], 1))
        d2 = self.dec2(torch.cat([self.up(d3), e2], 1))
        d1 = self.dec1(torch.cat([self.up(d2), e1], 1))
        return self.head(d1)


def dice_loss(logits, target):
    p = torch.softmax(logits, 1)
    onehot = F.one_hot(target, NUM_CLASSES).permute(0, 4, 1, 2, 3).float()
    dims = (0, 2, 3, 4)
    inter = (p * onehot).sum(dims)
    denom = p.sum(dims) + onehot.sum(dims)
    return 1 - ((2 * inter + 1e-5) / (denom + 1e-5)).mean()


def random_crop(rng, img, lab):
    z0 = rng.integers(0, img.shape[0] - CROP_ZYX[0] + 1)
    y0 = rng.integers(0, img.shape[1] - CROP_ZYX[1] + 1)
    x0 = rng.integers(0, img.shape[2] - CROP_ZYX[2] + 1)
    sl = (slice(z0, z0 + CROP_ZYX[0]), slice(y0, y0 + CROP_ZYX[1]), slice(x0, x0 + CROP_ZYX[2]))
    return img[sl], lab[sl]


def dice_per_label(pred, truth):
    out = {}
    for k in range(1, NUM_CLASSES):
        a, b = pred == k, truth == k
        s = a.sum() + b.sum()
        out[k] = float("nan") if s == 0 else 2.0 * float((a & b).sum()) / float(s)
    return out


def evaluate(model, cases):
    model.eval()
    per = {k: [] for k in range(1, NUM_CLASSES)}
    with torch.no_grad():
        for img, lab in cases:
            pred = model(torch.from_numpy(img)[None, None]).argmax(1)[0].numpy()
            for k, d in dice_per_label(pred, lab).items():
                if not np.isnan(d):
                    per[k].append(d)
    model.train()
    return {k: (float(np.mean(v)) if v else float("nan")) for k, v in per.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True)
    ap.add_argument("--val", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--iterations", type=int, default=300)
    ap.add_argument("--batch", type=int, default=1)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--seed", type=int, default=20260101)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--eval-every", type=int, default=75)
    ap.add_argument("--init", help="continue from the weights of an exported TorchScript file")
    ap.add_argument("--class-weights", action="store_true",
                    help="weight cross-entropy by min(10, max(1, sqrt(0.05 / class frequency)))")
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    rng = np.random.default_rng(args.seed)
    torch.set_num_threads(args.threads)
    train, _ = load_dir(args.train)
    val, _ = load_dir(args.val)
    print(f"{len(train)} training and {len(val)} validation variants, volume zyx {train[0][0].shape}", flush=True)

    weights = None
    if args.class_weights:
        # Small structures (kidneys, vessels, lesions) are under 1% of voxels; without weights the network
        # learns the big organs first and the small ones only after many more iterations.
        counts = np.bincount(np.concatenate([lab.ravel() for _, lab in train]), minlength=NUM_CLASSES)
        freq = counts / counts.sum()
        weights = torch.tensor(np.clip(np.sqrt(0.05 / np.maximum(freq, 1e-9)), 1, 10), dtype=torch.float32)
        print("class weights", [round(float(w), 2) for w in weights], flush=True)
    model = UNet3d()
    if args.init:
        # A traced module keeps the eager module's parameter names, so its state dict loads as is.
        model.load_state_dict(torch.jit.load(args.init).state_dict())
        print(f"continuing from {args.init}", flush=True)
    n_params = sum(p.numel() for p in model.parameters())
    print(f"parameters: {n_params} ({n_params * 4 / 1024:.0f} KiB as float32)", flush=True)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=args.iterations, pct_start=0.1)
    start = time.time()
    best, best_state, history = -1.0, None, []
    running = 0.0
    for it in range(1, args.iterations + 1):
        idx = rng.integers(0, len(train), size=args.batch)
        crops = [random_crop(rng, *train[i]) for i in idx]
        x = torch.from_numpy(np.stack([c[0] for c in crops]))[:, None]
        y = torch.from_numpy(np.stack([c[1] for c in crops]))
        logits = model(x)
        loss = F.cross_entropy(logits, y, weight=weights) + dice_loss(logits, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        running = 0.95 * running + 0.05 * loss.item() if it > 1 else loss.item()
        if it % 25 == 0:
            print(f"it {it} loss {running:.4f} {time.time() - start:.0f}s", flush=True)
        if it % args.eval_every == 0 or it == args.iterations:
            d = evaluate(model, val)
            mean = float(np.nanmean(list(d.values())))
            history.append({"iteration": it, "seconds": round(time.time() - start), "meanDice": mean})
            print(f"it {it} validation mean Dice {mean:.4f} " +
                  " ".join(f"{k}:{v:.3f}" for k, v in d.items()), flush=True)
            if mean > best:
                best, best_state, best_dice, best_it = mean, {k: v.clone() for k, v in model.state_dict().items()}, d, it
    elapsed = time.time() - start
    model.load_state_dict(best_state)
    model.eval()

    os.makedirs(args.out, exist_ok=True)
    example = torch.from_numpy(val[0][0])[None, None]
    traced = torch.jit.trace(model, example)
    path = os.path.join(args.out, "demo_ct_seg.pt")
    traced.save(path)
    sha = hashlib.sha256(open(path, "rb").read()).hexdigest()
    report = {"init": args.init, "classWeights": None if weights is None else [float(w) for w in weights],
              "iterations": args.iterations, "bestIteration": best_it, "batch": args.batch, "lr": args.lr,
              "seed": args.seed, "cropZyx": CROP_ZYX, "trainSeconds": round(elapsed), "parameters": n_params,
              "trainVariants": len(train), "validationVariants": len(val), "validationDice": best_dice,
              "validationMeanDice": best, "history": history, "sha256": sha, "torch": torch.__version__}
    with open(os.path.join(args.out, "training_report.json"), "w") as f:
        json.dump(report, f, indent=2)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
