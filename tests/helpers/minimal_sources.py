"""Writes sources with minimal headers, for the dciodvfy conformance test, with pydicom.

usage: python3 minimal_sources.py <folder>

Each file has only what an image needs (SOP Class/Instance, the Image Pixel Module) plus what its
name says: sc/ct/mr/cr = the SOP class; -breast / -chest = Body Part Examined (a paired and an
unpaired part); -old-forms = ACR-NEMA style dates and times (YYYY.MM.DD, HH:MM:SS.frac).
"""
import os
import sys
import warnings

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian

SOP_CLASSES = {
    'sc': '1.2.840.10008.5.1.4.1.1.7',
    'ct': '1.2.840.10008.5.1.4.1.1.2',
    'mr': '1.2.840.10008.5.1.4.1.1.4',
    'cr': '1.2.840.10008.5.1.4.1.1.1',
}
KINDS = ['sc', 'ct', 'mr', 'cr', 'ct-breast', 'ct-chest', 'sc-old-forms']


def source(kind, index):
    ds = Dataset()
    ds.SOPClassUID = SOP_CLASSES[kind.split('-')[0]]
    ds.SOPInstanceUID = f'1.2.826.0.1.3680043.8.498.9{index:03d}'
    if kind.endswith('-breast'):
        ds.BodyPartExamined = 'BREAST'
    if kind.endswith('-chest'):
        ds.BodyPartExamined = 'CHEST'
    if kind.endswith('-old-forms'):
        ds.PatientName = 'Old^Forms'
        ds.StudyDate = '1993.04.28'
        ds.StudyTime = '14:04:38.5'
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = 'MONOCHROME2'
    ds.Rows = ds.Columns = 8
    ds.BitsAllocated = ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    ds.PixelData = np.arange(64, dtype=np.uint8).tobytes()
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    meta.ImplementationClassUID = '1.2.826.0.1.3680043.8.498.1'
    ds.file_meta = meta
    ds.is_implicit_VR = False
    ds.is_little_endian = True
    ds.preamble = b'\0' * 128
    return ds


if __name__ == '__main__':
    warnings.simplefilter('ignore')  # pydicom warns about the old date forms, which are the point
    os.makedirs(sys.argv[1], exist_ok=True)
    for i, kind in enumerate(KINDS):
        source(kind, i).save_as(os.path.join(sys.argv[1], f'{kind}.dcm'), write_like_original=False)
