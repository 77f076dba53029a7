"""Hostile finding files for tests/conformance/findings/finding-bombs.test.ts (issue 20).

seg PATH FRAMES: a BINARY Segmentation of 16x16 frames whose Number of Frames says FRAMES while it holds
one frame's Pixel Data (32 bytes) and one per-frame item: a few hundred bytes claiming millions of frames.
"""
import sys

import pydicom
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

SEG = "1.2.840.10008.5.1.4.1.1.66.4"


def write_seg(path, frames):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID = SEG, generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SOPClassUID, ds.SOPInstanceUID = SEG, meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.Modality = generate_uid(), generate_uid(), "SEG"
    ds.Rows = ds.Columns = 16
    ds.SamplesPerPixel, ds.PhotometricInterpretation, ds.PixelRepresentation = 1, "MONOCHROME2", 0
    ds.BitsAllocated = ds.BitsStored = 1
    ds.HighBit, ds.SegmentationType = 0, "BINARY"
    segment = pydicom.Dataset()
    segment.SegmentNumber, segment.SegmentLabel, segment.SegmentAlgorithmType = 1, "lesion", "MANUAL"
    ds.SegmentSequence = [segment]
    group, ident, position = pydicom.Dataset(), pydicom.Dataset(), pydicom.Dataset()
    ident.ReferencedSegmentNumber = 1
    position.ImagePositionPatient = [0, 0, 0]
    group.SegmentIdentificationSequence, group.PlanePositionSequence = [ident], [position]
    ds.PerFrameFunctionalGroupsSequence = [group]
    ds.NumberOfFrames = frames
    ds.PixelData = b"\xff" * 32
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.save_as(path, write_like_original=False)


if __name__ == "__main__":
    if sys.argv[1] == "seg":
        write_seg(sys.argv[2], int(sys.argv[3]))
