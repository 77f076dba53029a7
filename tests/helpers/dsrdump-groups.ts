/**
 * A report's measurement groups as DCMTK's dsrdump prints them: one value per group for each item asked,
 * in document order, read from dsrdump's text (an oracle independent of DICOM Ink's own SR reader).
 */
import { runTool } from './dicom-tools';

const ITEMS = {
  /** TEXT "Tracking Identifier" */
  id: /TEXT:\(,,"Tracking Identifier"\)="([^"]*)"/g,
  /** the meaning of CODE "Finding" */
  finding: /CODE:\(,,"Finding"\)=\([^,]*,[^,]*,"([^"]*)"\)/g,
  /** TEXT "Found by" */
  finder: /TEXT:\(,,"Found by"\)="([^"]*)"/g,
  /** TEXT "Review state" */
  review: /TEXT:\(,,"Review state"\)="([^"]*)"/g,
  /** the frame number of the IMAGE "Source Image" its region is selected from */
  frame: /IMAGE:\(,,"Source Image"\)=\([^)]*,(\d+)\)/g,
} as const;

export type GroupItem = keyof typeof ITEMS;

/** Per measurement group, the values of `items` in that order ('' where dsrdump printed fewer). */
export function dsrdumpGroups(report: string, items: readonly GroupItem[]): string[][] {
  // +Pl: values whole (dsrdump shortens long ones with '...' by default)
  const dump = runTool('dsrdump', ['+Pl', report]).stdout;
  const columns = items.map((item) => [...dump.matchAll(ITEMS[item])].map((m) => m[1] ?? ''));
  return (columns[0] ?? []).map((_, group) => columns.map((column) => column[group] ?? ''));
}
