#!/usr/bin/python3
"""Reference implementation of Attest's inference pipeline, independent of the Java code.

Written from MONAI's documented semantics (sliding_window_inference, dense_patch_slices,
compute_importance_map, Spacing, NormalizeIntensity, ScaleIntensityRangePercentiles,
KeepLargestConnectedComponent), not from Attest's Java. Used by
tools/fixtures/make_sliding_window_refs.py to write the expected outputs the Java tests compare
with, and by tools/bench/infer_bench.py to time Python torch beside DJL.

Conventions: a grid is (affine, shape) with affine a 4x4 index (i, j, k) -> LPS mm matrix and
shape (nx, ny, nz); arrays are numpy in memory order [z, y, x].

Run with Debian's Python: /usr/bin/python3 (torch 1.13, numpy, scipy).
"""
import itertools
import math

import numpy as np
import torch
import torch.nn.functional as F

LETTERS = {"L": (0, 1), "R": (0, -1), "P": (1, 1), "A": (1, -1), "S": (2, 1), "I": (2, -1)}


# ---------------------------------------------------------------- geometry

def reorient(affine, shape, code):
    """Permute/flip axes so +i, +j, +k point to the letters of code (no rotation)."""
    new_cols, new_shape = [], []
    origin = affine[:3, 3].copy()
    for letter in code.upper():
        pax, sign = LETTERS[letter]
        src = int(np.argmax([abs(affine[pax, c]) for c in range(3)]))
        col = affine[:3, src].copy()
        if np.sign(col[pax]) != sign:
            origin = origin + col * (shape[src] - 1)
            col = -col
        new_cols.append(col)
        new_shape.append(shape[src])
    out = np.eye(4)
    for i in range(3):
        out[:3, i] = new_cols[i]
    out[:3, 3] = origin
    return out, tuple(new_shape)


def plan_grid(affine, shape, spacing=None, orientation=None):
    """MONAI-Spacing-like: same first voxel centre and extent, n' = round((n-1) s / s') + 1."""
    if orientation is not None:
        affine, shape = reorient(affine, shape, orientation)
    if spacing is None:
        return affine, tuple(shape)
    out = affine.copy()
    new_shape = []
    for a in range(3):
        s = np.linalg.norm(affine[:3, a])
        new_shape.append(max(1, int(np.round((shape[a] - 1) * s / spacing[a])) + 1))
        out[:3, a] = affine[:3, a] / s * spacing[a]
    return out, tuple(new_shape)


def _source_coords(src_grid, dst_grid):
    """Continuous source index (x, y, z) of every destination voxel, shape [nz, ny, nx, 3]."""
    (sa, _), (da, dshape) = src_grid, dst_grid
    m = np.linalg.inv(sa) @ da
    k, j, i = np.meshgrid(np.arange(dshape[2]), np.arange(dshape[1]), np.arange(dshape[0]), indexing="ij")
    ijk = np.stack([i, j, k, np.ones_like(i)], axis=-1).astype(np.float64)
    return (ijk @ m.T)[..., :3]


def resample_trilinear(arr, src_grid, dst_grid):
    """Trilinear with border clamping, by torch grid_sample (align_corners=True) in float64."""
    if np.allclose(src_grid[0], dst_grid[0]) and tuple(src_grid[1]) == tuple(dst_grid[1]):
        return arr.astype(np.float32).copy()
    c = _source_coords(src_grid, dst_grid)
    shape = src_grid[1]
    norm = np.empty_like(c)
    for a in range(3):
        n = shape[a]
        norm[..., a] = 0.0 if n == 1 else 2.0 * np.clip(c[..., a], 0, n - 1) / (n - 1) - 1.0
    t = torch.from_numpy(arr.astype(np.float64))[None, None]
    g = torch.from_numpy(norm)[None]
    out = F.grid_sample(t, g, mode="bilinear", padding_mode="border", align_corners=True)
    return out[0, 0].numpy().astype(np.float32)


def resample_nearest(labels, src_grid, dst_grid):
    """Nearest voxel, ties rounded up (floor(c + 0.5)), clamped to the grid."""
    c = _source_coords(src_grid, dst_grid)
    shape = src_grid[1]
    idx = [np.clip(np.floor(c[..., a] + 0.5).astype(np.int64), 0, shape[a] - 1) for a in range(3)]
    return labels[idx[2], idx[1], idx[0]]


# ---------------------------------------------------------------- intensities

def normalise(arr, kind, lower=0.0, upper=0.0, clip=False, nonzero=False):
    v = arr.astype(np.float64)
    if kind == "NONE":
        out = v
    elif kind == "WINDOW":
        out = (np.clip(v, lower, upper) - lower) / (upper - lower)
    elif kind == "ZSCORE":
        mask = v != 0 if nonzero else np.ones(v.shape, bool)
        out = v.copy()
        if mask.any():
            mean, std = v[mask].mean(), v[mask].std()
            out[mask] = (v[mask] - mean) / (std if std != 0 else 1.0)
    elif kind == "PERCENTILE":
        lo, hi = np.percentile(v, lower), np.percentile(v, upper)
        out = (v - lo) / ((hi - lo) if hi != lo else 1.0)
        if clip:
            out = np.clip(out, 0, 1)
    elif kind == "MINMAX":
        lo, hi = v.min(), v.max()
        out = (v - lo) / ((hi - lo) if hi != lo else 1.0)
    else:
        raise ValueError(kind)
    return out.astype(np.float32)


# ---------------------------------------------------------------- sliding window

def importance_map(roi, mode="gaussian", sigma_scale=0.125):
    if mode == "constant":
        return torch.ones(roi, dtype=torch.float32)
    m = None
    for a, r in enumerate(roi):
        x = np.arange(r, dtype=np.float64) - (r - 1) / 2.0
        g = np.exp(-x ** 2 / (2 * (r * sigma_scale) ** 2))
        shape = [1] * len(roi)
        shape[a] = r
        g = g.reshape(shape)
        m = g if m is None else m * g
    m = m.astype(np.float32)
    m = np.maximum(m, max(float(m.min()), 1e-3))
    return torch.from_numpy(m)


def window_starts(size, roi, overlap):
    """Per axis: the start positions in the padded image, last one aligned to the end."""
    out = []
    for n, r in zip(size, roi):
        interval = r if r == n else max(1, int(r * (1 - overlap)))
        starts = []
        for d in range(int(math.ceil(n / interval)) + 1):
            s = d * interval
            if s + r >= n:
                starts.append(n - r)
                break
            starts.append(s)
        out.append(starts)
    return out


def sliding_window(image, roi, sw_batch_size, predictor, overlap=0.25, mode="gaussian", sigma_scale=0.125):
    """image: torch [1, C, *spatial] (float32), roi in the same axis order; returns [1, K, *spatial]."""
    spatial = list(image.shape[2:])
    pads = []
    for n, r in zip(spatial, roi):
        diff = max(r - n, 0)
        pads.append((diff // 2, diff - diff // 2))
    # F.pad takes the last axis first.
    flat = [p for pair in reversed(pads) for p in pair]
    padded = F.pad(image, flat, mode="constant", value=0.0)
    psize = list(padded.shape[2:])
    starts = list(itertools.product(*window_starts(psize, roi, overlap)))
    imp = importance_map(roi, mode, sigma_scale)
    out, count = None, torch.zeros([1, 1] + psize, dtype=torch.float32)
    with torch.no_grad():
        for b in range(0, len(starts), sw_batch_size):
            group = starts[b:b + sw_batch_size]
            sl = [tuple(slice(s, s + r) for s, r in zip(st, roi)) for st in group]
            batch = torch.cat([padded[(slice(None), slice(None)) + s] for s in sl])
            pred = predictor(batch).float()
            if out is None:
                out = torch.zeros([1, pred.shape[1]] + psize, dtype=torch.float32)
            for n, s in enumerate(sl):
                out[(slice(None), slice(None)) + s] += imp * pred[n:n + 1]
                count[(slice(None), slice(None)) + s] += imp
    out = out / count
    crop = tuple(slice(p[0], p[0] + n) for p, n in zip(pads, spatial))
    return out[(slice(None), slice(None)) + crop]


# ---------------------------------------------------------------- post-processing

def activate(scores, activation):
    """scores torch [K, ...]; returns (activated, labels) like MONAI Activations + AsDiscrete(argmax)."""
    if activation == "softmax":
        probs = torch.softmax(scores.double(), dim=0).float()
        labels = torch.argmax(scores, dim=0)
    elif activation == "sigmoid":
        probs = torch.sigmoid(scores.double()).float()
        labels = (probs[0] > 0.5).long() if scores.shape[0] == 1 else torch.argmax(scores, dim=0)
    else:
        probs = scores
        labels = torch.argmax(scores, dim=0)
    return probs, labels


def largest_component(labels, connectivity):
    """Per non-zero label keep only its largest component (scipy.ndimage.label; 6 = faces, 26 = full)."""
    from scipy import ndimage
    structure = ndimage.generate_binary_structure(3, 1 if connectivity == 6 else 3)
    out = labels.copy()
    for value in np.unique(labels):
        if value == 0:
            continue
        comp, n = ndimage.label(labels == value, structure=structure)
        if n <= 1:
            continue
        sizes = np.bincount(comp.ravel())[1:]
        keep = int(np.argmax(sizes)) + 1
        out[(comp != keep) & (comp != 0)] = 0
    return out


def run_pipeline(volume_zyx, src_grid, predictor, *, spacing=None, orientation=None, axis_order="zyx",
                 norm=("NONE", 0, 0, False, False), roi_xyz=None, overlap=0.25, batch=1, mode="gaussian",
                 activation="softmax", lcc=None):
    """The whole path: returns (labels on the source grid [z, y, x], {class: probability on the source grid})."""
    net_grid = plan_grid(src_grid[0], src_grid[1], spacing, orientation)
    x = resample_trilinear(volume_zyx, src_grid, net_grid)
    x = normalise(x, *norm)
    t = torch.from_numpy(x)[None, None]
    roi = list(reversed(roi_xyz)) if roi_xyz is not None else list(t.shape[2:])
    if axis_order == "xyz":
        t = t.permute(0, 1, 4, 3, 2).contiguous()
        roi = list(reversed(roi))
    scores = sliding_window(t, roi, batch, predictor, overlap, mode)
    if axis_order == "xyz":
        scores = scores.permute(0, 1, 4, 3, 2).contiguous()
    probs, labels = activate(scores[0], activation)
    labels_src = resample_nearest(labels.numpy().astype(np.int16), net_grid, src_grid)
    if lcc is not None:
        labels_src = largest_component(labels_src, lcc)
    probs_src = {c: resample_trilinear(probs[c].numpy(), net_grid, src_grid) for c in range(probs.shape[0])}
    return labels_src, probs_src, net_grid
