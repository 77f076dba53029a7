"""Writes an SR document and a presentation state about an output image, with pydicom, for the DICOMDIR test.

usage: python3 media_extras.py <image file> <folder>

Both copy the image's patient and study, each in its own series: a Comprehensive SR (SR DOCUMENT
record) and a Grayscale Softcopy Presentation State referencing the image (PRESENTATION record).
"""
import os
import sys

from pydicom import dcmread
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian

PATIENT_STUDY = ['SpecificCharacterSet', 'PatientName', 'PatientID', 'PatientBirthDate', 'PatientSex',
                 'StudyInstanceUID', 'StudyDate', 'StudyTime', 'StudyID', 'AccessionNumber',
                 'ReferringPhysicianName', 'StudyDescription']


def base(image, sop_class, sop_instance, series, modality):
    ds = Dataset()
    for keyword in PATIENT_STUDY:
        if keyword in image:
            setattr(ds, keyword, image.data_element(keyword).value)
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = sop_instance
    ds.Modality = modality
    ds.SeriesInstanceUID = series
    ds.SeriesNumber = 9001 if modality == 'SR' else 9002
    ds.InstanceNumber = 1
    ds.Manufacturer = 'DICOM Ink tests'
    ds.ContentDate = image.StudyDate
    ds.ContentTime = '101500'
    return ds


def code(value, scheme, meaning):
    item = Dataset()
    item.CodeValue = value
    item.CodingSchemeDesignator = scheme
    item.CodeMeaning = meaning
    return item


def save(ds, path):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds.SOPClassUID
    meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta = meta
    ds.is_little_endian = True
    ds.is_implicit_VR = False
    ds.save_as(path, write_like_original=False)


def main(image_path, folder):
    image = dcmread(image_path, stop_before_pixels=True)
    os.makedirs(folder, exist_ok=True)

    sr = base(image, '1.2.840.10008.5.1.4.1.1.88.33', '2.25.1000000000000000000000000000001',
              '2.25.1000000000000000000000000000002', 'SR')
    sr.CompletionFlag = 'COMPLETE'
    sr.VerificationFlag = 'UNVERIFIED'
    sr.ValueType = 'CONTAINER'
    sr.ContinuityOfContent = 'SEPARATE'
    sr.ConceptNameCodeSequence = Sequence([code('126000', 'DCM', 'Imaging Measurement Report')])
    sr.ReferencedPerformedProcedureStepSequence = Sequence([])
    sr.PerformedProcedureCodeSequence = Sequence([])
    text = Dataset()
    text.RelationshipType = 'CONTAINS'
    text.ValueType = 'TEXT'
    text.ConceptNameCodeSequence = Sequence([code('121071', 'DCM', 'Finding')])
    text.TextValue = 'Boxes drawn by DICOM Ink'
    sr.ContentSequence = Sequence([text])
    save(sr, os.path.join(folder, 'report.sr'))

    pr = base(image, '1.2.840.10008.5.1.4.1.1.11.1', '2.25.1000000000000000000000000000003',
              '2.25.1000000000000000000000000000004', 'PR')
    pr.ContentLabel = 'BOXES'
    pr.ContentDescription = 'Detection boxes'
    pr.ContentCreatorName = 'INK^DICOM'
    pr.PresentationCreationDate = image.StudyDate
    pr.PresentationCreationTime = '101500'
    referenced_image = Dataset()
    referenced_image.ReferencedSOPClassUID = image.SOPClassUID
    referenced_image.ReferencedSOPInstanceUID = image.SOPInstanceUID
    referenced_series = Dataset()
    referenced_series.SeriesInstanceUID = image.SeriesInstanceUID
    referenced_series.ReferencedImageSequence = Sequence([referenced_image])
    pr.ReferencedSeriesSequence = Sequence([referenced_series])
    save(pr, os.path.join(folder, 'boxes.pr'))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
