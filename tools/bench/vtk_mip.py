#!/usr/bin/python3
"""Peer timing for `attest bench render`: VTK's CPU ray caster on the same volume.

Renders a raw little-endian int16 volume (x fastest, then y, then z; physical value =
stored + intercept) with vtkFixedPointVolumeRayCastMapper into an offscreen window and prints
one JSON line with the wall time of each render call. Only the Render() calls are timed: reading
the file, building the pipeline and a first warm-up render (which also builds VTK's gradient
tables for composite shading) are not.

The camera matches Attest's OrbitCamera for azimuth a (elevation 0): orthographic, looking from
the patient's front (rays +y) with head up and patient left (+x) on the image's right, turned by
a degrees about +z per run as Attest's benchmark does, parallel scale fitting the bounding sphere.

Usage (Debian's /usr/bin/python3 with python3-vtk9 and numpy; VTK's X window needs a display,
so run it under xvfb-run when there is none):

  vtk_mip.py --raw VOL.raw --dims 512 512 300 --spacing 0.7 0.7 1.0 --intercept -1024 \
      --mode mip|composite --width 512 --height 512 --sample-mm 0.7 --runs 5

Output: {"tool": "vtk", "vtkVersion": ..., "mode": ..., "threads": ..., "renderMs": [...],
"medianMs": ..., "cpuMs": [...], "cpuMedianMs": ...} (cpu: processor time of all the process's threads)
"""
import argparse
import json
import math
import statistics
import time

import numpy as np
import vtk
from vtk.util import numpy_support


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--raw", required=True)
    p.add_argument("--dims", type=int, nargs=3, required=True)
    p.add_argument("--spacing", type=float, nargs=3, required=True)
    p.add_argument("--intercept", type=float, default=0.0)
    p.add_argument("--mode", choices=["mip", "composite"], default="mip")
    p.add_argument("--width", type=int, default=512)
    p.add_argument("--height", type=int, default=512)
    p.add_argument("--sample-mm", type=float, required=True)
    p.add_argument("--azimuth-step", type=float, default=1.0)
    p.add_argument("--runs", type=int, default=5)
    a = p.parse_args()

    nx, ny, nz = a.dims
    stored = np.fromfile(a.raw, dtype="<i2", count=nx * ny * nz)
    # Shift to HU once, as the mapper has no rescale: int16 holds -1024..3071 HU without overflow.
    hu = (stored.astype(np.int32) + int(a.intercept)).astype(np.int16)
    image = vtk.vtkImageData()
    image.SetDimensions(nx, ny, nz)
    image.SetSpacing(*a.spacing)
    image.SetOrigin(0, 0, 0)
    image.GetPointData().SetScalars(numpy_support.numpy_to_vtk(hu, deep=True, array_type=vtk.VTK_SHORT))

    mapper = vtk.vtkFixedPointVolumeRayCastMapper()
    mapper.SetInputData(image)
    mapper.SetAutoAdjustSampleDistances(0)
    mapper.SetSampleDistance(a.sample_mm)
    mapper.SetImageSampleDistance(1.0)
    prop = vtk.vtkVolumeProperty()
    prop.SetInterpolationTypeToLinear()
    colour = vtk.vtkColorTransferFunction()
    opacity = vtk.vtkPiecewiseFunction()
    if a.mode == "mip":
        mapper.SetBlendModeToMaximumIntensity()
        colour.AddRGBPoint(-1024, 0, 0, 0)
        colour.AddRGBPoint(1500, 1, 1, 1)
        opacity.AddPoint(-1024, 1)
        opacity.AddPoint(3071, 1)
    else:
        # Attest's CT bone preset (opacity per mm; VTK's unit distance is 1 mm here too).
        mapper.SetBlendModeToComposite()
        prop.ShadeOn()
        for v, rgb, op in [(150, 0x000000, 0), (200, 0xD9B88C, 0.15), (400, 0xF2E6CC, 0.7), (1200, 0xFFFFF5, 0.95)]:
            colour.AddRGBPoint(v, ((rgb >> 16) & 255) / 255, ((rgb >> 8) & 255) / 255, (rgb & 255) / 255)
            opacity.AddPoint(v, op)
    prop.SetColor(colour)
    prop.SetScalarOpacity(opacity)
    volume = vtk.vtkVolume()
    volume.SetMapper(mapper)
    volume.SetProperty(prop)

    renderer = vtk.vtkRenderer()
    renderer.AddVolume(volume)
    renderer.SetBackground(0, 0, 0)
    window = vtk.vtkRenderWindow()
    window.SetOffScreenRendering(1)
    window.SetSize(a.width, a.height)
    window.AddRenderer(renderer)

    centre = [(n - 1) * s / 2 for n, s in zip(a.dims, a.spacing)]
    radius = math.sqrt(sum((n * s / 2) ** 2 for n, s in zip(a.dims, a.spacing)))
    cam = renderer.GetActiveCamera()
    cam.ParallelProjectionOn()
    cam.SetFocalPoint(*centre)
    cam.SetPosition(centre[0], centre[1] - 4 * radius, centre[2])  # in front: rays travel +y
    cam.SetViewUp(0, 0, 1)
    cam.SetParallelScale(radius * max(1.0, a.height / min(a.width, a.height)))
    renderer.ResetCameraClippingRange()

    window.Render()  # warm-up: pipeline, texture, gradient tables
    times = []
    cpu = []
    for _ in range(a.runs):
        cam.Azimuth(a.azimuth_step)  # a right-handed turn about +z, as Attest's azimuth
        renderer.ResetCameraClippingRange()
        c0 = time.process_time()  # all threads of the process: robust when other jobs share the cores
        t0 = time.perf_counter()
        window.Render()
        times.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    print(json.dumps({
        "tool": "vtk",
        "vtkVersion": vtk.vtkVersion.GetVTKVersion(),
        "mapper": "vtkFixedPointVolumeRayCastMapper",
        "mode": a.mode,
        "threads": mapper.GetNumberOfThreads(),
        "sampleMm": a.sample_mm,
        "renderMs": [round(t, 3) for t in times],
        "medianMs": round(statistics.median(times), 3),
        "cpuMs": [round(t, 3) for t in cpu],
        "cpuMedianMs": round(statistics.median(cpu), 3),
    }))


if __name__ == "__main__":
    main()
