/**
 * Key images (IHE AI Results): one Key Object Selection Document per study, titled (113000, DCM, "Of
 * Interest"), listing exactly the burned-in copies that carry at least one finding, so a PACS can open
 * them first; with a one-line description of what they show and, when the run names the algorithm,
 * its Contributing Equipment. The document itself is key-object-selection.ts's. Pure.
 */
import type { AlgorithmIdentity } from '../../shared/findings/algorithm-identity';
import { describeAlgorithm } from '../../shared/findings/algorithm-identity';
import { contributingEquipment } from '../dicom/write/contributing-equipment';
import type { DataElement } from '../dicom/write/element';
import { inTagOrder, type TwinIdentity } from './document-base';
import type { Code, SelectedInstance } from './key-object-selection';
import { buildKeyObjectSelection } from './key-object-selection';
import type { TwinImage } from './types';

export const OF_INTEREST: Code = { value: '113000', scheme: 'DCM', meaning: 'Of Interest' };

/** The copies a key object document lists: those of images with findings, in the order given. */
export function keyImages(images: readonly TwinImage[]): SelectedInstance[] {
  return images.flatMap((image) => (image.findings.length > 0 && image.copy ? [image.copy] : []));
}

/** '3 images with 4 findings (kidney, cyst) by KidneyNet 2.1', within UT's reach and one line. */
export function keyImagesDescription(
  images: readonly TwinImage[],
  algorithm: AlgorithmIdentity | undefined,
): string {
  const withFindings = images.filter((i) => i.findings.length > 0);
  const findings = withFindings.reduce((n, i) => n + i.findings.length, 0);
  const labels = [...new Set(withFindings.flatMap((i) => i.findings.map((f) => f.label ?? 'finding')))];
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const shown = labels.length > 5 ? [...labels.slice(0, 5), '...'] : labels;
  const by = algorithm === undefined ? '' : ` by ${describeAlgorithm(algorithm)}`;
  return `${plural(withFindings.length, 'image')} with ${plural(findings, 'finding')} (${shown.join(', ')})${by}, burned in by DICOM Ink`;
}

/** Patient and General Study text of the study, by 8-digit hex tag, as the document takes it. */
function studyText(image: TwinImage): Record<string, string> {
  const study: Record<string, string> = {};
  for (const element of image.patientStudy) {
    if ('text' in element) study[(element.tag >>> 0).toString(16).padStart(8, '0')] = element.text;
  }
  if (image.characterSet !== undefined) study['00080005'] = image.characterSet;
  return study;
}

/** The document's data elements (no File Meta). `images`: one study's converted images. */
export function buildKeyImages(images: readonly TwinImage[], identity: TwinIdentity): DataElement[] {
  const first = images.find((i) => i.findings.length > 0 && i.copy);
  if (first === undefined) throw new RangeError('a key object selection needs a copy with findings');
  const elements = buildKeyObjectSelection({
    study: studyText(first),
    studyInstanceUid: first.studyInstanceUid,
    sopInstanceUid: identity.sopInstanceUid,
    seriesInstanceUid: identity.seriesInstanceUid,
    seriesNumber: identity.seriesNumber,
    seriesDescription: identity.seriesDescription,
    created: identity.created,
    title: OF_INTEREST,
    description: keyImagesDescription(images, identity.algorithm),
    instances: keyImages(images),
  });
  if (identity.algorithm === undefined) return elements;
  return inTagOrder([...elements, contributingEquipment(identity.algorithm)]);
}
