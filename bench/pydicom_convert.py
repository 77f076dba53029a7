#!/usr/bin/python3
"""The pydicom + numpy + Pillow way to do what `dicom-ink convert` does, as a pydicom user would write
it: one process, one file at a time. Read, rescale to HU, apply a window (LINEAR, PS3.3 C.11.2.1.2.1),
make RGB, draw each box with Pillow, and save an RGB Secondary Capture. Used by `npm run bench` as the
baseline; it makes no claim to DICOM Ink's conformance (no verification, random UIDs).

usage: pydicom_convert.py <input-dir> <out-dir> <boxes.csv> <center> <width>
"""
import csv
import os
import sys

import numpy as np
import pydicom
from PIL import Image, ImageDraw
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7"


def load_boxes(path):
    boxes = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            box = tuple(int(row[k]) for k in ("x1", "y1", "x2", "y2"))
            boxes.setdefault(row["file"], []).append(box)
    return boxes


def window(hu, center, width):
    low = center - 0.5 - (width - 1) / 2
    scaled = (hu - low) / (width - 1) * 255
    return np.clip(scaled, 0, 255).astype(np.uint8)


def convert(src, dst, boxes, center, width):
    ds = pydicom.dcmread(src)
    hu = ds.pixel_array.astype(np.float32) * float(ds.get("RescaleSlope", 1)) + float(
        ds.get("RescaleIntercept", 0)
    )
    gray = window(hu, center, width)
    image = Image.fromarray(gray).convert("RGB")
    draw = ImageDraw.Draw(image)
    for x1, y1, x2, y2 in boxes:
        draw.rectangle((x1, y1, x2, y2), outline=(255, 0, 0), width=4)
    ds.PhotometricInterpretation = "RGB"
    ds.SamplesPerPixel = 3
    ds.PlanarConfiguration = 0
    ds.BitsAllocated = 8
    ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    for keyword in ("RescaleSlope", "RescaleIntercept", "WindowCenter", "WindowWidth"):
        if keyword in ds:
            delattr(ds, keyword)
    ds.PixelData = image.tobytes()
    ds.SOPClassUID = SECONDARY_CAPTURE
    ds.SOPInstanceUID = generate_uid()
    ds.file_meta.MediaStorageSOPClassUID = SECONDARY_CAPTURE
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.ImageType = ["DERIVED", "SECONDARY"]
    ds.BurnedInAnnotation = "YES"
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    ds.save_as(dst, write_like_original=False)


def main():
    source, out, boxes_path, center, width = sys.argv[1:6]
    boxes = load_boxes(boxes_path)
    count = 0
    for folder, _dirs, names in os.walk(source):
        for name in sorted(names):
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, source).replace(os.sep, "/")
            convert(path, os.path.join(out, relative), boxes.get(relative, []), float(center), float(width))
            count += 1
    print(count)


if __name__ == "__main__":
    main()
