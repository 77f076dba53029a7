"""Copies of a series with header changes, for the media tests (issue 21 point 7, issue 20 point 8).

usage: python3 media_variants.py <series folder> <out folder> no-study-date | two-patients

no-study-date: Study, Series and Content Date/Time removed; Acquisition Date/Time kept (20240115 093105).
two-patients: the same study, but instances 13 and later carry Patient ID PHANTOM-0002 (a mislabelled half).
"""
import os
import sys

from pydicom import dcmread

source, out, variant = sys.argv[1:4]
os.makedirs(out, exist_ok=True)
for name in sorted(os.listdir(source)):
    ds = dcmread(os.path.join(source, name))
    if variant == 'no-study-date':
        for keyword in ['StudyDate', 'StudyTime', 'SeriesDate', 'SeriesTime', 'ContentDate', 'ContentTime']:
            if keyword in ds:
                delattr(ds, keyword)
    elif variant == 'two-patients':
        if int(ds.InstanceNumber) >= 13:
            ds.PatientID = 'PHANTOM-0002'
    else:
        sys.exit(f'unknown variant {variant}')
    ds.save_as(os.path.join(out, name))
