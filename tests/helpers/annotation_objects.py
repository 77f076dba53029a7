"""A TID 1500 Structured Report and a Grayscale Softcopy Presentation State made the way viewers make them,
over a folder of single-frame images, with the boxes DICOM Ink must read from them worked out here.

Written with pydicom and numpy only, never with DICOM Ink's code. The SR follows the shapes OHIF (dcmjs
MeasurementReport: a NUM measurement INFERRED FROM an SCOORD, the label as a CORNERSTONEFREETEXT finding)
and highdicom (TID 1410 Planar ROI: an Image Region SCOORD, a coded Finding) write; the GSPS carries
polylines, an ellipse, a circle, a point, DISPLAY-unit graphics, a compound rectangle and text objects.
Each expected box is the smallest box of whole pixels touching the graphic, found by sampling its outline
densely (not by the closed forms DICOM Ink uses): pixel i spans [i, i + 1) (PS3.3 C.18.6.1.1).

  sr IMAGE_DIR OUT.dcm      prints {"rows": [...], "unplaced": [...]} (rows: file, x1, y1, x2, y2, label, score)
  gsps IMAGE_DIR OUT.dcm    the same for the presentation state (rows also carry the layer colour)
"""

import json
import warnings
import math
import os
import sys

try:
    import numpy as np
    import pydicom
    from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
    from pydicom.sequence import Sequence
    from pydicom.uid import ExplicitVRLittleEndian, generate_uid
except ImportError as missing:
    sys.exit(
        f"{os.path.basename(__file__)} needs pydicom and numpy, which {sys.executable} cannot import ({missing}).\n"
        "On Debian or Ubuntu: sudo apt-get install python3-pydicom python3-numpy, then run it with /usr/bin/python3;\n"
        f"with another Python: {sys.executable} -m pip install pydicom numpy"
    )

# OHIF writes CORNERSTONEFREETEXT (19 characters) as a CodeValue (SH, 16): kept, as real files have it.
warnings.filterwarnings("ignore", message="The value length")

COMPREHENSIVE_3D_SR = "1.2.840.10008.5.1.4.1.1.88.34"
GSPS = "1.2.840.10008.5.1.4.1.1.11.1"
# sRGB green as DICOM CIELab (L* 87.73 a* -86.18 b* 83.18 scaled as PS3.3 C.10.7.1.1)
GREEN_LAB = [57494, 10748, 54273]


def images(image_dir):
    out = []
    for name in sorted(os.listdir(image_dir)):
        ds = pydicom.dcmread(os.path.join(image_dir, name), stop_before_pixels=True)
        out.append((name, ds))
    return out


def outline(kind, pts):
    """Dense points along a graphic's outline (or its points), in image coordinates."""
    p = np.array(pts, dtype=float).reshape(-1, 2)
    t = np.linspace(0, 2 * math.pi, 200001)
    if kind == "CIRCLE":
        r = np.hypot(*(p[1] - p[0]))
        return np.stack([p[0][0] + r * np.cos(t), p[0][1] + r * np.sin(t)], axis=1)
    if kind == "ELLIPSE":
        c = (p[0] + p[1]) / 2
        a, b = (p[1] - p[0]) / 2, (p[3] - p[2]) / 2
        return c + np.outer(np.cos(t), a) + np.outer(np.sin(t), b)
    return p


def pixel_box(kind, pts):
    o = outline(kind, pts)
    lo, hi = o.min(axis=0), o.max(axis=0)
    for v in list(lo) + list(hi):
        if kind in ("CIRCLE", "ELLIPSE") and abs(v - round(v)) < 0.01:
            raise SystemExit(f"choose a {kind} whose extreme {v} is not this close to a pixel edge")
    x1, y1 = int(math.floor(lo[0])), int(math.floor(lo[1]))
    x2, y2 = max(x1, int(math.ceil(hi[0])) - 1), max(y1, int(math.ceil(hi[1])) - 1)
    return [x1, y1, x2, y2]


def code(value, scheme, meaning):
    c = Dataset()
    c.CodeValue, c.CodingSchemeDesignator, c.CodeMeaning = value, scheme, meaning
    return c


def item(relationship, value_type, concept, **values):
    ds = Dataset()
    ds.RelationshipType, ds.ValueType = relationship, value_type
    ds.ConceptNameCodeSequence = Sequence([code(*concept)])
    for key, value in values.items():
        setattr(ds, key, value)
    return ds


def image_item(ds, frames=None, uid=None):
    ref = Dataset()
    ref.ReferencedSOPClassUID = ds.SOPClassUID
    ref.ReferencedSOPInstanceUID = uid or ds.SOPInstanceUID
    if frames:
        ref.ReferencedFrameNumber = frames
    return item("SELECTED FROM", "IMAGE", ("111040", "DCM", "Original Source"), ReferencedSOPSequence=Sequence([ref]))


def scoord(relationship, concept, kind, pts, image):
    s = item(relationship, "SCOORD", concept, GraphicType=kind, GraphicData=[float(v) for v in pts])
    s.ContentSequence = Sequence([image])
    return s


def group(children):
    g = item("CONTAINS", "CONTAINER", ("125007", "DCM", "Measurement Group"), ContinuityOfContent="SEPARATE")
    g.ContentSequence = Sequence(children)
    return g


def tracking(identifier):
    return [
        item("HAS OBS CONTEXT", "TEXT", ("112039", "DCM", "Tracking Identifier"), TextValue=identifier),
        item("HAS OBS CONTEXT", "UIDREF", ("112040", "DCM", "Tracking Unique Identifier"), UID=generate_uid()),
    ]


def finding(scheme_value, scheme, meaning):
    return item("CONTAINS", "CODE", ("121071", "DCM", "Finding"), ConceptCodeSequence=Sequence([code(scheme_value, scheme, meaning)]))


def num(concept, value, unit):
    n = item("CONTAINS", "NUM", concept)
    mv = Dataset()
    mv.NumericValue = value
    mv.MeasurementUnitsCodeSequence = Sequence([code(*unit)])
    n.MeasuredValueSequence = Sequence([mv])
    return n


def document(first, sop_class, modality):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SOPClassUID, ds.SOPInstanceUID = sop_class, meta.MediaStorageSOPInstanceUID
    for key in ("PatientName", "PatientID", "PatientBirthDate", "PatientSex", "StudyInstanceUID", "StudyDate",
                "StudyTime", "ReferringPhysicianName", "StudyID", "AccessionNumber"):
        setattr(ds, key, getattr(first, key, ""))
    ds.Modality, ds.SeriesInstanceUID, ds.SeriesNumber, ds.InstanceNumber = modality, generate_uid(), 99, 1
    ds.Manufacturer = "test viewer"
    ds.is_little_endian, ds.is_implicit_VR = True, False
    return ds


def write_sr(image_dir, path):
    imgs = images(image_dir)
    (n0, d0), (n1, d1), (n2, d2), (n3, d3), (n4, d4), (n5, d5) = imgs[:6]
    rows, unplaced = [], []
    groups = []
    # 1. highdicom-style Planar ROI: Image Region polyline along the box's outer pixel edges, a Finding, a score
    box = [5, 6, 15, 6, 15, 14, 5, 14, 5, 6]
    groups.append(group(tracking("lesion 1") + [
        finding("L1", "99TEST", "kidney lesion"),
        scoord("CONTAINS", ("111030", "DCM", "Image Region"), "POLYLINE", box, image_item(d0)),
        num(("246262008", "SCT", "Score"), 0.93, ("1", "UCUM", "no units")),
    ]))
    rows.append([n0, *pixel_box("POLYLINE", box), "kidney lesion", 0.93])
    # 2. OHIF-style EllipticalROI: an Area inferred from a rotated ellipse, the label as a free-text finding
    c, a, b, th = np.array([24.3, 20.2]), 9.1, 4.3, math.radians(30)
    major, minor = a * np.array([math.cos(th), math.sin(th)]), b * np.array([-math.sin(th), math.cos(th)])
    ellipse = list(c - major) + list(c + major) + list(c - minor) + list(c + minor)
    area = num(("42798000", "SCT", "Area"), 123.0, ("mm2", "UCUM", "mm2"))
    area.ContentSequence = Sequence([scoord("INFERRED FROM", ("111030", "DCM", "Image Region"), "ELLIPSE", ellipse, image_item(d1))])
    groups.append(group(tracking("Cornerstone3DTools@^0.1.0:EllipticalROI") + [
        finding("CORNERSTONEFREETEXT", "CORNERSTONEJS", "cyst"), area]))
    rows.append([n1, *pixel_box("ELLIPSE", ellipse), "cyst", None])
    # 3. a circle whose group has no finding: the tracking identifier is the label
    circle = [30.5, 12.25, 34.3, 16.7]
    groups.append(group(tracking("circle 1") + [
        scoord("CONTAINS", ("111030", "DCM", "Image Region"), "CIRCLE", circle, image_item(d2))]))
    rows.append([n2, *pixel_box("CIRCLE", circle), "circle 1", None])
    # 4. a point (OHIF's arrow annotation)
    point = [10.7, 30.2]
    groups.append(group(tracking("arrow") + [finding("CORNERSTONEFREETEXT", "CORNERSTONEJS", "marker"),
        scoord("CONTAINS", ("111010", "DCM", "Center"), "POINT", point, image_item(d3))]))
    rows.append([n3, *pixel_box("POINT", point), "marker", None])
    # 5. OHIF Length: a two-point polyline inferred into a Length
    line = [3.2, 4.9, 40.6, 33.3]
    length = num(("410668003", "SCT", "Length"), 40.1, ("mm", "UCUM", "mm"))
    length.ContentSequence = Sequence([scoord("INFERRED FROM", ("111030", "DCM", "Image Region"), "POLYLINE", line, image_item(d4))])
    groups.append(group(tracking("Cornerstone3DTools@^0.1.0:Length") + [
        finding("CORNERSTONEFREETEXT", "CORNERSTONEJS", "length"), length]))
    rows.append([n4, *pixel_box("POLYLINE", line), "length", None])
    # 6-8. graphics that cannot be placed: an image not given, a frame the image lacks, patient coordinates
    groups.append(group(tracking("elsewhere") + [
        scoord("CONTAINS", ("111030", "DCM", "Image Region"), "POINT", [3.5, 3.5], image_item(d0, uid=generate_uid()))]))
    unplaced.append({"graphic": 6, "reason": "not among the images"})
    groups.append(group(tracking("frame 2") + [
        scoord("CONTAINS", ("111030", "DCM", "Image Region"), "POINT", [3.5, 3.5], image_item(d0, frames=2))]))
    unplaced.append({"graphic": 7, "reason": "frame 2"})
    s3d = item("CONTAINS", "SCOORD3D", ("111030", "DCM", "Image Region"), GraphicType="POLYLINE",
               GraphicData=[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], ReferencedFrameOfReferenceUID=getattr(d0, "FrameOfReferenceUID", generate_uid()))
    groups.append(group(tracking("volume") + [s3d]))
    unplaced.append({"graphic": 8, "reason": "SCOORD3D POLYLINE lies in no input slice's plane"})
    # 9. an SCOORD3D polygon in patient mm lying in one slice's plane: image coordinates (corner at 0) ->
    # pixel-centre indices (- 0.5) -> LPS through the slice's Image Plane Module (PixelSpacing = row, column)
    polygon = [6.3, 7.8, 27.6, 9.1, 20.2, 30.4]
    iop = np.array(d5.ImageOrientationPatient, dtype=float)
    ipp = np.array(d5.ImagePositionPatient, dtype=float)
    row_spacing, col_spacing = (float(v) for v in d5.PixelSpacing)
    lps = []
    for x, y in zip(polygon[0::2], polygon[1::2]):
        lps.extend(ipp + (x - 0.5) * col_spacing * iop[:3] + (y - 0.5) * row_spacing * iop[3:])
    on_slice = item("CONTAINS", "SCOORD3D", ("111030", "DCM", "Image Region"), GraphicType="POLYGON",
                    GraphicData=[float(v) for v in lps], ReferencedFrameOfReferenceUID=d5.FrameOfReferenceUID)
    groups.append(group(tracking("volume 2") + [finding("L2", "99TEST", "in plane"), on_slice]))
    rows.append([n5, *pixel_box("POLYLINE", polygon), "in plane", None])

    ds = document(d0, COMPREHENSIVE_3D_SR, "SR")
    ds.ValueType, ds.ContinuityOfContent = "CONTAINER", "SEPARATE"
    ds.ConceptNameCodeSequence = Sequence([code("126000", "DCM", "Imaging Measurement Report")])
    template = Dataset()
    template.MappingResource, template.TemplateIdentifier = "DCMR", "1500"
    ds.ContentTemplateSequence = Sequence([template])
    ds.CompletionFlag, ds.VerificationFlag = "COMPLETE", "UNVERIFIED"
    ds.ContentDate, ds.ContentTime = "20240101", "120000"
    measurements = item("CONTAINS", "CONTAINER", ("126010", "DCM", "Imaging Measurements"), ContinuityOfContent="SEPARATE")
    measurements.ContentSequence = Sequence(groups)
    library = item("CONTAINS", "CONTAINER", ("111028", "DCM", "Image Library"), ContinuityOfContent="SEPARATE")
    ds.ContentSequence = Sequence([
        item("HAS CONCEPT MOD", "CODE", ("121049", "DCM", "Language of Content Item and Descendants"),
             ConceptCodeSequence=Sequence([code("en-US", "RFC5646", "English (United States)")])),
        item("HAS OBS CONTEXT", "PNAME", ("121008", "DCM", "Person Observer Name"), PersonName="Reader^Test"),
        library,
        measurements,
    ])
    ds.save_as(path, write_like_original=False)
    return {"rows": rows, "unplaced": unplaced}


def graphic_object(kind, pts, units="PIXEL", group_id=None):
    g = Dataset()
    g.GraphicAnnotationUnits, g.GraphicDimensions = units, 2
    g.NumberOfGraphicPoints = len(pts) // 2
    g.GraphicData = [float(v) for v in pts]
    g.GraphicType = kind
    if kind == "POLYLINE" and pts[:2] == pts[-2:]:
        g.GraphicFilled = "N"
    if group_id is not None:
        g.GraphicGroupID = group_id
    return g


def text_object(text, x, y, group_id=None):
    t = Dataset()
    t.BoundingBoxAnnotationUnits = "PIXEL"
    t.UnformattedTextValue = text
    t.BoundingBoxTopLeftHandCorner, t.BoundingBoxBottomRightHandCorner = [float(x), float(y)], [float(x + 20), float(y + 6)]
    t.BoundingBoxTextHorizontalJustification = "LEFT"
    if group_id is not None:
        t.GraphicGroupID = group_id
    return t


def referenced(ds, frames=None, uid=None):
    r = Dataset()
    r.ReferencedSOPClassUID = ds.SOPClassUID
    r.ReferencedSOPInstanceUID = uid or ds.SOPInstanceUID
    if frames:
        r.ReferencedFrameNumber = frames
    return r


def annotation(image_refs, layer, graphics=(), texts=(), compounds=()):
    a = Dataset()
    a.ReferencedImageSequence = Sequence(image_refs)
    a.GraphicLayer = layer
    if texts:
        a.TextObjectSequence = Sequence(list(texts))
    if graphics:
        a.GraphicObjectSequence = Sequence(list(graphics))
    if compounds:
        a.CompoundGraphicSequence = Sequence(list(compounds))
    return a


def write_gsps(image_dir, path):
    imgs = images(image_dir)
    (n0, d0), (n1, d1), (n2, d2), (n3, d3), (n4, d4), (n5, d5), (n6, d6) = imgs[:7]
    rows, unplaced, annotations = [], [], []
    cols, nrows = int(d0.Columns), int(d0.Rows)
    # 1. a closed polyline with its text in the same Graphic Group: "label score"
    box = [4, 5, 16, 5, 16, 13, 4, 13, 4, 5]
    annotations.append(annotation([referenced(d0)], "LESIONS", [graphic_object("POLYLINE", box, group_id=1)],
                                  [text_object("lesion 0.81", 4, 0, group_id=1)]))
    rows.append([n0, *pixel_box("POLYLINE", box), "lesion", 0.81])
    # 2. a rotated ellipse and 3. a circle on one image, each with a text at the same position
    c, a, b, th = np.array([14.6, 22.3]), 8.2, 3.4, math.radians(-55)
    major, minor = a * np.array([math.cos(th), math.sin(th)]), b * np.array([-math.sin(th), math.cos(th)])
    ellipse = list(c - major) + list(c + major) + list(c - minor) + list(c + minor)
    circle = [36.25, 12.5, 39.1, 15.85]
    annotations.append(annotation([referenced(d1)], "LESIONS",
                                  [graphic_object("ELLIPSE", ellipse), graphic_object("CIRCLE", circle)],
                                  [text_object("cyst", 2, 2), text_object("node", 30, 30)]))
    rows.append([n1, *pixel_box("ELLIPSE", ellipse), "cyst", None])
    rows.append([n1, *pixel_box("CIRCLE", circle), "node", None])
    # 4. a point without a text: the layer's description is its label
    point = [20.4, 18.9]
    annotations.append(annotation([referenced(d2)], "LESIONS", [graphic_object("POINT", point)]))
    rows.append([n2, *pixel_box("POINT", point), "lesion", None])
    # 5. DISPLAY units on an image shown through a Displayed Area Selection (pixels 5..44 x 3..38)
    display = [0.113, 0.207, 0.713, 0.207, 0.713, 0.861, 0.113, 0.861, 0.113, 0.207]
    annotations.append(annotation([referenced(d3)], "LESIONS", [graphic_object("POLYLINE", display, "DISPLAY")],
                                  [text_object("shown area", 1, 1)]))
    left, top, right, bottom = 5 - 1, 3 - 1, 44, 38
    as_pixels = [left + v * (right - left) if i % 2 == 0 else top + v * (bottom - top) for i, v in enumerate(display)]
    rows.append([n3, *pixel_box("POLYLINE", as_pixels), "shown area", None])
    # 6. DISPLAY units on an image shown whole
    whole = [0.21, 0.33, 0.62, 0.81]
    annotations.append(annotation([referenced(d4)], "LESIONS", [graphic_object("MULTIPOINT", whole, "DISPLAY")],
                                  [text_object("whole", 1, 1)]))
    rows.append([n4, *pixel_box("MULTIPOINT", [whole[0] * cols, whole[1] * nrows, whole[2] * cols, whole[3] * nrows]), "whole", None])
    # 7. an unrotated compound RECTANGLE (two corners)
    rect = Dataset()
    rect.GraphicAnnotationUnits, rect.GraphicDimensions, rect.NumberOfGraphicPoints = "PIXEL", 2, 2
    rect.GraphicData = [3.5, 3.5, 20.25, 15.75]
    rect.CompoundGraphicType, rect.CompoundGraphicInstanceID = "RECTANGLE", 1
    annotations.append(annotation([referenced(d5)], "LESIONS", texts=[text_object("rect", 30, 30)], compounds=[rect]))
    rows.append([n5, *pixel_box("POLYLINE", [3.5, 3.5, 20.25, 15.75]), "rect", None])
    # 8-10. graphics that cannot be placed: an image not given, a frame the image lacks, a rotated compound
    annotations.append(annotation([referenced(d6, uid=generate_uid())], "LESIONS", [graphic_object("POINT", [3.5, 3.5])]))
    unplaced.append({"graphic": 8, "reason": "not among the images"})
    annotations.append(annotation([referenced(d6, frames=3)], "LESIONS", [graphic_object("POINT", [3.5, 3.5])]))
    unplaced.append({"graphic": 9, "reason": "frame 3"})
    rotated = Dataset()
    rotated.GraphicAnnotationUnits, rotated.GraphicDimensions, rotated.NumberOfGraphicPoints = "PIXEL", 2, 2
    rotated.GraphicData = [3.5, 3.5, 20.25, 15.75]
    rotated.CompoundGraphicType, rotated.CompoundGraphicInstanceID, rotated.RotationAngle = "RECTANGLE", 2, 30.0
    annotations.append(annotation([referenced(d6)], "LESIONS", compounds=[rotated]))
    unplaced.append({"graphic": 10, "reason": "rotated"})

    ds = document(d0, GSPS, "PR")
    ds.ContentLabel, ds.ContentDescription, ds.ContentCreatorName = "TESTVIEWER", "measurements", "Reader^Test"
    ds.PresentationCreationDate, ds.PresentationCreationTime = "20240101", "120000"
    series = Dataset()
    series.SeriesInstanceUID = d0.SeriesInstanceUID
    series.ReferencedImageSequence = Sequence([referenced(d) for _, d in imgs])
    ds.ReferencedSeriesSequence = Sequence([series])
    areas = []
    for refs, tl, br in (([referenced(d3)], [5, 3], [44, 38]), (None, [1, 1], [cols, nrows])):
        area = Dataset()
        if refs:
            area.ReferencedImageSequence = Sequence(refs)
        area.DisplayedAreaTopLeftHandCorner, area.DisplayedAreaBottomRightHandCorner = tl, br
        area.PresentationSizeMode = "SCALE TO FIT"
        area.PresentationPixelSpacing = [float(v) for v in getattr(d0, "PixelSpacing", [1, 1])]
        areas.append(area)
    ds.DisplayedAreaSelectionSequence = Sequence(areas)
    ds.GraphicAnnotationSequence = Sequence(annotations)
    layer = Dataset()
    layer.GraphicLayer, layer.GraphicLayerOrder, layer.GraphicLayerDescription = "LESIONS", 1, "lesion"
    layer.GraphicLayerRecommendedDisplayCIELabValue = GREEN_LAB
    ds.GraphicLayerSequence = Sequence([layer])
    ds.PresentationLUTShape = "IDENTITY"
    ds.save_as(path, write_like_original=False)
    for row in rows:
        row.append("00ff00")
    return {"rows": rows, "unplaced": unplaced}


if __name__ == "__main__":
    cmd, image_dir, out = sys.argv[1:4]
    result = write_sr(image_dir, out) if cmd == "sr" else write_gsps(image_dir, out)
    print(json.dumps(result))
