/**
 * Named CT display windows (width/level in Hounsfield units). Values are the typical settings listed by
 * Radiopaedia's "Windowing (CT)" article; where it gives a range, the value chosen is named in `source`.
 */
export interface WindowPreset {
  id: string;
  name: string;
  width: number;
  center: number;
  source: string;
}

const RADIOPAEDIA = 'Radiopaedia, "Windowing (CT)", https://radiopaedia.org/articles/windowing-ct';

export const PRESETS: readonly WindowPreset[] = [
  {
    id: 'abdomen',
    name: 'Abdomen',
    width: 400,
    center: 50,
    source: `${RADIOPAEDIA}: abdomen soft tissues W:400 L:50`,
  },
  { id: 'liver', name: 'Liver', width: 150, center: 30, source: `${RADIOPAEDIA}: abdomen liver W:150 L:30` },
  {
    id: 'lung',
    name: 'Lung',
    width: 1500,
    center: -600,
    source: `${RADIOPAEDIA}: chest lungs W:1500 L:-600`,
  },
  {
    id: 'mediastinum',
    name: 'Mediastinum',
    width: 350,
    center: 50,
    source: `${RADIOPAEDIA}: chest mediastinum W:350 L:50`,
  },
  { id: 'bone', name: 'Bone', width: 1800, center: 400, source: `${RADIOPAEDIA}: spine bone W:1800 L:400` },
  {
    id: 'brain',
    name: 'Brain',
    width: 80,
    center: 40,
    source: `${RADIOPAEDIA}: head and neck brain W:80 L:40`,
  },
  {
    id: 'soft-tissue',
    name: 'Soft tissue',
    width: 350,
    center: 40,
    source: `${RADIOPAEDIA}: head and neck soft tissues W:350-400 L:20-60 (W:350 L:40 chosen)`,
  },
  {
    id: 'stroke',
    name: 'Stroke',
    width: 40,
    center: 40,
    source: `${RADIOPAEDIA}: head and neck stroke W:40 L:40`,
  },
  {
    id: 'temporal-bone',
    name: 'Temporal bone',
    width: 2800,
    center: 600,
    source: `${RADIOPAEDIA}: head and neck temporal bones W:2800 L:600`,
  },
];

/** Lower case, spaces and underscores as hyphens: 'Soft tissue', 'soft_tissue' and 'soft-tissue' are one key. */
function presetKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** The preset with this id or name, case-insensitive (e.g. 'abdomen', 'Soft tissue', 'soft-tissue'). */
export function findPreset(nameOrId: string): WindowPreset | undefined {
  const key = presetKey(nameOrId);
  return PRESETS.find((preset) => preset.id === key || presetKey(preset.name) === key);
}
