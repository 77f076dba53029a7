import type { CommandSpec } from '../args/spec';
import { EXIT_CODES_TEXT } from '../exit-codes';
import { DELIVERY_OPTIONS } from './send';

/** The options of `dicom-ink convert`: parse-convert-args reads them, `convert --help` lists them. */
export const CONVERT_OPTIONS = {
  out: {
    type: 'string',
    value: '<dir>',
    help: 'output folder (required; an --out inside an input folder is not scanned)',
  },
  window: {
    type: 'string',
    value: '<auto|PRESET>',
    help: "display window: auto (default: the file's first window or VOI LUT, else the frame's min-max) or a preset name (see `dicom-ink presets`)",
  },
  'window-center': {
    type: 'string',
    value: '<C>',
    help: 'custom window center (with --window-width), in modality units (e.g. HU; negative values like -600 are fine)',
  },
  'window-width': {
    type: 'string',
    value: '<W>',
    help: 'custom window width (LINEAR, DICOM PS3.3 C.11.2.1.2.1)',
  },
  boxes: {
    type: 'string',
    value: '<file|folder>',
    multiple: true,
    help: 'findings to burn in (repeatable): pixel box CSV/JSON, 3D boxes in patient mm, COCO JSON, a YOLO folder, a DICOM SR (TID 1500) or presentation state (GSPS); the format is recognised from the content',
  },
  masks: {
    type: 'string',
    value: '<file>',
    multiple: true,
    help: 'label masks to outline (repeatable): NIfTI-1/2 (.nii or .nii.gz) or DICOM SEG, placed on the series whose grid they fit within half a voxel; a mask that fits none is refused',
  },
  'mask-style': {
    type: 'string',
    value: '<style>',
    help: "outline (default: each label's edge, --thickness wide, outside the region) or box (one box per 8-connected part of a label on a slice)",
  },
  'mask-labels': {
    type: 'string',
    value: '<list>',
    help: 'the labels to draw, with names and colours, e.g. 1=kidney:00ff00,2=tumour:ff0000 (default: every non-zero label, Okabe-Ito colours)',
  },
  'min-score': {
    type: 'string',
    value: '<S>',
    help: 'draw only boxes with score >= S (0-1; rows without a score are drawn)',
  },
  thickness: {
    type: 'string',
    value: '<N>',
    help: 'box outline width in pixels (default 4)',
  },
  outline: {
    type: 'string',
    value: '<where>',
    help: 'where box outlines lie: outside (default: every pixel of the box stays visible) or inside (drawn inward from the box edge); mask outlines always lie outside the region',
  },
  color: {
    type: 'string',
    value: '<rrggbb>',
    help: 'box colour when a row names none (default ff0000)',
  },
  labels: { type: 'boolean', help: "also burn each box's label beside it" },
  twin: {
    type: 'string',
    value: '<kind>',
    help: 'also write the findings as: gsps (a presentation state over the original images, one per series), sr (a TID 1500 structured report, one per study), seg (a DICOM Segmentation of the mask findings, one per series), kos (a key object selection of the copies with findings, one per study), a comma list of these, both (gsps,sr), all, or none (default); not with --shard: see the README',
  },
  'seg-boxes': {
    type: 'boolean',
    help: 'with --twin seg (or all): the segmentation stores boxes too, each as a filled rectangle on its slice (by default it stores mask findings only)',
  },
  algorithm: {
    type: 'string',
    value: '<name>',
    help: "the algorithm that found the findings, e.g. KidneyNet: named in every output's Contributing Equipment, the series description and the report's observer (default: a COCO file's info.description or a SEG's Segment Algorithm Name)",
  },
  'algorithm-version': {
    type: 'string',
    value: '<V>',
    help: "the algorithm's version (default: a COCO file's info.version)",
  },
  notice: {
    type: 'string',
    value: '<how>',
    help: "write one short line on each image with a finding, in the corner that covers no finding and the least anatomy: auto ('AI: <algorithm> <version> - not reviewed', or '- reviewed' once a reader judged every finding shown), your own text, or none (default: auto; images without findings are never changed)",
  },
  'algorithm-manufacturer': {
    type: 'string',
    value: '<name>',
    help: "who makes the algorithm (default: a COCO file's info.contributor)",
  },
  reviewer: {
    type: 'string',
    value: '<PN>',
    help: 'who gave the verdicts in the box file\'s review column, as a DICOM person name (e.g. "DOE^JANE"): the report names them as observer, and as verifier when every finding is reviewed',
  },
  'reviewer-org': {
    type: 'string',
    value: '<name>',
    help: "the reviewer's organisation (the report's Verifying Organization; default UNKNOWN)",
  },
  'require-review': {
    type: 'boolean',
    help: 'refuse the run (exit 2, nothing written) while any finding is unreviewed',
  },
  jobs: { type: 'string', value: '<N>', help: 'worker threads (default: number of CPU cores)' },
  overwrite: {
    type: 'boolean',
    help: 'replace existing output files (default: keep them, report as skipped)',
  },
  'include-derived': {
    type: 'boolean',
    help: "also convert images DICOM Ink wrote (by default an earlier run's outputs found among the inputs are skipped)",
  },
  'no-verify': { type: 'boolean', help: 'do not read each output back to check it (faster)' },
  verify: { type: 'boolean', help: 'read each output back to check it (the default)', hidden: true },
  report: {
    type: 'string',
    value: '<file.jsonl>',
    help: "write every input's outcome as JSON Lines while the run goes (a start line, one line per input, an end line)",
  },
  'inputs-from': {
    type: 'string',
    value: '<file|->',
    help: 'also convert the paths listed in this file, one per line (- reads standard input); relative lines are mirrored under --out as written',
  },
  shard: {
    type: 'string',
    value: '<i/n|auto>',
    help: "convert only share i of n (1 <= i <= n), chosen by a hash of each file's output path; auto reads a Slurm job array's SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT",
  },
  shards: {
    type: 'string',
    value: '<n>',
    help: "split the inputs into n shares and convert the one the scheduler's task index names (JOB_COMPLETION_INDEX of a Kubernetes Indexed Job, or SLURM_ARRAY_TASK_ID)",
  },
  quiet: { type: 'boolean', help: 'no progress; print only failures and the totals' },
  send: {
    type: 'string',
    value: '<destination>',
    help: 'also send each output to a PACS as soon as it is verified (a saved name, dicom://AE@host:port or a DICOMweb root; see `dicom-ink send --help`)',
  },
  ...DELIVERY_OPTIONS,
  zip: {
    type: 'string',
    value: '<file.zip>',
    help: 'also write the outputs into a ZIP file, streamed as they are written',
  },
  dicomdir: {
    type: 'string',
    value: '<folder>',
    help: 'also write the outputs into a DICOMDIR media folder (see `dicom-ink pack --help`); with --overwrite a folder that is not empty is replaced',
  },
  'no-originals': {
    type: 'boolean',
    help: '--zip/--dicomdir with --twin: leave out the original images the twins refer to (packed byte for byte by default, ZIP entries under originals/); a warning names the references that will not resolve',
  },
} as const;

export const CONVERT_SPEC: CommandSpec = {
  name: 'convert',
  synopsis: 'dicom-ink convert <input>... --out <dir> [options]',
  summary: 'convert files and folders',
  description:
    'Converts grayscale (and colour) DICOM images to RGB Secondary Capture DICOM with the display window applied and detection boxes burned in. Inputs are files or folders (searched recursively; DICOM files are found by content, not by extension). Outputs go to --out/<folder name>/<path inside the folder> for each folder input and to --out/<file name> for each file input, however many inputs there are; an input given twice, or inside another input, is converted once. Inputs are never modified.',
  options: CONVERT_OPTIONS,
  notes: `Box files: columns sop_instance_uid, or file (path relative to the input folder), or
series_instance_uid + instance_number; x1,y1,x2,y2 (0-based pixel corners, inclusive);
optional frame (1-based), label, score, color (rrggbb), thickness (outline pixels).

Links and special files: symbolic links in input folders are followed wherever they lead (a
folder of links into an archive works); a link back to a folder already visited is not entered
again, so loops end. FIFOs, sockets and devices are never opened: they are listed as skipped.
Outputs are written only inside --out's real path: a symbolic link inside --out that leads
elsewhere (or to the inputs) is not written through; that file fails with the reason. --out may
not be a system folder (/etc, /usr, /var, /opt, /root, ...) or a hidden folder of your home.

${EXIT_CODES_TEXT}`,
  examples: [
    'dicom-ink convert study/ --out study-burned/ --window abdomen --boxes detections.csv',
    'dicom-ink convert a.dcm b.dcm --out out/ --window-center -600 --window-width 1500 --labels',
    'find . -type f | dicom-ink convert --inputs-from - --out /data/out --shard 2/8 --report 2.jsonl',
  ],
};
