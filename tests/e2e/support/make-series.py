"""Writes a synthetic N-slice series from one real CT file (for the performance spec).

Each copy gets its own SOP Instance UID, InstanceNumber, ImagePositionPatient and SliceLocation, and its
pixels shifted by the slice index so that consecutive slices differ. Usage: make-series.py SOURCE OUT N
"""
import sys

import numpy as np
import pydicom
from pydicom.uid import generate_uid

source, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
template = pydicom.dcmread(source)
pixels = template.pixel_array
series_uid = generate_uid()
for index in range(count):
    ds = template.copy()
    ds.SeriesInstanceUID = series_uid
    ds.SeriesDescription = f"Performance {count} slices"
    ds.SOPInstanceUID = generate_uid()
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.InstanceNumber = index + 1
    ds.ImagePositionPatient = [-125.0, -125.0, -index * 1.25]
    ds.SliceLocation = -index * 1.25
    ds.PixelData = np.roll(pixels, index, axis=1).astype(pixels.dtype).tobytes()
    ds.save_as(f"{out}/IM{index + 1:04d}", write_like_original=False)
