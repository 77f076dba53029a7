"""Reads a segmentation twin with pydicom and checks it against the NIfTI mask it was made from (JSON).

Independent of DICOM Ink's code: the expected pixels of each frame are the mask labels nibabel places on
the frame's referenced source slice (phantom_findings.labels_on_slice: pixel -> patient -> voxel).

  seg_twin_check.py SEG SERIES_DIR MASK LABELS_JSON     LABELS_JSON: {"kidney": 1, "tumour": 2}
"""

import json
import os
import sys

import nibabel as nib
import numpy as np
import pydicom

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "findings"))
from phantom_findings import labels_on_slice, read_series  # noqa: E402


def code(item):
    return [str(item.CodeValue), str(item.CodingSchemeDesignator), str(item.CodeMeaning)]


def main(seg_path, series_dir, mask_path, labels_json):
    value_of = json.loads(labels_json)
    seg = pydicom.dcmread(seg_path)
    frames = seg.pixel_array  # BINARY: pydicom unpacks the 1-bit frames
    if frames.ndim == 2:
        frames = frames[None]
    mask = nib.load(mask_path)
    slices = {str(ds.SOPInstanceUID): ds for _, ds in read_series(series_dir)}
    segments = {int(s.SegmentNumber): s for s in seg.SegmentSequence}
    result = {
        "bitsAllocated": int(seg.BitsAllocated),
        "frames": int(seg.NumberOfFrames),
        "pixelArrayShape": list(frames.shape),
        "frameErrors": 0,
        "positionErrors": 0,
        "framesExpected": 0,
        "unexpectedFrames": 0,
        "frameOfReferenceMatches": True,
        "studyMatches": True,
        "segments": [
            {
                "number": int(s.SegmentNumber),
                "label": str(s.SegmentLabel),
                "algorithmType": str(s.SegmentAlgorithmType),
                "algorithmName": str(s.get("SegmentAlgorithmName", "")),
                "lab": [int(v) for v in s.RecommendedDisplayCIELabValue],
                "category": code(s.SegmentedPropertyCategoryCodeSequence[0]),
                "type": code(s.SegmentedPropertyTypeCodeSequence[0]),
            }
            for s in seg.SegmentSequence
        ],
        "equipment": [
            {"manufacturer": str(e.Manufacturer), "model": str(e.ManufacturerModelName), "purpose": code(e.PurposeOfReferenceCodeSequence[0])}
            for e in seg.get("ContributingEquipmentSequence", [])
        ],
    }
    seen = set()
    for n, groups in enumerate(seg.PerFrameFunctionalGroupsSequence):
        number = int(groups.SegmentIdentificationSequence[0].ReferencedSegmentNumber)
        source = groups.DerivationImageSequence[0].SourceImageSequence[0]
        ds = slices.get(str(source.ReferencedSOPInstanceUID))
        if ds is None:
            result["unexpectedFrames"] += 1
            continue
        seen.add((number, str(ds.SOPInstanceUID)))
        position = [float(v) for v in groups.PlanePositionSequence[0].ImagePositionPatient]
        if not np.allclose(position, [float(v) for v in ds.ImagePositionPatient], atol=1e-6):
            result["positionErrors"] += 1
        value = value_of[str(segments[number].SegmentLabel)]
        expected = labels_on_slice(ds, mask) == value
        result["frameErrors"] += int(np.count_nonzero(expected != (frames[n] == 1)))
        if str(ds.FrameOfReferenceUID) != str(seg.FrameOfReferenceUID):
            result["frameOfReferenceMatches"] = False
        if str(ds.StudyInstanceUID) != str(seg.StudyInstanceUID):
            result["studyMatches"] = False
    # Frames only where a segment is present: every (segment, slice) with a pixel has a frame, no other.
    for uid, ds in slices.items():
        labels = labels_on_slice(ds, mask)
        for number, segment in segments.items():
            if np.any(labels == value_of[str(segment.SegmentLabel)]):
                result["framesExpected"] += 1
                if (number, uid) not in seen:
                    result["frameErrors"] += 1
    print(json.dumps(result))


if __name__ == "__main__":
    main(*sys.argv[1:5])
