"""Compares a presentation state with the burned-in copies of the images it references (issue 21 point 5).

usage: python3 gsps_vs_copy.py <presentation state> <output folder>

For each graphic annotation, on the burned-in copy of its image (found by the copy's Source Image
Sequence): each text object's bounding box must hold a label strip (or the AI notice's), only black and
the layer's colour with some of that colour; each outline's layer colour must be drawn within REACH pixels of it (outlines
are as thick as --thickness, a mask's lies outside its region, and where a box and a mask outline meet the
one drawn last covers the other).
Prints JSON: texts (layer and text), layer colours by layer, and every mismatch.
"""
import json
import os
import sys

from pydicom import dcmread

REACH = 6

gsps = dcmread(sys.argv[1])
copies = {}
for root, _, files in os.walk(sys.argv[2]):
    for name in files:
        if name.startswith('.'):  # the output folder's version registry, not DICOM
            continue
        ds = dcmread(os.path.join(root, name))
        if 'SourceImageSequence' in ds and ds.Modality != 'PR' and 'PixelData' in ds:
            copies[ds.SourceImageSequence[0].ReferencedSOPInstanceUID] = ds.pixel_array

layers = {l.GraphicLayer: tuple(int(v) for v in l.GraphicLayerRecommendedDisplayRGBValue)
          for l in gsps.GraphicLayerSequence}
texts = []
mismatches = []
for ann in gsps.GraphicAnnotationSequence:
    uid = ann.ReferencedImageSequence[0].ReferencedSOPInstanceUID
    pixels = copies[uid]
    colour = layers[ann.GraphicLayer]
    for t in ann.get('TextObjectSequence', []):
        x0, y0 = (int(v) for v in t.BoundingBoxTopLeftHandCorner)
        x1, y1 = (int(v) for v in t.BoundingBoxBottomRightHandCorner)
        found = {tuple(int(c) for c in p) for p in pixels[y0:y1, x0:x1].reshape(-1, 3)}
        texts.append([ann.GraphicLayer, t.UnformattedTextValue])
        if colour not in found or not found <= {(0, 0, 0), colour}:
            mismatches.append(f'text {t.UnformattedTextValue!r} at {x0},{y0}: the copy has no label strip in {colour} there')
    for g in ann.get('GraphicObjectSequence', []):
        xs = [int(v) for v in g.GraphicData[0::2]]
        ys = [int(v) for v in g.GraphicData[1::2]]
        area = pixels[max(0, min(ys) - REACH):max(ys) + REACH, max(0, min(xs) - REACH):max(xs) + REACH].reshape(-1, 3)
        if colour not in {tuple(int(c) for c in p) for p in area}:
            mismatches.append(f'outline at {min(xs)},{min(ys)} on layer {ann.GraphicLayer}: no {colour} in the copy there')
print(json.dumps({'texts': texts, 'layers': {k: list(v) for k, v in layers.items()}, 'mismatches': mismatches}))
