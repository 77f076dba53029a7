/** Groups scanned image headers into patients -> studies -> series, each series in display order. */
import type { ImageHeader } from '../../../shared/dicom/image-header';
import type { PatientEntry, SeriesEntry, SliceRef, StudyEntry } from '../../../shared/ipc/library';
import { slicePosition, sortSlices } from './slice-order';

export interface IndexedImage {
  path: string;
  /** the opened folder it was found in */
  root: string;
  header: ImageHeader;
}

function slicesOf(image: IndexedImage): SliceRef[] {
  const { header, path } = image;
  const position = slicePosition(header);
  const frames = Math.max(1, header.pixel.numberOfFrames);
  return Array.from({ length: frames }, (_, frame) => ({
    path,
    frame,
    sopInstanceUid: header.sopInstanceUid,
    ...(header.instanceNumber === undefined ? {} : { instanceNumber: header.instanceNumber }),
    // A multi-frame file has one IPP for the file here; its frames are ordered by frame index instead.
    ...(position === undefined || frames > 1 ? {} : { position }),
  }));
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

export function buildPatients(images: readonly IndexedImage[]): PatientEntry[] {
  const patients = new Map<
    string,
    PatientEntry & { studyMap: Map<string, StudyEntry & { seriesMap: Map<string, SeriesEntry> }> }
  >();
  for (const image of images) {
    const h = image.header;
    const name = h.patientName?.replace(/\^+/g, ' ').trim() || 'Unnamed patient';
    const id = h.patientId ?? '';
    const patient = getOrAdd(patients, `${id}\u0000${name}`, () => ({
      key: `${id}|${name}`,
      name,
      id,
      studies: [],
      studyMap: new Map(),
    }));
    const study = getOrAdd(patient.studyMap, h.studyInstanceUid, () => ({
      studyInstanceUid: h.studyInstanceUid,
      description: h.studyDescription ?? '',
      date: h.studyDate ?? '',
      series: [],
      seriesMap: new Map(),
    }));
    const series = getOrAdd(study.seriesMap, h.seriesInstanceUid, () => ({
      seriesInstanceUid: h.seriesInstanceUid,
      ...(h.seriesNumber === undefined ? {} : { seriesNumber: h.seriesNumber }),
      description: h.seriesDescription ?? '',
      modality: h.modality ?? '',
      rows: h.pixel.rows,
      columns: h.pixel.columns,
      folder: image.root,
      slices: [],
    }));
    series.slices.push(...slicesOf(image));
  }
  return [...patients.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ studyMap, ...patient }) => ({
      ...patient,
      studies: [...studyMap.values()]
        .sort((a, b) => a.date.localeCompare(b.date))
        .map(({ seriesMap, ...study }) => ({
          ...study,
          series: [...seriesMap.values()]
            .sort((a, b) => (a.seriesNumber ?? 0) - (b.seriesNumber ?? 0))
            .map((series) => ({ ...series, slices: sortSlices(series.slices) })),
        })),
    }));
}
