"""Writes the small DICOM files that reproduce issue 8's reader defects, with pydicom.

usage: python3 robustness_fixtures.py <kind> <output path>

kinds:
  no-ts-implicit | no-ts-explicit | no-ts-big   File Meta without Transfer Syntax UID (0002,0010)
  cp246-explicit | cp246-implicit | cp246-big   a private sequence of undefined length stored as
                                                UN (CP-246) or, in implicit VR, as is
  tiny-pixel                                    a 2-byte Pixel Data and no Rows/Columns
  meta-only                                     a File Meta Information and no dataset
Each image is 4x4, 16 bits allocated, 12 stored, pixel i = 100 * i.
"""
import struct
import sys
from io import BytesIO

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian

ROWS = COLUMNS = 4


def image():
    ds = Dataset()
    ds.SOPClassUID = '1.2.840.10008.5.1.4.1.1.2'
    ds.SOPInstanceUID = '1.2.826.0.1.3680043.8.498.8100'
    ds.StudyDate = '20200101'
    ds.Modality = 'CT'
    ds.PatientName = 'Robust^Reader'
    ds.PatientID = 'ISSUE8'
    ds.StudyInstanceUID = '1.2.826.0.1.3680043.8.498.8101'
    ds.SeriesInstanceUID = '1.2.826.0.1.3680043.8.498.8102'
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = 'MONOCHROME2'
    ds.Rows = ROWS
    ds.Columns = COLUMNS
    ds.BitsAllocated = 16
    ds.BitsStored = 12
    ds.HighBit = 11
    ds.PixelRepresentation = 0
    ds.PixelData = (np.arange(ROWS * COLUMNS, dtype=np.uint16) * 100).tobytes()
    return ds


def file_meta(ds, transfer_syntax):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    if transfer_syntax:
        meta.TransferSyntaxUID = transfer_syntax
    meta.ImplementationClassUID = '1.2.826.0.1.3680043.8.498.1'
    return meta


ENCODINGS = {
    'implicit': (ImplicitVRLittleEndian, True, True),
    'explicit': (ExplicitVRLittleEndian, False, True),
    'big': (ExplicitVRBigEndian, False, False),
}


def encoded(ds, encoding, meta_names_syntax=True):
    uid, implicit, little = ENCODINGS[encoding]
    if not little and 'PixelData' in ds:
        # pydicom writes OW bytes as given: store them big endian (PS3.5 A.3).
        ds.PixelData = np.frombuffer(ds.PixelData, dtype='<u2').astype('>u2').tobytes()
    ds.file_meta = file_meta(ds, uid if meta_names_syntax else None)
    ds.is_implicit_VR = implicit
    ds.is_little_endian = little
    ds.preamble = b'\0' * 128
    out = BytesIO()
    ds.save_as(out, write_like_original=not meta_names_syntax)
    return out.getvalue()


def cp246(encoding):
    """A private sequence (0009,1001) of undefined length holding a nested one, in implicit VR LE
    (CP-246): written as UN in explicit VR datasets."""
    little = ENCODINGS[encoding][2]
    fmt = '<' if little else '>'

    def tag(group, element, order='<'):
        return struct.pack(order + 'HH', group, element)

    def implicit(group, element, value):
        return tag(group, element) + struct.pack('<I', len(value)) + value

    undefined = struct.pack('<I', 0xFFFFFFFF)
    zero = struct.pack('<I', 0)

    def item(content):
        return tag(0xFFFE, 0xE000) + undefined + content + tag(0xFFFE, 0xE00D) + zero

    end = tag(0xFFFE, 0xE0DD) + zero
    nested = tag(0x0009, 0x1003) + undefined + item(implicit(0x0009, 0x1004, b'deep')) + end
    value = item(implicit(0x0009, 0x1002, b'inner ') + nested) + end
    ds = image()
    ds.add_new(0x00090010, 'LO', 'ISSUE8')
    ds.add_new(0x00091001, 'UN', b'PLACEHOLDER!')
    data = encoded(ds, encoding)
    head = tag(0x0009, 0x1001, fmt)
    if encoding == 'implicit':
        old = head + struct.pack('<I', 12) + b'PLACEHOLDER!'
        new = head + undefined + value
    else:
        old = head + b'UN\0\0' + struct.pack(fmt + 'I', 12) + b'PLACEHOLDER!'
        new = head + b'UN\0\0' + undefined + value
    assert data.count(old) == 1
    return data.replace(old, new)


def build(kind):
    if kind.startswith('no-ts-'):
        return encoded(image(), kind[len('no-ts-'):], meta_names_syntax=False)
    if kind.startswith('cp246-'):
        return cp246(kind[len('cp246-'):])
    if kind == 'tiny-pixel':
        ds = image()
        del ds.Rows
        del ds.Columns
        ds.PixelData = b'\0\0'
        return encoded(ds, 'explicit')
    if kind == 'meta-only':
        ds = Dataset()
        ds.SOPClassUID = '1.2.840.10008.5.1.4.1.1.2'
        ds.SOPInstanceUID = '1.2.826.0.1.3680043.8.498.8103'
        data = encoded(ds, 'explicit')
        return data[: data.index(b'\x08\x00\x16\x00', 132)]  # cut at the first dataset element
    raise SystemExit(f'unknown fixture kind {kind}')


if __name__ == '__main__':
    with open(sys.argv[2], 'wb') as out:
        out.write(build(sys.argv[1]))
