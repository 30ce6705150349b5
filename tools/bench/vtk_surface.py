#!/usr/bin/python3
"""Times VTK's label-surface extraction on a NIfTI label map and prints JSON.

    /usr/bin/python3 tools/bench/vtk_surface.py LABELS.nii.gz [RUNS]

Both vtkDiscreteFlyingEdges3D and vtkDiscreteMarchingCubes get every label present as a contour
value and extract all surfaces in one call, as Attest's SurfaceBenchmark does (marching cubes
only, no smoothing or decimation). Only the Update() call is timed; reading the file and building
the vtkImageData are not. Prints the median over RUNS (default 5) in milliseconds, the triangle
count and VTK's thread count. Uses Debian's python3-vtk9, nibabel and numpy.
"""
import json
import statistics
import sys
import time

import nibabel as nib
import numpy as np
import vtk
from vtk.util import numpy_support


def image_of(path):
    img = nib.load(path)
    labels = np.asarray(img.dataobj).astype(np.int32)
    padded = np.pad(labels, 1)  # background border, so surfaces close at the volume edge as in Attest
    image = vtk.vtkImageData()
    image.SetDimensions(*padded.shape)
    image.SetSpacing(*[float(z) for z in img.header.get_zooms()[:3]])
    image.GetPointData().SetScalars(numpy_support.numpy_to_vtk(padded.ravel(order="F"), deep=1))
    return image, sorted(int(v) for v in np.unique(labels) if v != 0)


def time_filter(make, image, values, runs):
    times = []
    triangles = 0
    for _ in range(runs):
        f = make()
        f.SetInputData(image)
        for i, v in enumerate(values):
            f.SetValue(i, v)
        f.ComputeNormalsOff()
        f.ComputeGradientsOff()
        start = time.perf_counter()
        f.Update()
        times.append((time.perf_counter() - start) * 1000)
        triangles = f.GetOutput().GetNumberOfPolys()
    return {"median_ms": statistics.median(times), "runs_ms": times, "triangles": triangles}


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    image, values = image_of(path)
    out = {
        "file": path,
        "vtk_version": vtk.vtkVersion.GetVTKVersion(),
        "threads": vtk.vtkMultiThreader.GetGlobalDefaultNumberOfThreads(),
        "labels": len(values),
        "flying_edges": time_filter(vtk.vtkDiscreteFlyingEdges3D, image, values, runs),
        "marching_cubes": time_filter(vtk.vtkDiscreteMarchingCubes, image, values, runs),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
