import type { DataElement } from './element';
import { textElement } from './element';
import { COPIED_ATTRIBUTES } from './copied-attributes';
import type { TextVr } from './vr';
import { isMultiValuedText } from './vr';
import { standardDate, standardTime } from './acr-nema-forms';

/** What the builder needs of a source image: the reader's DicomImage satisfies it. */
export interface SourceText {
  getString(tag: string): string | undefined;
}

export interface CopiedSource {
  elements: DataElement[];
  /** Specific Character Set (0008,0005) to write, or undefined for the default repertoire */
  characterSet: string | undefined;
  textEncoding: 'latin1' | 'utf8';
}

/** '0020000d' style key that DicomImage.getString takes. */
export function tagKey(tag: number): string {
  return (tag >>> 0).toString(16).padStart(8, '0');
}

/** One value as it is written: an old-form date or time converted, anything else unchanged and whole. */
function writableValue(vr: TextVr, value: string): string {
  if (vr === 'DA') return standardDate(value.trim());
  if (vr === 'TM') return standardTime(value.trim());
  return value;
}

/**
 * Keeps a source value writable: no NUL or trailing padding; old ACR-NEMA dates and times in their
 * standard form. A value longer than its VR allows (PS3.5 Table 6.2-1) is copied whole: cutting it
 * would lose data (a date would lose its day), and a validator then reports what the source holds.
 */
export function sanitizeText(vr: TextVr, text: string): string {
  // eslint-disable-next-line no-control-regex -- stray NUL padding in non-UI strings is seen in the wild
  const cleaned = text.replace(/\u0000/g, '').trimEnd();
  const values = isMultiValuedText(vr) ? cleaned.split('\\') : [cleaned];
  return values.map((v) => writableValue(vr, v)).join('\\');
}

const LATERALITY = 0x00200060;
const BODY_PART_EXAMINED = 0x00180015;

/**
 * Body Part Examined defined terms (PS3.16 Annex L) of structures that are not paired, as dciodvfy
 * knows them: for these, Laterality must be absent.
 */
const UNPAIRED_BODY_PARTS = new Set(
  (
    'ABDOMEN ABDOMENPELVIS AORTA BLADDER BRAIN CEREBELLUM CERVIX CHEST CHESTABDOMEN CHESTABDPELVIS ' +
    'CIRCLEOFWILLIS COCCYX COLON CORONARYARTERY CSPINE CTSPINE DUODENUM ESOPHAGUS FACE GALLBLADDER HEAD ' +
    'HEADNECK HEART ILEUM ILIUM JAW JEJUNUM LARYNX LIVER LSPINE LSSPINE MAXILLA MEDIASTINUM MOUTH NECK ' +
    'NECKCHEST NECKCHESTABDOMEN NECKCHESTABDPELV NOSE PANCREAS PELVIS PENIS PHARYNX PROSTATE RECTUM SCALP ' +
    'SKULL SPINE SPLEEN STERNUM STOMACH THYMUS THYROID TLSPINE TONGUE TRACHEA TSPINE URETER URETHRA ' +
    'UTERUS VAGINA VULVA WHOLEBODY'
  ).split(' '),
);

/**
 * Laterality (0020,0060) is Type 2C (PS3.3 C.7.3.1): required, empty when unknown, unless the body
 * part examined is known not to be paired. A source without it gets it empty when its body part is
 * absent, paired or not a known unpaired term; for an unpaired body part it stays absent (empty is
 * then not permitted).
 */
function unknownLaterality(copied: readonly DataElement[]): DataElement[] {
  if (copied.some((e) => e.tag === LATERALITY)) return [];
  const bodyPart = copied.find((e) => e.tag === BODY_PART_EXAMINED);
  const text = bodyPart && 'text' in bodyPart ? bodyPart.text.trim().toUpperCase() : '';
  return UNPAIRED_BODY_PARTS.has(text) ? [] : [textElement(LATERALITY, 'CS', '')];
}

/** PS3.3 C.12.1.1.2: ISO_IR 192 is UTF-8; for the single-byte sets the reader's text is one code per byte. */
function isUtf8(characterSet: string | undefined): boolean {
  return characterSet?.split('\\').includes('ISO_IR 192') ?? false;
}

/**
 * The allow-listed attributes of the source, with the VRs of our table. The character set is kept;
 * if a value cannot be written in it as read (a character beyond one byte), everything is written as
 * UTF-8 and the set becomes ISO_IR 192.
 */
export function copySourceAttributes(source: SourceText): CopiedSource {
  const elements: DataElement[] = [];
  for (const attribute of COPIED_ATTRIBUTES) {
    const value = source.getString(tagKey(attribute.tag));
    if (value === undefined && !attribute.type2) continue;
    elements.push(textElement(attribute.tag, attribute.vr, sanitizeText(attribute.vr, value ?? '')));
  }
  elements.push(...unknownLaterality(elements));
  const sourceSet = source.getString(tagKey(0x00080005));
  const characterSet = sourceSet === undefined || sourceSet === '' ? undefined : sourceSet;
  if (isUtf8(characterSet)) return { elements, characterSet, textEncoding: 'utf8' };
  // eslint-disable-next-line no-control-regex -- any code point past Latin-1
  const wide = elements.some((e) => 'text' in e && /[^\u0000-\u00ff]/.test(e.text));
  return wide
    ? { elements, characterSet: 'ISO_IR 192', textEncoding: 'utf8' }
    : { elements, characterSet, textEncoding: 'latin1' };
}
