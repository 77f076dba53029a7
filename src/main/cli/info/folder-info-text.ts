import { describeTransferSyntax } from '../../dicom/transfer-syntaxes';
import type { FolderInfo, SeriesInfo } from './folder-info';

function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

function seriesLine(series: SeriesInfo): string {
  const number = series.seriesNumber === undefined ? '' : ` #${series.seriesNumber}`;
  const description = series.description ? ` "${series.description}"` : '';
  const frames = series.frames === series.images ? '' : `, ${plural(series.frames, 'frame')}`;
  const own = series.ownOutputs > 0 ? `, ${series.ownOutputs} written by DICOM Ink` : '';
  return (
    `  ${series.modality ?? '(no modality)'}${number}${description}: ${plural(series.images, 'image')}${frames}, ` +
    `${series.sizes.join(', ')}${own}\n    ${series.seriesInstanceUid}`
  );
}

/** `dicom-ink info <folder>`: studies, series with their image counts, transfer syntaxes, non-images. */
export function folderInfoText(info: FolderInfo): string {
  const images = info.series.reduce((sum, s) => sum + s.images, 0);
  const studies = new Set(info.series.map((s) => s.studyInstanceUid)).size;
  const notImages = info.files - images;
  const lines = [
    `Folder:   ${info.folder}`,
    `Files:    ${info.files} (${plural(images, 'image')} in ${plural(info.series.length, 'series', 'series')} of ${plural(studies, 'study', 'studies')}; ${notImages} not ${notImages === 1 ? 'an image' : 'images'})`,
  ];
  // Files are read a few at a time, so arrival order varies: sort for a stable listing.
  const series = [...info.series].sort(
    (a, b) =>
      a.studyInstanceUid.localeCompare(b.studyInstanceUid) ||
      (a.seriesNumber ?? 0) - (b.seriesNumber ?? 0) ||
      a.seriesInstanceUid.localeCompare(b.seriesInstanceUid),
  );
  if (series.length > 0) lines.push('Series:', ...series.map(seriesLine));
  if (info.transferSyntaxes.size > 0) {
    lines.push('Transfer syntaxes:');
    const bySize = [...info.transferSyntaxes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    for (const [uid, count] of bySize)
      lines.push(`  ${describeTransferSyntax(uid)}: ${plural(count, 'image')}`);
  }
  if (info.notImages.size > 0) {
    lines.push('Not images (a conversion skips or fails them):');
    const bySize = [...info.notImages].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    for (const [reason, count] of bySize) lines.push(`  ${plural(count, 'file')}: ${reason}`);
  }
  lines.push('', 'Run `dicom-ink info <file>` for what DICOM Ink reads from one file.');
  return lines.join('\n');
}
