/**
 * A finding label longer than a Long String (LO) holds: the twins write it where DICOM allows 64
 * characters (the report's finding code meaning, the segmentation's Segment Label, the presentation
 * state's group label and layer description), so there it is cut. The run says so, naming the labels,
 * instead of leaving a reader to find a shortened label in the PACS.
 */
import { LONG_STRING_CHARACTERS, longerThanLongString } from '../../shared/dicom/long-string';
import { twinKinds, type TwinChoice, type TwinImage } from './types';

/** What the note asks of the user (the app says it in its own words: export-service.ts). */
export const SHORTEN_ADVICE = 'Shorten the label in the findings file to keep it whole in every object.';

/** The most labels the note quotes; the count says how many there are. */
const QUOTED = 3;

/** Where each kind of twin writes a label as LO. */
const CUT_IN = {
  sr: "the report's finding codes",
  seg: "the segmentation's segment labels",
  gsps: "the presentation state's group labels and layer descriptions",
} as const;

/**
 * The note for a run whose twins cut labels, or undefined: which labels (the first few, quoted whole),
 * where they were cut, and what to do.
 */
export function cutLabelsNote(
  images: readonly TwinImage[],
  choice: TwinChoice | undefined,
): string | undefined {
  const kinds = twinKinds(choice);
  const where = (Object.keys(CUT_IN) as (keyof typeof CUT_IN)[]).filter((kind) => kinds.has(kind));
  if (where.length === 0) return undefined;
  const long = new Set<string>();
  for (const image of images)
    for (const finding of image.findings)
      if (finding.label !== undefined && longerThanLongString(finding.label)) long.add(finding.label);
  if (long.size === 0) return undefined;
  const labels = [...long];
  const quoted = labels.slice(0, QUOTED).map((label) => `"${label}"`);
  const more = labels.length > QUOTED ? ` and ${labels.length - QUOTED} more` : '';
  const places = where.map((kind) => CUT_IN[kind]);
  const placesText =
    places.length === 1 ? places[0] : `${places.slice(0, -1).join(', ')} and ${places.at(-1)}`;
  const noun = labels.length === 1 ? 'label is' : `${labels.length} labels are`;
  return (
    `A finding ${noun} longer than the ${LONG_STRING_CHARACTERS} characters DICOM allows there, so ${placesText} ` +
    `hold only its first ${LONG_STRING_CHARACTERS}: ${quoted.join(', ')}${more}. ` +
    SHORTEN_ADVICE
  );
}
