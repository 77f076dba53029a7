import { characterSet, decodeText } from '../../../shared/dicom/charset/dicom-text';
import type { DataElement } from './element';
import { copiedTextElement, textElement } from './element';
import { COPIED_ATTRIBUTES } from './copied-attributes';
import type { TextVr } from './vr';
import { isMultiValuedText } from './vr';
import { standardDate, standardTime } from './acr-nema-forms';

/** What the builder needs of a source image: the reader's DicomImage satisfies it. */
export interface SourceText {
  getString(tag: string): string | undefined;
}

export interface CopiedSource {
  /** text values with their characters and, as `sourceBytes`, their bytes in the source's set */
  elements: DataElement[];
  /**
   * the source's Specific Character Set (0008,0005), or undefined for the default repertoire: the
   * writers declare it, and the encoder (text-encoding.ts) keeps it or writes ISO_IR 192 instead
   */
  characterSet: string | undefined;
}

/** Keys made before: the same allow-listed tags are asked for on every file. */
const keys = new Map<number, string>();

/** '0020000d' style key that DicomImage.getString takes. */
export function tagKey(tag: number): string {
  const known = keys.get(tag);
  if (known !== undefined) return known;
  const key = (tag >>> 0).toString(16).padStart(8, '0');
  if (keys.size < 4096) keys.set(tag, key);
  return key;
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

type KnownSet = Exclude<ReturnType<typeof characterSet>, string>;

/**
 * A source's text values as characters and as bytes. The reader gives UTF-8 values (ISO_IR 192)
 * decoded and any other set's values one character per byte, which is how their bytes are had back.
 */
export interface SourceValues {
  /** the source's (0008,0005), or undefined */
  characterSet: string | undefined;
  /** one value as the reader gives it (see `decode`), or undefined when the source lacks it */
  read(tag: number): string | undefined;
  /** one value's characters (as `vr` delimits it) and bytes, or undefined when the source lacks it */
  value(tag: number, vr: TextVr): { text: string; bytes: Uint8Array } | undefined;
  /** the characters of a value as the reader gives it */
  decode(read: string, vr: TextVr): string;
}

export function sourceValues(source: SourceText): SourceValues {
  const declared = source.getString(tagKey(0x00080005));
  const value = declared === undefined || declared === '' ? undefined : declared;
  const utf8 = value?.includes('ISO_IR 192') ?? false;
  const set = characterSet(value);
  // A set that is not a defined term: its bytes are kept; as characters they are read as Latin-1.
  const known: KnownSet = typeof set === 'string' ? (characterSet('ISO_IR 100') as KnownSet) : set;
  const bytesOf = (read: string): Buffer => Buffer.from(read, utf8 ? 'utf8' : 'latin1');
  const decode = (read: string, vr: TextVr): string => (utf8 ? read : decodeText(bytesOf(read), known, vr));
  return {
    characterSet: value,
    decode,
    read: (tag) => source.getString(tagKey(tag)),
    value(tag, vr) {
      const read = source.getString(tagKey(tag));
      return read === undefined ? undefined : { text: decode(read, vr), bytes: bytesOf(read) };
    },
  };
}

/** The bytes of a value as sanitizeText leaves its characters: no NUL, no trailing white space. */
function sanitizedBytes(bytes: Uint8Array): Uint8Array {
  const kept = bytes.filter((b) => b !== 0);
  let end = kept.length;
  while (end > 0 && [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d].includes(kept[end - 1] as number)) end--;
  return kept.subarray(0, end);
}

/** A copied value: its sanitized characters, and its bytes sanitized the same way. */
function copiedValue(vr: TextVr, tag: number, values: SourceValues): DataElement | undefined {
  const found = values.value(tag, vr);
  if (found === undefined) return undefined;
  const text = sanitizeText(vr, found.text);
  // Dates and times may be rewritten (old ACR-NEMA forms): ASCII, so their bytes are their characters.
  const dated = vr === 'DA' || vr === 'TM';
  const bytes = dated ? Buffer.from(text, 'latin1') : sanitizedBytes(found.bytes);
  return copiedTextElement(tag, vr, text, bytes);
}

interface LastCopied {
  read: string;
  vr: TextVr;
  characterSet: string | undefined;
  element: DataElement;
}

/**
 * The last value copied for each tag in this thread: the slices of a series repeat most of them (patient,
 * study, geometry but position), so an element made from the same read value, VR and character set is
 * reused rather than sanitized and encoded again. Elements are never modified once made.
 */
const lastCopied = new Map<number, LastCopied>();

/** copiedValue, reusing the element of the last call with the same read value, VR and character set. */
function copiedValueOnce(vr: TextVr, tag: number, values: SourceValues): DataElement | undefined {
  const read = values.read(tag);
  if (read === undefined) return undefined;
  const last = lastCopied.get(tag);
  if (last?.read === read && last.vr === vr && last.characterSet === values.characterSet) return last.element;
  const element = copiedValue(vr, tag, values);
  if (element !== undefined) lastCopied.set(tag, { read, vr, characterSet: values.characterSet, element });
  return element;
}

/**
 * The allow-listed attributes of the source, with the VRs of our table, as characters and as the
 * source's bytes; the source's character set with them (the encoder decides what is declared).
 */
export function copySourceAttributes(source: SourceText): CopiedSource {
  const values = sourceValues(source);
  const elements: DataElement[] = [];
  for (const attribute of COPIED_ATTRIBUTES) {
    const copied = copiedValueOnce(attribute.vr, attribute.tag, values);
    if (copied !== undefined) elements.push(copied);
    else if (attribute.type2) elements.push(textElement(attribute.tag, attribute.vr, ''));
  }
  elements.push(...unknownLaterality(elements));
  return { elements, characterSet: values.characterSet };
}
