/**
 * Sessions as they cross the IPC boundary: the box document and the view/export settings of one opened
 * folder. The shape equals src/main/session's SessionSettings (main proves it at compile time).
 */
import type { OutlinePlacement, Rgb } from '../boxes/model';
import type { NoticeChoice } from '../boxes/notice';
import type { EditorDocument } from '../editor/edits';
import type { FileAlgorithm } from '../findings/file-algorithms';
import type { SliceRef } from '../editor/editable-box';
import type { WindowSpec } from '../pipeline/types';

export interface SessionSettingsData {
  window: WindowSpec;
  thickness: number;
  color: Rgb;
  labels: boolean;
  /** where box outlines lie in the viewer and the export (absent: outside the box) */
  outline?: OutlinePlacement;
  /** boxes scoring below this (0-1) are hidden in the viewer and left out of the export */
  minScore?: number;
  /** labels whose findings are hidden in the viewer and left out of the export ('' = boxes without a label) */
  hiddenLabels?: string[];
  /** the reader giving verdicts (DICOM PN, e.g. DOE^JANE): required before the first verdict */
  reviewer?: string;
  lastSlice?: SliceRef;
  /** the findings files imported into this folder, each with the algorithm it names or the user set */
  findingFiles?: FileAlgorithm[];
  /** the AI notice chosen in the Export dialog (absent: auto, as the CLI) */
  notice?: NoticeChoice;
}

export interface SessionPayload {
  document: EditorDocument;
  settings: SessionSettingsData;
}

export interface LoadedSession extends SessionPayload {
  /** true when a saved session was found */
  restored: boolean;
  /** why a saved session could not be used, for the user */
  warning?: string;
}
