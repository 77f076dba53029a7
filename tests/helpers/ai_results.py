"""Prints, per DICOM file given, what IHE AI Results asks of it, as pydicom reads it (JSON lines)."""
import json
import sys

import pydicom


def code(item):
    return [str(item.CodeValue), str(item.CodingSchemeDesignator), str(item.CodeMeaning)]


def equipment(ds):
    return [
        {
            'manufacturer': str(item.get('Manufacturer', '')),
            'model': str(item.get('ManufacturerModelName', '')),
            'versions': str(item.get('SoftwareVersions', '')),
            'deviceUid': str(item.get('DeviceUID', '')),
            'purpose': [code(p) for p in item.get('PurposeOfReferenceCodeSequence', [])],
        }
        for item in ds.get('ContributingEquipmentSequence', [])
    ]


def observer(ds):
    return {
        str(item.ConceptNameCodeSequence[0].CodeMeaning): str(item.get('TextValue', item.get('UID', '')))
        for item in ds.get('ContentSequence', [])
        if item.RelationshipType == 'HAS OBS CONTEXT' and item.ValueType in ('TEXT', 'UIDREF')
    }


def references(ds):
    return [
        str(item.ReferencedSOPSequence[0].ReferencedSOPInstanceUID)
        for item in ds.get('ContentSequence', [])
        if item.ValueType == 'IMAGE'
    ]


for path in sys.argv[1:]:
    ds = pydicom.dcmread(path, stop_before_pixels=True)
    print(json.dumps({
        'path': path,
        'sopClassUid': str(ds.SOPClassUID),
        'sopInstanceUid': str(ds.SOPInstanceUID),
        'instanceNumber': int(ds.get('InstanceNumber', 0) or 0),
        'seriesDescription': str(ds.get('SeriesDescription', '')),
        'title': code(ds.ConceptNameCodeSequence[0]) if 'ConceptNameCodeSequence' in ds else None,
        'equipment': equipment(ds),
        'observer': observer(ds),
        'references': references(ds),
    }))
