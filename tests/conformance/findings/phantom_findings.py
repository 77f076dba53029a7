"""Fixtures and the independent oracle for the findings tests (masks, SEG, 3D boxes, COCO, YOLO).

Written with pydicom, nibabel and numpy only, never with DICOM Ink's code: the series, the masks in the
geometries real tools write, and the expected burned pixels all come from here, so the TypeScript under
test is checked against a second, separate reading of the DICOM and NIfTI geometry rules.

  series DIR NAME [--oblique]       a phantom CT series (48 columns x 40 rows x 12 slices, non-square pixels)
  masks SERIES_DIR OUT_DIR           label masks of that series in several geometries (+ refusal cases)
  oracle SERIES_DIR OUTPUT_DIR MASK T [--style outline|box]
                                     compares every output slice with the outline computed here (JSON)
"""

import json
import os
import sys

import nibabel as nib
import numpy as np
import pydicom
from pydicom.dataset import FileDataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

COLUMNS, ROWS, SLICES = 48, 40, 12
ROW_SPACING, COLUMN_SPACING, SLICE_SPACING = 0.8, 0.7, 2.5
OKABE_ITO = [(230, 159, 0), (86, 180, 233), (0, 158, 115), (240, 228, 66), (0, 114, 178), (213, 94, 0), (204, 121, 167)]


def rotation(z_deg, x_deg):
    z, x = np.radians(z_deg), np.radians(x_deg)
    rz = np.array([[np.cos(z), -np.sin(z), 0], [np.sin(z), np.cos(z), 0], [0, 0, 1]])
    rx = np.array([[1, 0, 0], [0, np.cos(x), -np.sin(x)], [0, np.sin(x), np.cos(x)]])
    return rz @ rx


def write_series(out_dir, name, oblique):
    os.makedirs(out_dir, exist_ok=True)
    r = rotation(30, 20) if oblique else np.eye(3)
    row_dir, col_dir, normal = r[:, 0], r[:, 1], r[:, 2]
    origin = np.array([-20.3, -15.1, 30.0])
    study, series, frame = generate_uid(), generate_uid(), generate_uid()
    for k in range(SLICES):
        ipp = origin + k * SLICE_SPACING * normal
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
        meta.MediaStorageSOPInstanceUID = generate_uid()
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
        ds.SOPClassUID = meta.MediaStorageSOPClassUID
        ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
        ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.FrameOfReferenceUID = study, series, frame
        ds.Modality = "CT"
        ds.PatientName, ds.PatientID = "PHANTOM^FINDINGS", "FINDINGS-1"
        ds.StudyDate, ds.StudyTime, ds.AccessionNumber, ds.ReferringPhysicianName = "20240101", "120000", "", ""
        ds.StudyID, ds.SeriesNumber, ds.Manufacturer = "1", 1, "test"
        ds.SeriesDescription = f"phantom {name}"
        ds.PatientBirthDate, ds.PatientSex = "", "O"
        # instance numbers run against the position, so file order proves nothing
        ds.InstanceNumber = SLICES - k
        ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
        ds.ImagePositionPatient = [float(f"{v:.6f}") for v in ipp]
        ds.ImageOrientationPatient = [float(f"{v:.8f}") for v in list(row_dir) + list(col_dir)]
        ds.PixelSpacing = [ROW_SPACING, COLUMN_SPACING]
        ds.SliceThickness = SLICE_SPACING
        ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
        ds.Rows, ds.Columns = ROWS, COLUMNS
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 0
        ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = -1024, 1, "HU"
        ds.KVP, ds.AcquisitionNumber = 120, 1
        yy, xx = np.mgrid[0:ROWS, 0:COLUMNS]
        ds.PixelData = (1024 + 20 * xx + 5 * yy + 3 * k).astype("<u2").tobytes()
        ds.is_little_endian, ds.is_implicit_VR = True, False
        ds.save_as(os.path.join(out_dir, f"IM{k * 7 % SLICES + 1:04d}.dcm"), write_like_original=False)


def output_file(output_dir, series_dir, name):
    """Where the CLI writes a folder input's file: --out/<folder name>/<relative path>."""
    return os.path.join(output_dir, os.path.basename(os.path.normpath(series_dir)), name)


def read_series(series_dir):
    slices = []
    for name in sorted(os.listdir(series_dir)):
        path = os.path.join(series_dir, name)
        ds = pydicom.dcmread(path)
        slices.append((name, ds))
    iop = np.array(slices[0][1].ImageOrientationPatient, dtype=float)
    normal = np.cross(iop[:3], iop[3:])
    slices.sort(key=lambda s: float(np.dot(np.array(s[1].ImagePositionPatient, dtype=float), normal)))
    return slices


def series_affine_lps(slices):
    """index (column, row, slice) -> LPS, from the first and last slice positions."""
    ds0 = slices[0][1]
    iop = np.array(ds0.ImageOrientationPatient, dtype=float)
    ps = [float(v) for v in ds0.PixelSpacing]
    p0 = np.array(ds0.ImagePositionPatient, dtype=float)
    pn = np.array(slices[-1][1].ImagePositionPatient, dtype=float)
    a = np.eye(4)
    a[:3, 0] = iop[:3] * ps[1]
    a[:3, 1] = iop[3:] * ps[0]
    a[:3, 2] = (pn - p0) / (len(slices) - 1)
    a[:3, 3] = p0
    return a


LPS_TO_RAS = np.diag([-1.0, -1.0, 1.0, 1.0])


def label_volume():
    """labels[slice, row, column]: an asymmetric L (label 1) and a ball (label 2), apart from each other."""
    lab = np.zeros((SLICES, ROWS, COLUMNS), dtype=np.int32)
    lab[2:6, 6:18, 5:9] = 1
    lab[2:6, 14:18, 5:20] = 1
    zz, yy, xx = np.mgrid[0:SLICES, 0:ROWS, 0:COLUMNS]
    lab[((zz - 7) * 2.5) ** 2 + ((yy - 26) * 0.8) ** 2 + ((xx - 33) * 0.7) ** 2 <= 5.5**2] = 2
    lab[9, 3, 40] = 2  # a single voxel: the smallest region there is
    return lab


def save(img, path, sform, qform):
    affine = img.affine
    img.set_sform(affine, code=1 if sform else 0)
    img.set_qform(affine, code=1 if qform else 0)
    nib.save(img, path)


def write_masks(series_dir, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    slices = read_series(series_dir)
    lps = series_affine_lps(slices)
    lab = label_volume()  # [k, row, col]
    ijk = lab.transpose(2, 1, 0)  # [col, row, k] = ITK/SimpleITK order of a DICOM series
    ras = LPS_TO_RAS @ lps

    # ITK-like (SimpleITK, nnU-Net, MONAI): DICOM index order, sform and qform, gzipped uint8
    save(nib.Nifti1Image(ijk.astype(np.uint8), ras), f"{out_dir}/itk.nii.gz", True, True)

    # dcm2niix-like: rows flipped so the second axis points anterior; int16, sform and qform
    flip = np.eye(4)
    flip[1, 1], flip[1, 3] = -1, ROWS - 1
    save(nib.Nifti1Image(ijk[:, ::-1, :].astype(np.int16), ras @ flip), f"{out_dir}/dcm2niix.nii.gz", True, True)

    # axes permuted (slice, column, row), NIfTI-2, int32, sform only
    perm = np.zeros((4, 4))
    perm[2, 0] = perm[0, 1] = perm[1, 2] = perm[3, 3] = 1  # new index (k, c, r) -> old (c, r, k)
    data = ijk.transpose(2, 0, 1).astype(np.int32)
    img = nib.Nifti2Image(data, ras @ perm)
    img.set_sform(ras @ perm, code=1)
    img.set_qform(ras @ perm, code=0)
    nib.save(img, f"{out_dir}/permuted.nii")

    # slice order reversed along the normal, qform only (sform code 0), uint16, not gzipped
    rev = np.eye(4)
    rev[2, 2], rev[2, 3] = -1, SLICES - 1
    img = nib.Nifti1Image(ijk[:, :, ::-1].astype(np.uint16), ras @ rev)
    img.set_qform(ras @ rev, code=1)
    img.set_sform(ras @ rev, code=0)
    nib.save(img, f"{out_dir}/reversed.nii")

    # refusals: one voxel off along the columns; row and column spacing swapped
    off = ras.copy()
    off[:3, 3] += ras[:3, 0]
    save(nib.Nifti1Image(ijk.astype(np.uint8), off), f"{out_dir}/off-by-one.nii.gz", True, True)
    swapped = ras.copy()
    swapped[:3, 0] = ras[:3, 0] / COLUMN_SPACING * ROW_SPACING
    swapped[:3, 1] = ras[:3, 1] / ROW_SPACING * COLUMN_SPACING
    save(nib.Nifti1Image(ijk.astype(np.uint8), swapped), f"{out_dir}/swapped-spacing.nii.gz", True, True)
    with open(f"{out_dir}/itk.json", "w") as f:
        json.dump({"1": "kidney", "2": {"name": "tumour"}}, f)


def dilate(region, t):
    h, w = region.shape
    out = np.zeros((h + 2 * t, w + 2 * t), dtype=bool)
    for dy in range(2 * t + 1):
        for dx in range(2 * t + 1):
            out[dy : dy + h, dx : dx + w] |= region
    return out[t : t + h, t : t + w]


def components(region):
    """8-connected components: list of (x1, y1, x2, y2)."""
    seen = np.zeros_like(region, dtype=bool)
    boxes = []
    h, w = region.shape
    for y0, x0 in zip(*np.nonzero(region)):
        if seen[y0, x0]:
            continue
        stack, ys, xs = [(y0, x0)], [], []
        seen[y0, x0] = True
        while stack:
            y, x = stack.pop()
            ys.append(y)
            xs.append(x)
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    ny, nx = y + dy, x + dx
                    if 0 <= ny < h and 0 <= nx < w and region[ny, nx] and not seen[ny, nx]:
                        seen[ny, nx] = True
                        stack.append((ny, nx))
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


def labels_on_slice(ds, mask_img):
    """Each pixel of this slice -> the mask label whose voxel centre it is (pixel -> patient -> voxel)."""
    iop = np.array(ds.ImageOrientationPatient, dtype=float)
    ps = [float(v) for v in ds.PixelSpacing]
    ipp = np.array(ds.ImagePositionPatient, dtype=float)
    rows, cols = int(ds.Rows), int(ds.Columns)
    r, c = np.mgrid[0:rows, 0:cols]
    lps = ipp[None, None, :] + c[..., None] * ps[1] * iop[None, None, :3] + r[..., None] * ps[0] * iop[None, None, 3:]
    ras = lps * np.array([-1, -1, 1])
    inv = np.linalg.inv(mask_img.affine)  # nibabel's best affine: sform if its code is set, else qform
    vox = ras @ inv[:3, :3].T + inv[:3, 3]
    idx = np.rint(vox).astype(int)
    data = np.asanyarray(mask_img.dataobj)
    inside = np.all((idx >= 0) & (idx < np.array(data.shape[:3])), axis=-1) & np.all(np.abs(vox - idx) < 0.25, axis=-1)
    out = np.zeros((rows, cols), dtype=np.int64)
    ii = idx[inside]
    out[inside] = data[ii[:, 0], ii[:, 1], ii[:, 2]]
    return out


def oracle(series_dir, output_dir, mask_path, t, style):
    mask_img = nib.load(mask_path)
    result = {"slices": 0, "slicesWithFindings": 0, "expectedPixels": 0, "errors": 0, "perSlice": {}}
    for name, ds in read_series(series_dir):
        out = pydicom.dcmread(output_file(output_dir, series_dir, name)).pixel_array.astype(int)
        labels = labels_on_slice(ds, mask_img)
        expected = np.zeros(labels.shape, dtype=np.int64)
        for v in sorted(set(np.unique(labels)) - {0}):
            region = labels == v
            if style == "outline":
                expected[dilate(region, t) & ~region] = v
            else:
                # one box per part, its outline just outside the box (the default placement)
                for x1, y1, x2, y2 in components(region):
                    expected[rect_band(region.shape, x1, y1, x2, y2, t, "outside")] = v
        gray = (out[..., 0] == out[..., 1]) & (out[..., 1] == out[..., 2])
        errors = int(np.count_nonzero((expected == 0) & ~gray))
        for v in sorted(set(np.unique(expected)) - {0}):
            colour = np.array(OKABE_ITO[(v - 1) % 7])
            errors += int(np.count_nonzero((expected == v) & ~np.all(out == colour, axis=-1)))
        result["slices"] += 1
        result["slicesWithFindings"] += int(np.any(expected))
        result["expectedPixels"] += int(np.count_nonzero(expected))
        result["errors"] += errors
        result["perSlice"][name] = errors
    return result


def boxes3d_expected(series_dir, boxes):
    """{file: [[x1, y1, x2, y2]]}: per slice, the bounding rectangle of the pixel centres inside each LPS box."""
    out = {}
    for name, ds in read_series(series_dir):
        iop = np.array(ds.ImageOrientationPatient, dtype=float)
        ps = [float(v) for v in ds.PixelSpacing]
        ipp = np.array(ds.ImagePositionPatient, dtype=float)
        r, c = np.mgrid[0 : int(ds.Rows), 0 : int(ds.Columns)]
        lps = ipp + c[..., None] * ps[1] * iop[:3] + r[..., None] * ps[0] * iop[3:]
        for lo, hi in boxes:
            inside = np.all((lps >= np.array(lo) - 1e-4) & (lps <= np.array(hi) + 1e-4), axis=-1)
            if inside.any():
                ys, xs = np.nonzero(inside)
                out.setdefault(name, []).append([int(xs.min()), int(ys.min()), int(xs.max()), int(ys.max())])
    return out


def rect_band(shape, x1, y1, x2, y2, t, placement):
    """The outline pixels of one box: a ring t wide just outside x1..x2, y1..y2 (clipped), or inward from its edge."""
    band = np.zeros(shape, dtype=bool)
    if placement == "outside":
        band[max(y1 - t, 0) : y2 + 1 + t, max(x1 - t, 0) : x2 + 1 + t] = True
        band[y1 : y2 + 1, x1 : x2 + 1] = False
    else:
        band[y1 : y2 + 1, x1 : x2 + 1] = True
        band[y1 + t : max(y2 + 1 - t, 0), x1 + t : max(x2 + 1 - t, 0)] = False
    return band


def rects_oracle(series_dir, output_dir, expected, t, colour, placement):
    """Every output slice against the rectangle outlines of `expected` ({file: [[x1,y1,x2,y2]]})."""
    result = {"slices": 0, "slicesWithFindings": 0, "expectedPixels": 0, "errors": 0}
    for name, ds in read_series(series_dir):
        out = pydicom.dcmread(output_file(output_dir, series_dir, name)).pixel_array.astype(int)
        painted = np.zeros(out.shape[:2], dtype=bool)
        for x1, y1, x2, y2 in expected.get(name, []):
            painted |= rect_band(painted.shape, x1, y1, x2, y2, t, placement)
        gray = (out[..., 0] == out[..., 1]) & (out[..., 1] == out[..., 2])
        right = np.all(out == np.array(colour), axis=-1)
        result["errors"] += int(np.count_nonzero(painted & ~right) + np.count_nonzero(~painted & ~gray))
        result["slices"] += 1
        result["slicesWithFindings"] += int(painted.any())
        result["expectedPixels"] += int(np.count_nonzero(painted))
    return result


# sRGB red and green as DICOM CIELab (PS3.3 C.10.7.1.1 scaling of L* 53.24 a* 80.09 b* 67.20, and 87.73 -86.18 83.18)
SEGMENT_LAB = {1: [34891, 53480, 50167], 2: [57494, 10748, 54273]}
SEGMENT_RGB = {1: (255, 0, 0), 2: (0, 255, 0)}


def write_seg(series_dir, path, fractional, with_refs):
    """A Segmentation of the phantom's label volume: one frame per (segment, slice that has it)."""
    slices = read_series(series_dir)
    lab = label_volume()
    ds0 = slices[0][1]
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.66.4"
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SOPClassUID, ds.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID, ds.SeriesInstanceUID = ds0.StudyInstanceUID, generate_uid()
    ds.FrameOfReferenceUID, ds.Modality = ds0.FrameOfReferenceUID, "SEG"
    ds.Rows, ds.Columns = ROWS, COLUMNS
    ds.SamplesPerPixel, ds.PhotometricInterpretation, ds.PixelRepresentation = 1, "MONOCHROME2", 0
    ds.SegmentationType = "FRACTIONAL" if fractional else "BINARY"
    if fractional:
        ds.BitsAllocated = ds.BitsStored = 8
        ds.HighBit, ds.MaximumFractionalValue, ds.SegmentationFractionalType = 7, 255, "PROBABILITY"
    else:
        ds.BitsAllocated = ds.BitsStored = 1
        ds.HighBit = 0
    segments = []
    for number, name in ((1, "kidney"), (2, "tumour")):
        item = pydicom.Dataset()
        item.SegmentNumber, item.SegmentLabel = number, name
        item.SegmentAlgorithmType = "MANUAL"
        item.RecommendedDisplayCIELabValue = SEGMENT_LAB[number]
        segments.append(item)
    ds.SegmentSequence = segments
    shared = pydicom.Dataset()
    orientation, measures = pydicom.Dataset(), pydicom.Dataset()
    orientation.ImageOrientationPatient = ds0.ImageOrientationPatient
    measures.PixelSpacing, measures.SliceThickness = ds0.PixelSpacing, SLICE_SPACING
    shared.PlaneOrientationSequence, shared.PixelMeasuresSequence = [orientation], [measures]
    ds.SharedFunctionalGroupsSequence = [shared]
    frames, groups = [], []
    for number in (1, 2):
        for k, (name, source) in enumerate(slices):
            mask = lab[k] == number
            if not mask.any():
                continue
            group = pydicom.Dataset()
            ident = pydicom.Dataset()
            ident.ReferencedSegmentNumber = number
            group.SegmentIdentificationSequence = [ident]
            position = pydicom.Dataset()
            position.ImagePositionPatient = source.ImagePositionPatient
            group.PlanePositionSequence = [position]
            if with_refs:
                ref, derivation = pydicom.Dataset(), pydicom.Dataset()
                ref.ReferencedSOPClassUID, ref.ReferencedSOPInstanceUID = source.SOPClassUID, source.SOPInstanceUID
                derivation.SourceImageSequence = [ref]
                group.DerivationImageSequence = [derivation]
            groups.append(group)
            if fractional:
                frame = np.where(mask, 200, 0).astype(np.uint8)
                frame[0, 0] = 100  # under half the maximum: not in the segment
                frames.append(frame)
            else:
                frames.append(mask.astype(np.uint8))
    ds.PerFrameFunctionalGroupsSequence = groups
    ds.NumberOfFrames = len(frames)
    stack = np.stack(frames)
    data = stack.tobytes() if fractional else np.packbits(stack.ravel(), bitorder="little").tobytes()
    ds.PixelData = data + (b"\0" if len(data) % 2 else b"")
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.save_as(path, write_like_original=False)


def seg_oracle(series_dir, output_dir, t):
    """Outlines of the phantom's labels in the segment colours (the SEG holds exactly label_volume())."""
    lab = label_volume()
    result = {"slices": 0, "slicesWithFindings": 0, "expectedPixels": 0, "errors": 0}
    for k, (name, ds) in enumerate(read_series(series_dir)):
        out = pydicom.dcmread(output_file(output_dir, series_dir, name)).pixel_array.astype(int)
        expected = np.zeros(lab[k].shape, dtype=np.int64)
        for v in (1, 2):
            region = lab[k] == v
            expected[dilate(region, t) & ~region] = v
        gray = (out[..., 0] == out[..., 1]) & (out[..., 1] == out[..., 2])
        errors = int(np.count_nonzero((expected == 0) & ~gray))
        for v in (1, 2):
            errors += int(np.count_nonzero((expected == v) & ~np.all(out == np.array(SEGMENT_RGB[v]), axis=-1)))
        result["slices"] += 1
        result["slicesWithFindings"] += int(np.any(expected))
        result["expectedPixels"] += int(np.count_nonzero(expected))
        result["errors"] += errors
    return result


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "series":
        write_series(sys.argv[2], sys.argv[3], "--oblique" in sys.argv)
    elif cmd == "masks":
        write_masks(sys.argv[2], sys.argv[3])
    elif cmd == "oracle":
        style = sys.argv[sys.argv.index("--style") + 1] if "--style" in sys.argv else "outline"
        print(json.dumps(oracle(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]), style)))
    elif cmd == "seg":
        write_seg(sys.argv[2], sys.argv[3], "--fractional" in sys.argv, "--no-refs" not in sys.argv)
    elif cmd == "seg-oracle":
        print(json.dumps(seg_oracle(sys.argv[2], sys.argv[3], int(sys.argv[4]))))
    elif cmd == "boxes3d-expected":
        print(json.dumps(boxes3d_expected(sys.argv[2], json.loads(sys.argv[3]))))
    elif cmd == "rects-oracle":
        colour = [int(sys.argv[6][i : i + 2], 16) for i in (0, 2, 4)]
        placement = sys.argv[7] if len(sys.argv) > 7 else "outside"
        rects = json.loads(sys.argv[4])
        print(json.dumps(rects_oracle(sys.argv[2], sys.argv[3], rects, int(sys.argv[5]), colour, placement)))
    else:
        raise SystemExit(f"unknown command {cmd}")
