import type { ImageHeader, VoiWindow } from '../../../shared/dicom/image-header';
import { sopClassName } from '../../dicom/sop-classes';
import { describeTransferSyntax } from '../../dicom/transfer-syntaxes';

function windowText(w: VoiWindow): string {
  const fn = w.fn === 'LINEAR' ? '' : ` ${w.fn}`;
  const explanation = w.explanation ? ` "${w.explanation}"` : '';
  return `center ${w.center} width ${w.width}${fn}${explanation}`;
}

function modalityText(header: ImageHeader): string {
  const t = header.modalityTransform;
  return t.kind === 'rescale'
    ? `slope ${t.slope} intercept ${t.intercept}`
    : `Modality LUT Sequence (${t.lut.data.length} entries from ${t.lut.firstMapped})`;
}

/** `dicom-ink info`: what the reader took from a file, the facts the pixel pipeline acts on (PS3.3 C.7.6.3, C.11). */
export function fileInfoText(path: string, header: ImageHeader): string {
  const p = header.pixel;
  const rows: [string, string][] = [
    ['File', path],
    [
      'Transfer syntax',
      `${describeTransferSyntax(header.transferSyntaxUid)}${
        header.transferSyntaxInferred ? ', inferred from the dataset (the File Meta names none)' : ''
      }`,
    ],
    ['SOP class', `${sopClassName(header.sopClassUid)} (${header.sopClassUid})`],
    ['Modality', header.modality ?? '(none)'],
    ['Photometric', p.photometric],
    ['Samples per pixel', String(p.samplesPerPixel)],
    ['Bits', `allocated ${p.bitsAllocated}, stored ${p.bitsStored}, high bit ${p.highBit}`],
    ['Pixel values', p.pixelRepresentation === 1 ? 'signed (two\u2019s complement)' : 'unsigned'],
    ['Size', `${p.columns} x ${p.rows} (columns x rows)`],
    ['Frames', String(p.numberOfFrames)],
    ['Rescale', header.modalityTransform.kind === 'rescale' ? modalityText(header) : 'none'],
    ['Modality LUT', header.modalityTransform.kind === 'lut' ? modalityText(header) : 'absent'],
    ['Windows', header.windows.length === 0 ? 'none' : header.windows.map(windowText).join('; ')],
    ['VOI LUT', header.voiLut ? `present (${header.voiLut.data.length} entries)` : 'absent'],
    ['Palette', header.palette ? `present (${header.palette.red.data.length} entries)` : 'absent'],
    ['Study', header.studyInstanceUid],
    [
      'Series',
      `${header.seriesInstanceUid}${header.seriesNumber === undefined ? '' : ` (number ${header.seriesNumber})`}`,
    ],
    [
      'Instance',
      `${header.sopInstanceUid}${header.instanceNumber === undefined ? '' : ` (number ${header.instanceNumber})`}`,
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${`${k}:`.padEnd(width + 2)}${v}`).join('\n');
}
