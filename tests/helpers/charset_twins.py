"""Sources in many Specific Character Sets, and every text value of written objects decoded (pydicom).

  charset_twins.py make <template.dcm> <folder> <cases.json>
      cases: [{"name": file name, "id": Study ID, "charset": (0008,0005) or "", "patient": PN,
      "study": LO, "TimezoneOffsetFromUTC" and "explanation" (of a 40/400 window): optional}];
      one study per case (its own UIDs), PatientName and StudyDescription in that charset.
  charset_twins.py odil <file>...
      prints JSON: per file, its Patient Name as odil decodes it.
  charset_twins.py read <file>...
      prints JSON: per file, its (0008,0005) and every text value (path -> value), decoded by pydicom.
"""
import json
import re
import sys

import pydicom
from pydicom.uid import generate_uid

# pydicom 2.3 counts GB 2312 among the encodings whose Python codec strips escape sequences, but its
# codec keeps ESC $ ) A (the G1 designation of PS3.5 K.2) in the text: let pydicom strip it itself.
pydicom.charset.handled_encodings = ('iso2022_jp', 'iso2022_jp_2')

TEXT_VRS = {'AE', 'AS', 'CS', 'DA', 'DS', 'DT', 'IS', 'LO', 'LT', 'PN', 'SH', 'ST', 'TM', 'UC', 'UI', 'UR', 'UT'}


def gb2312_with_escapes(text):
    """GB 2312 text with its G1 designation before each run (PS3.5 K.2): pydicom 2.3 leaves it out."""
    out = b''
    for part in re.split(r'([\^=])', text):
        if part.isascii():
            out += part.encode('ascii')
        else:
            out += b'\x1b$)A' + part.encode('gb2312')
    return out


def make(template, folder, cases_path):
    with open(cases_path, encoding='utf-8') as f:
        cases = json.load(f)
    for case in cases:
        ds = pydicom.dcmread(template)
        if case['charset']:
            ds.SpecificCharacterSet = case['charset'].split('\\')
        elif 'SpecificCharacterSet' in ds:
            del ds.SpecificCharacterSet
        ds.PatientName = case['patient']
        ds.StudyDescription = case['study']
        if 'ISO 2022 IR 58' in case['charset']:
            ds[0x00100010].value = gb2312_with_escapes(case['patient'])
            ds[0x00081030].value = gb2312_with_escapes(case['study'])
        ds.StudyID = case['id']
        ds.StudyInstanceUID = generate_uid()
        ds.SeriesInstanceUID = generate_uid()
        ds.SOPInstanceUID = generate_uid()
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        if 'explanation' in case:
            ds.WindowCenter, ds.WindowWidth = 40, 400
            ds.WindowCenterWidthExplanation = case['explanation']
        if 'TimezoneOffsetFromUTC' in case:
            ds.TimezoneOffsetFromUTC = case['TimezoneOffsetFromUTC']
        ds.save_as(f"{folder}/{case['name']}", write_like_original=False)


def values(dataset, prefix, out):
    for element in dataset:
        path = f'{prefix}{element.keyword or element.tag}'
        if element.VR == 'SQ':
            for index, item in enumerate(element.value):
                values(item, f'{path}[{index}].', out)
        elif element.VR in TEXT_VRS and element.value is not None:
            value = element.value
            if isinstance(value, pydicom.multival.MultiValue):
                value = '\\'.join(str(v) for v in value)
            out[path] = str(value)


def odil_names(paths):
    """Patient Name of each file as odil decodes it."""
    import odil

    result = {}
    for path in paths:
        _, ds = odil.Reader.read_file(path)
        charset = ds[odil.registry.SpecificCharacterSet] if ds.has(odil.registry.SpecificCharacterSet) else None
        raw = ds.as_string(odil.registry.PatientName)[0]
        result[path] = odil.as_unicode(raw, charset, True) if charset is not None else raw.decode('ascii')
    json.dump(result, sys.stdout, ensure_ascii=False)


def read(paths):
    result = {}
    for path in paths:
        ds = pydicom.dcmread(path)
        ds.decode()
        out = {}
        values(ds, '', out)
        result[path] = {'charset': out.get('SpecificCharacterSet', ''), 'values': out}
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    if sys.argv[1] == 'make':
        make(sys.argv[2], sys.argv[3], sys.argv[4])
    elif sys.argv[1] == 'odil':
        odil_names(sys.argv[2:])
    else:
        read(sys.argv[2:])
