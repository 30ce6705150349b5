#!/usr/bin/python3
"""Writes the benchmark 3D U-Net as TorchScript for `attest bench infer` (not committed: ~20 MB).

A MONAI-UNet-like network: channels 16-32-64-128-256, stride-2 down-sampling, two residual
conv units (Conv3d + InstanceNorm + PReLU) per level, transposed-conv up-sampling with skip
concatenation; 1 input channel, 14 output classes, seeded random weights (only speed matters).

Usage: /usr/bin/python3 tools/bench/make_unet.py OUT.pt
"""
import sys

import torch
import torch.nn as nn


def unit(cin, cout, stride=1):
    return nn.Sequential(nn.Conv3d(cin, cout, 3, stride=stride, padding=1), nn.InstanceNorm3d(cout, affine=True),
                         nn.PReLU())


class Res(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.body = nn.Sequential(unit(cin, cout, stride), unit(cout, cout))
        self.skip = nn.Conv3d(cin, cout, 3 if stride > 1 else 1, stride=stride, padding=1 if stride > 1 else 0)

    def forward(self, x):
        return self.body(x) + self.skip(x)


class UNet(nn.Module):
    def __init__(self, cin=1, classes=14, ch=(16, 32, 64, 128, 256)):
        super().__init__()
        self.down = nn.ModuleList()
        prev = cin
        for i, c in enumerate(ch):
            self.down.append(Res(prev, c, 2 if i < len(ch) - 1 else 1))
            prev = c
        self.up = nn.ModuleList()
        for i in range(len(ch) - 2, -1, -1):
            cout = ch[i - 1] if i > 0 else classes
            self.up.append(nn.ModuleDict({
                "t": nn.ConvTranspose3d(prev + ch[i] if i < len(ch) - 2 else prev + ch[i], ch[i], 3, stride=2,
                                        padding=1, output_padding=1),
                "r": Res(ch[i], cout, 1)}))
            prev = cout
        # Names kept simple for tracing.

    def forward(self, x):
        skips = []
        for d in self.down:
            x = d(x)
            skips.append(x)
        x = skips.pop()
        for u in self.up:
            s = skips.pop()
            x = u["t"](torch.cat([x, s], dim=1))
            x = u["r"](x)
        return x


if __name__ == "__main__":
    torch.manual_seed(0)
    net = UNet().eval()
    n = sum(p.numel() for p in net.parameters())
    x = torch.zeros(1, 1, 96, 96, 96)
    with torch.no_grad():
        y = net(x)
        traced = torch.jit.trace(net, x)
    traced.save(sys.argv[1])
    print(f"wrote {sys.argv[1]}: {n} parameters, output {tuple(y.shape)}")
