"""Writes JPEG 2000 DICOM files labelled YBR_RCT / YBR_ICT whose codestreams were made by OpenJPEG's
opj_compress with the multiple component transform on and off (and one in a JP2 wrapper).

usage: python3 jpeg2000_colour_fixtures.py <folder>
Writes <folder>/source.ppm (the RGB truth: red, green, blue and white bars over a gradient) and one
.dcm per variant in VARIANTS.
"""
import os
import subprocess
import sys

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate

ROWS, COLUMNS = 32, 48
# name: (opj_compress options, output extension, photometric, transfer syntax)
VARIANTS = {
    'rct-mct-on': (['-mct', '1'], 'j2k', 'YBR_RCT', '1.2.840.10008.1.2.4.90'),
    'rct-mct-off': (['-mct', '0'], 'j2k', 'YBR_RCT', '1.2.840.10008.1.2.4.90'),
    'rct-jp2-mct-on': (['-mct', '1'], 'jp2', 'YBR_RCT', '1.2.840.10008.1.2.4.90'),
    'ict-mct-on': (['-I', '-mct', '1', '-r', '4'], 'j2k', 'YBR_ICT', '1.2.840.10008.1.2.4.91'),
    'ict-mct-off': (['-I', '-mct', '0', '-r', '4'], 'j2k', 'YBR_ICT', '1.2.840.10008.1.2.4.91'),
}


def truth():
    y, x = np.mgrid[0:ROWS, 0:COLUMNS]
    rgb = np.zeros((ROWS, COLUMNS, 3), dtype=np.uint8)
    rgb[..., 0] = (x * 5) % 256
    rgb[..., 1] = (y * 7) % 256
    rgb[..., 2] = 128
    bars = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 255)]
    for i, colour in enumerate(bars):
        rgb[4:12, 4 + i * 10 : 12 + i * 10] = colour
    return rgb


def wrap(codestream, photometric, syntax, index):
    ds = Dataset()
    ds.SOPClassUID = '1.2.840.10008.5.1.4.1.1.7'
    ds.SOPInstanceUID = f'1.2.826.0.1.3680043.8.498.8200{index}'
    ds.StudyInstanceUID = '1.2.826.0.1.3680043.8.498.8201'
    ds.SeriesInstanceUID = '1.2.826.0.1.3680043.8.498.8202'
    ds.Modality = 'OT'
    ds.SamplesPerPixel = 3
    ds.PhotometricInterpretation = photometric
    ds.PlanarConfiguration = 0
    ds.Rows = ROWS
    ds.Columns = COLUMNS
    ds.BitsAllocated = ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    ds.PixelData = encapsulate([codestream])
    ds['PixelData'].is_undefined_length = True
    ds['PixelData'].VR = 'OB'
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    meta.TransferSyntaxUID = syntax
    meta.ImplementationClassUID = '1.2.826.0.1.3680043.8.498.1'
    ds.file_meta = meta
    ds.is_implicit_VR = False
    ds.is_little_endian = True
    ds.preamble = b'\0' * 128
    return ds


if __name__ == '__main__':
    folder = sys.argv[1]
    os.makedirs(folder, exist_ok=True)
    ppm = os.path.join(folder, 'source.ppm')
    with open(ppm, 'wb') as out:
        out.write(b'P6\n%d %d\n255\n' % (COLUMNS, ROWS) + truth().tobytes())
    for index, (name, (options, extension, photometric, syntax)) in enumerate(VARIANTS.items()):
        encoded = os.path.join(folder, f'{name}.{extension}')
        subprocess.run(['opj_compress', '-i', ppm, '-o', encoded, *options], check=True, capture_output=True)
        with open(encoded, 'rb') as f:
            wrap(f.read(), photometric, syntax, index).save_as(
                os.path.join(folder, f'{name}.dcm'), write_like_original=False
            )
