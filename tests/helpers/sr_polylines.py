"""Reads a TID 1500 SR with pydicom and prints, as JSON, every Planar ROI group's finding: the
tracking identifier, the finding type's meaning, the score, and the SCOORD's graphic type and points
with the referenced image's Instance Number (looked up among the source files of the folder given)."""
import json
import os
import sys

import pydicom


def named(item, code):
    names = getattr(item, "ConceptNameCodeSequence", [])
    return len(names) > 0 and names[0].CodeValue == code


def children(item):
    return list(getattr(item, "ContentSequence", []))


def main(report_path, source_folder):
    instance_of = {}
    for root, _, files in os.walk(source_folder):
        for name in files:
            ds = pydicom.dcmread(os.path.join(root, name), stop_before_pixels=True)
            instance_of[ds.SOPInstanceUID] = int(ds.get("InstanceNumber", 0))
    report = pydicom.dcmread(report_path)
    found = []
    for item in children(report):
        if not named(item, "126010"):
            continue
        for group in children(item):
            entry = {"template": group.ContentTemplateSequence[0].TemplateIdentifier}
            for child in children(group):
                if named(child, "112039"):
                    entry["tracking"] = child.TextValue
                elif named(child, "112040"):
                    entry["trackingUid"] = child.UID
                elif named(child, "121071"):
                    entry["finding"] = child.ConceptCodeSequence[0].CodeMeaning
                elif named(child, "246262008"):
                    entry["score"] = float(child.MeasuredValueSequence[0].NumericValue)
                elif child.ValueType == "SCOORD":
                    entry["graphicType"] = child.GraphicType
                    entry["points"] = [float(v) for v in child.GraphicData]
                    source = children(child)[0].ReferencedSOPSequence[0]
                    entry["instance"] = instance_of.get(source.ReferencedSOPInstanceUID)
                    frames = source.get("ReferencedFrameNumber")
                    entry["frame"] = int(frames) if frames is not None else 1
            found.append(entry)
    print(json.dumps(found))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
