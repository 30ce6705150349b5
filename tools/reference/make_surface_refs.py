#!/usr/bin/python3
"""Writes viewer/src/test/resources/reference/surface/vtk_discrete_marching_cubes.json.

VTK's vtkDiscreteMarchingCubes (the classic marching-cubes case table, vertices at edge
midpoints) run on the same masks that MarchingCubesVtkReferenceTest builds in Java: the
triangle and vertex counts, surface area and enclosed volume (vtkMassProperties) for

  * "sphere":  a ball of radius 12 mm on a 40 x 36 x 24 grid with spacing 0.8 x 1.0 x 1.5 mm,
  * "lattice": the same ball with a deterministic pattern of holes that produces every kind of
               ambiguous face and cube,
  * the TotalSegmentator example label map (../shared/data/nifti), several labels.

Each synthetic mask is padded by one background voxel so that VTK closes the surface at the
border as Attest does. Run with Debian's Python (VTK 9.1, nibabel, numpy):

    /usr/bin/python3 tools/reference/make_surface_refs.py [DATA_ROOT]

DATA_ROOT defaults to /work/shared/data. Deterministic: re-running gives the same file.
"""
import json
import os
import sys

import nibabel as nib
import numpy as np
import vtk
from vtk.util import numpy_support

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "viewer", "src", "test", "resources", "reference", "surface",
                   "vtk_discrete_marching_cubes.json")

SIZE = (40, 36, 24)
SPACING = (0.8, 1.0, 1.5)
CENTRE = (19.3, 17.6, 11.2)  # in voxel indices; off the lattice so no voxel sits exactly on the sphere
RADIUS = 12.0
TS_LABELS = [1, 2, 3, 5, 6, 20, 52, 86, 87]


def sphere():
    i, j, k = np.meshgrid(*(np.arange(n) for n in SIZE), indexing="ij")
    d2 = (((i - CENTRE[0]) * SPACING[0]) ** 2 + ((j - CENTRE[1]) * SPACING[1]) ** 2
          + ((k - CENTRE[2]) * SPACING[2]) ** 2)
    return d2 <= RADIUS * RADIUS


def lattice():
    i, j, k = np.meshgrid(*(np.arange(n) for n in SIZE), indexing="ij")
    return sphere() & ((i * 7 + j * 13 + k * 29) % 11 < 6)


def extract(mask_xyz, spacing, value=1):
    """mask_xyz is indexed [i, j, k]; returns VTK's surface facts for voxels equal to value."""
    padded = np.pad(mask_xyz, 1)
    image = vtk.vtkImageData()
    image.SetDimensions(*padded.shape)
    image.SetSpacing(*spacing)
    image.SetOrigin(*(-s for s in spacing))
    scalars = numpy_support.numpy_to_vtk(np.ascontiguousarray(padded.ravel(order="F")).astype(np.int32),
                                         deep=1)
    image.GetPointData().SetScalars(scalars)
    mc = vtk.vtkDiscreteMarchingCubes()
    mc.SetInputData(image)
    mc.SetValue(0, value)
    mc.ComputeNormalsOff()
    mc.ComputeGradientsOff()
    mc.Update()
    poly = mc.GetOutput()
    props = vtk.vtkMassProperties()
    props.SetInputData(poly)
    props.Update()
    return {
        "triangles": poly.GetNumberOfPolys(),
        "vertices": poly.GetNumberOfPoints(),
        "surface_area_mm2": round(props.GetSurfaceArea(), 6),
        "volume_mm3": round(props.GetVolume(), 6),
    }


def synthetic(name, mask):
    i, j, k = np.nonzero(mask)
    facts = extract(mask.astype(np.int32), SPACING)
    facts.update({
        "name": name,
        "voxels": int(mask.sum()),
        # A cheap fingerprint of the mask, so the Java test knows it built the same one.
        "index_sum": int(i.sum() + 1000 * j.sum() + 1000000 * k.sum()),
    })
    return facts


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
    img = nib.load(os.path.join(data, "nifti", "totalsegmentator_example_seg.nii.gz"))
    labels = np.asarray(img.dataobj).astype(np.int32)
    zooms = [float(z) for z in img.header.get_zooms()[:3]]
    real = []
    for label in TS_LABELS:
        facts = extract((labels == label).astype(np.int32), zooms)
        facts.update({"label": label, "voxels": int((labels == label).sum())})
        real.append(facts)
    out = {
        "generator": "tools/reference/make_surface_refs.py",
        "vtk_version": vtk.vtkVersion.GetVTKVersion(),
        "filter": "vtkDiscreteMarchingCubes (ComputeNormals off), vtkMassProperties; masks padded by one voxel",
        "grid": {"size": SIZE, "spacing_mm": SPACING, "centre_index": CENTRE, "radius_mm": RADIUS},
        "synthetic": [synthetic("sphere", sphere()), synthetic("lattice", lattice())],
        "totalsegmentator": {
            "file": "nifti/totalsegmentator_example_seg.nii.gz",
            "voxel_size_mm": zooms,
            "labels": real,
        },
    }
    with open(OUT, "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", os.path.relpath(OUT))


if __name__ == "__main__":
    main()
