import type { CommandSpec } from '../args/spec';

export const REVIEW_SUMMARY_OPTIONS = {
  json: {
    type: 'boolean',
    help: 'print JSON: the counts per label and in total, and the table of every finding (file, origin, id, label, review)',
  },
} as const;

export const REVIEW_SUMMARY_SPEC: CommandSpec = {
  name: 'review-summary',
  synopsis: 'dicom-ink review-summary <report.dcm|boxes.csv|boxes.json>... [--json]',
  summary: 'count how many findings a reader accepted, rejected, edited or left unreviewed',
  description:
    "Reads box files (their review column) and DICOM Ink's structured reports (each finding's review state) and prints, per label and in total, how many findings were accepted, rejected, edited and left unreviewed: the figures a reader study needs to measure a model's precision.",
  options: REVIEW_SUMMARY_OPTIONS,
  notes: 'Exit codes: 0 the summary was printed, 1 a file could not be read, 2 usage error.',
  examples: ['dicom-ink review-summary out/report-1234.dcm', 'dicom-ink review-summary reviewed.csv --json'],
};
