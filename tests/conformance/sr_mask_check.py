"""Reads a TID 1500 report with pydicom and checks each mask finding's Image Region against the mask (JSON).

Independent of DICOM Ink's code: a finding's expected region is the bounding rectangle, on pixel edges, of
the pixels nibabel places its label on at the referenced source slice (phantom_findings.labels_on_slice).

  sr_mask_check.py SR SERIES_DIR MASK LABELS_JSON     LABELS_JSON: {"kidney": 1, "tumour": 2}
"""

import json
import os
import sys

import nibabel as nib
import numpy as np
import pydicom

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "findings"))
from phantom_findings import labels_on_slice, read_series  # noqa: E402


def groups(items):
    for item in items:
        name = item.ConceptNameCodeSequence[0].CodeMeaning if "ConceptNameCodeSequence" in item else ""
        if item.ValueType == "CONTAINER" and name == "Measurement Group":
            yield item
        elif "ContentSequence" in item:
            yield from groups(item.ContentSequence)


def main(sr_path, series_dir, mask_path, labels_json):
    value_of = json.loads(labels_json)
    report = pydicom.dcmread(sr_path)
    mask = nib.load(mask_path)
    slices = {str(ds.SOPInstanceUID): ds for _, ds in read_series(series_dir)}
    expected_pairs = set()
    for uid, ds in slices.items():
        labels = labels_on_slice(ds, mask)
        for name, value in value_of.items():
            if np.any(labels == value):
                expected_pairs.add((name, uid))
    findings = []
    for group in groups(report.ContentSequence):
        label, region, source = None, None, None
        for item in group.ContentSequence:
            name = item.ConceptNameCodeSequence[0].CodeMeaning
            if item.ValueType == "CODE" and name == "Finding":
                label = str(item.ConceptCodeSequence[0].CodeMeaning)
            if item.ValueType == "SCOORD":
                region = [float(v) for v in item.GraphicData]
                source = str(item.ContentSequence[0].ReferencedSOPSequence[0].ReferencedSOPInstanceUID)
        ds = slices[source]
        rows, cols = np.nonzero(labels_on_slice(ds, mask) == value_of[label])
        expected = [int(cols.min()), int(rows.min()), int(cols.max()) + 1, int(rows.max()) + 1]
        xs, ys = region[0::2], region[1::2]
        written = [min(xs), min(ys), max(xs), max(ys)]
        findings.append({"label": label, "instance": int(ds.InstanceNumber), "expected": expected, "written": written})
    result = {
        "findings": findings,
        "expectedFindings": len(expected_pairs),
        "regionErrors": sum(1 for f in findings if f["expected"] != f["written"]),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main(*sys.argv[1:5])
