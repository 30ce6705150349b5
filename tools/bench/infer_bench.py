#!/usr/bin/python3
"""Python torch side of `attest bench infer`: the reference sliding window
(tools/reference/sliding_window_ref.py, MONAI semantics) over a synthetic volume with the
benchmark TorchScript, timed over several runs with a fixed thread count. Prints one JSON line:
per-run seconds, median, peak RSS and the voxel count per label (to check Attest got the same).

Usage: /usr/bin/python3 tools/bench/infer_bench.py MODEL.pt --size X,Y,Z --roi 96 --overlap 0.25
       --batch 1 --threads N --runs 3
"""
import argparse
import json
import os
import pathlib
import statistics
import sys
import time

import numpy as np
import torch

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "reference"))
import sliding_window_ref as ref  # noqa: E402


def synthetic(nx, ny, nz):
    """The same values Attest's InferBenchmarkCommand builds: smooth, with structure on every axis."""
    z, y, x = np.meshgrid(np.arange(nz, dtype=np.float32), np.arange(ny, dtype=np.float32),
                          np.arange(nx, dtype=np.float32), indexing="ij")
    return (np.sin(x * np.float32(0.05)) * np.cos(y * np.float32(0.07)) + z * np.float32(0.002)).astype(np.float32)


def peak_rss_mib():
    """VmHWM of this process. Not getrusage: on Linux ru_maxrss carries the parent's peak across exec."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return -1.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--size", default="512,512,300")
    ap.add_argument("--roi", type=int, default=96)
    ap.add_argument("--overlap", type=float, default=0.25)
    ap.add_argument("--batch", type=int, default=1)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    nx, ny, nz = (int(v) for v in a.size.split(","))
    net = torch.jit.load(a.model).eval()
    image = torch.from_numpy(synthetic(nx, ny, nz))[None, None]
    roi = [a.roi] * 3
    times, counts = [], None
    for _ in range(a.runs):
        t0 = time.perf_counter()
        with torch.no_grad():
            scores = ref.sliding_window(image, roi, a.batch, net, a.overlap, "gaussian")
            labels = torch.argmax(scores[0], dim=0)
        times.append(time.perf_counter() - t0)
        counts = torch.bincount(labels.flatten(), minlength=scores.shape[1]).tolist()
        del scores, labels
    print(json.dumps({"tool": "python-torch", "torch": torch.__version__, "threads": torch.get_num_threads(),
                      "runsSeconds": times, "medianSeconds": statistics.median(times),
                      "peakRssMiB": peak_rss_mib(),
                      "labelCounts": counts}))


if __name__ == "__main__":
    main()
