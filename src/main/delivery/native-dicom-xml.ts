/** A DICOM JSON data set (PS3.18 F.2): tag -> { vr, Value }. */
export type DicomJson = Record<string, { vr?: string; Value?: unknown[] } | undefined>;

interface Frame {
  dataset: DicomJson;
  attribute?: { vr?: string; Value: unknown[] };
}

const TAG =
  /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+\s*=\s*"[^"]*")*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|([^<]+)/g;

function attribute(attributes: string, name: string): string | undefined {
  return new RegExp(`${name}\\s*=\\s*"([^"]*)"`).exec(attributes)?.[1];
}

/**
 * The Native DICOM Model (PS3.19 A.1, as PS3.18 F.3 uses it) read into the DICOM JSON shape: enough of
 * it for a Store Instances response (DicomAttribute, Item, Value; sequences nest). Undefined for text
 * that is not well-formed in this sense (a tag closed that was not open, no NativeDicomModel root).
 */
export function parseNativeDicomXml(text: string): DicomJson | undefined {
  const root: DicomJson = {};
  const stack: Frame[] = [];
  let sawRoot = false;
  let valueText: string | undefined;
  for (const match of text.matchAll(TAG)) {
    const [, closing, name, attributes = '', selfClosing, chars] = match;
    if (chars !== undefined) {
      if (valueText !== undefined) valueText += chars;
      continue;
    }
    if (!name) continue;
    const frame = stack.at(-1);
    if (name === 'NativeDicomModel' && !closing) {
      sawRoot = true;
      stack.push({ dataset: root });
    } else if (name === 'DicomAttribute' && !closing && frame) {
      const tag = attribute(attributes, 'tag')?.toUpperCase() ?? '';
      const element = { vr: attribute(attributes, 'vr'), Value: [] as unknown[] };
      frame.dataset[tag] = element;
      if (!selfClosing) stack.push({ dataset: frame.dataset, attribute: element });
    } else if (name === 'DicomAttribute' && closing) {
      if (!stack.pop()?.attribute) return undefined;
    } else if (name === 'Item' && !closing && frame?.attribute) {
      const item: DicomJson = {};
      frame.attribute.Value.push(item);
      stack.push({ dataset: item });
    } else if (name === 'Item' && closing) {
      if (stack.pop()?.attribute) return undefined;
    } else if (name === 'Value' && !closing) valueText = selfClosing ? undefined : '';
    else if (name === 'Value' && closing && valueText !== undefined) {
      frame?.attribute?.Value.push(valueText);
      valueText = undefined;
    } else if (name === 'NativeDicomModel' && closing) stack.pop();
  }
  return sawRoot && stack.length === 0 ? root : undefined;
}
