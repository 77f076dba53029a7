/**
 * The Export dialog's "Also write" choice: beside the burned-in copies, a presentation state per series
 * (the findings as an overlay a PACS can switch off) and/or a TID 1500 report per study (the findings as
 * data), a segmentation per series (the mask findings, for SEG-capable viewers) and/or a key object
 * selection per study (the copies with findings), as `convert --twin`.
 */
import type { ExportTwin } from '../../../shared/ipc/export';

const OPTIONS: readonly { value: ExportTwin; text: string }[] = [
  { value: 'none', text: 'Burned-in copies only' },
  { value: 'gsps', text: '+ presentation state (overlay on the originals)' },
  { value: 'sr', text: '+ structured report (TID 1500, findings as data)' },
  { value: 'both', text: '+ presentation state and structured report' },
  { value: 'seg', text: '+ segmentation (the masks as DICOM SEG)' },
  { value: 'kos', text: '+ key images (the copies with findings, for the PACS)' },
  { value: 'all', text: '+ presentation state, structured report, segmentation and key images' },
];

export function TwinChoice({ value, onChange }: { value: ExportTwin; onChange(value: ExportTwin): void }) {
  return (
    <label className="text-field">
      <span>Also write</span>
      <select
        aria-label="Also write"
        value={value}
        onChange={(event) => onChange(event.target.value as ExportTwin)}
      >
        {OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </label>
  );
}
