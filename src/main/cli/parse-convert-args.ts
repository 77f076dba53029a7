import { parseHexColor } from '../../shared/boxes/hex-color';
import { isOutlinePlacement } from '../../shared/boxes/model';
import { PRESETS, findPreset } from '../../shared/presets';
import type { WindowSpec } from '../../shared/pipeline/types';
import { DEFAULT_COLOR, DEFAULT_THICKNESS, type ConvertSettings } from '../convert/convert-settings';
import { hasControlOrBackslash, parseReviewerName } from '../../shared/review/review-state';
import type { ConversionJob } from '../export/job';
import type { LabelSpec } from '../../shared/findings/mask-labels';
import { parseMaskLabels } from '../../shared/findings/mask-labels';
import { parseCommandArgs } from './args/parse-args';
import { CONVERT_OPTIONS } from './specs/convert';
import { resolveShard } from '../convert/shard';
import { twinChoiceProblem, twinKinds } from '../twin/types';
import type { AlgorithmIdentity } from '../../shared/findings/algorithm-identity';
import { parseNotice } from '../../shared/boxes/notice';

export interface ConvertCommand {
  job: ConversionJob;
  reportPath?: string;
  quiet: boolean;
  /** `--send` and its options, checked by the delivery's own parser */
  send?: {
    to: string;
    connections?: string;
    retries?: string;
    'calling-ae'?: string;
    resend?: boolean;
    timeout?: string;
    'token-file'?: string;
    supersede?: boolean;
  };
  zipPath?: string;
  /** `--dicomdir`: a DICOMDIR media folder of the outputs */
  dicomdirPath?: string;
  /** `--no-originals`: media without the originals the twins refer to */
  noOriginals?: boolean;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

function finiteNumber(text: string | undefined, flag: string): Parsed<number | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value))
    return { ok: false, reason: `${flag} needs a number, got "${text}"` };
  return { ok: true, value };
}

function parseWindow(values: { window?: string; center?: string; width?: string }): Parsed<WindowSpec> {
  const center = finiteNumber(values.center, '--window-center');
  const width = finiteNumber(values.width, '--window-width');
  if (!center.ok) return center;
  if (!width.ok) return width;
  if (center.value !== undefined || width.value !== undefined) {
    if (center.value === undefined || width.value === undefined) {
      return { ok: false, reason: '--window-center and --window-width must be given together' };
    }
    if (values.window !== undefined && values.window !== 'custom') {
      return {
        ok: false,
        reason: `--window ${values.window} cannot be combined with --window-center/--window-width`,
      };
    }
    if (width.value < 1)
      return {
        ok: false,
        reason: `--window-width must be at least 1 (PS3.3 C.11.2.1.2.1), got ${width.value}`,
      };
    return { ok: true, value: { kind: 'custom', center: center.value, width: width.value } };
  }
  if (values.window === undefined || values.window.toLowerCase() === 'auto')
    return { ok: true, value: { kind: 'auto' } };
  const preset = findPreset(values.window);
  if (!preset) {
    const known = PRESETS.map((p) => p.id).join(', ');
    return {
      ok: false,
      reason: `unknown window "${values.window}"; use auto, one of ${known}, or --window-center/--window-width`,
    };
  }
  return { ok: true, value: { kind: 'preset', name: preset.id } };
}

/** --algorithm, --algorithm-version, --algorithm-manufacturer: the fields given, or undefined for none. */
function algorithmFlags(values: {
  algorithm?: string;
  'algorithm-version'?: string;
  'algorithm-manufacturer'?: string;
}): Partial<AlgorithmIdentity> | undefined {
  const fields: Partial<AlgorithmIdentity> = {
    ...(values.algorithm === undefined ? {} : { name: values.algorithm }),
    ...(values['algorithm-version'] === undefined ? {} : { version: values['algorithm-version'] }),
    ...(values['algorithm-manufacturer'] === undefined
      ? {}
      : { manufacturer: values['algorithm-manufacturer'] }),
  };
  return Object.keys(fields).length === 0 ? undefined : fields;
}

function positiveInteger(
  text: string | undefined,
  flag: string,
  fallback: number | undefined,
): Parsed<number | undefined> {
  if (text === undefined) return { ok: true, value: fallback };
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    return { ok: false, reason: `${flag} needs a whole number of at least 1, got "${text}"` };
  return { ok: true, value };
}

/** --reviewer (a DICOM person name), --reviewer-org and --require-review as settings. */
function parseReviewOptions(values: {
  reviewer?: string;
  'reviewer-org'?: string;
  'require-review'?: boolean;
}): Parsed<Pick<ConvertSettings, 'reviewer' | 'reviewerOrganisation' | 'requireReview'>> {
  const settings: Pick<ConvertSettings, 'reviewer' | 'reviewerOrganisation' | 'requireReview'> = {};
  if (values.reviewer !== undefined) {
    const name = parseReviewerName(values.reviewer);
    if (!name.ok) return { ok: false, reason: `--reviewer: ${name.reason}` };
    settings.reviewer = name.name;
  }
  const organisation = values['reviewer-org'];
  if (organisation !== undefined) {
    if (values.reviewer === undefined)
      return { ok: false, reason: '--reviewer-org only applies with --reviewer <name>' };
    if (organisation.trim() === '' || organisation.length > 64 || hasControlOrBackslash(organisation))
      return {
        ok: false,
        reason: `--reviewer-org needs a name of 1 to 64 characters without backslash, got "${organisation}"`,
      };
    settings.reviewerOrganisation = organisation.trim();
  }
  if (values['require-review'] === true) settings.requireReview = true;
  return { ok: true, value: settings };
}

/** Parses the arguments after `convert` into a job; a usage error says which argument is wrong. */
/**
 * A presentation state covers a whole series and a report a whole study, but a shard holds only its
 * share of their images: shards each wrote a partial one. The twins come from one pass over everything.
 */
export const TWIN_WITH_SHARD =
  '--twin cannot be combined with --shard/--shards: a presentation state covers a whole series and a ' +
  'report a whole study, and a shard converts only its share of their images. Convert with the shards ' +
  'first (without --twin), then run the same command once without --shard and with --twin: the images ' +
  'already converted are checked and skipped, and the twins are written from all of them.';

export const SUPERSEDE_WITH_SHARD =
  '--supersede cannot be combined with --shard/--shards: a shard delivers only its share of the new ' +
  'version, so it cannot tell that the whole version arrived. Send with the shards (--send, without ' +
  "--supersede), then once every shard is done: dicom-ink send <each shard's --out> --to <destination> " +
  '--supersede (what was delivered already is not sent again).';

export function parseConvertArgs(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Parsed<ConvertCommand> {
  const parsed = parseCommandArgs(args, CONVERT_OPTIONS);
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed;
  const inputsFrom = values['inputs-from'];
  if (positionals.length === 0 && inputsFrom === undefined)
    return {
      ok: false,
      reason: 'no input given; name at least one DICOM file or folder (or --inputs-from a list)',
    };
  if (inputsFrom !== undefined && inputsFrom.trim() === '')
    return { ok: false, reason: '--inputs-from needs a file (one path per line) or - for standard input' };
  const shard = resolveShard({ shard: values.shard, shards: values.shards }, env);
  if (!shard.ok) return shard;
  if (values.out === undefined || values.out.trim() === '')
    return { ok: false, reason: '--out <dir> is required' };
  const window = parseWindow({
    window: values.window,
    center: values['window-center'],
    width: values['window-width'],
  });
  if (!window.ok) return window;
  const minScore = finiteNumber(values['min-score'], '--min-score');
  if (!minScore.ok) return minScore;
  if (minScore.value !== undefined && (minScore.value < 0 || minScore.value > 1)) {
    return { ok: false, reason: `--min-score must be between 0 and 1, got ${minScore.value}` };
  }
  const thickness = positiveInteger(values.thickness, '--thickness', DEFAULT_THICKNESS);
  if (!thickness.ok) return thickness;
  const outline = values.outline ?? 'outside';
  if (!isOutlinePlacement(outline))
    return { ok: false, reason: `--outline must be outside or inside, got "${outline}"` };
  const jobs = positiveInteger(values.jobs, '--jobs', undefined);
  if (!jobs.ok) return jobs;
  const maskStyle = values['mask-style'] ?? 'outline';
  if (maskStyle !== 'outline' && maskStyle !== 'box')
    return { ok: false, reason: `--mask-style must be outline or box, got "${maskStyle}"` };
  let maskLabels: LabelSpec[] | undefined;
  if (values['mask-labels'] !== undefined) {
    const labels = parseMaskLabels(values['mask-labels']);
    if (!labels.ok) return labels;
    maskLabels = labels.specs;
  }
  const deliveryOnly = (
    ['connections', 'retries', 'calling-ae', 'resend', 'timeout', 'token-file', 'supersede'] as const
  ).find((flag) => values[flag] !== undefined);
  if (deliveryOnly !== undefined && values.send === undefined)
    return { ok: false, reason: `--${deliveryOnly} only applies with --send <destination>` };
  const twinProblem = twinChoiceProblem(values.twin ?? 'none');
  if (twinProblem !== undefined) return { ok: false, reason: twinProblem };
  const twin = twinKinds(values.twin).size > 0 ? values.twin : undefined;
  if (twin !== undefined && shard.shard) return { ok: false, reason: TWIN_WITH_SHARD };
  const segBoxes = values['seg-boxes'] === true;
  if (segBoxes && !twinKinds(values.twin).has('seg'))
    return {
      ok: false,
      reason:
        '--seg-boxes only applies when a segmentation is written: add --twin seg (or a list with seg, or all)',
    };
  const algorithm = algorithmFlags(values);
  const review = parseReviewOptions(values);
  if (!review.ok) return review;
  const notice = parseNotice(values.notice ?? 'auto');
  if (values.supersede === true && shard.shard) return { ok: false, reason: SUPERSEDE_WITH_SHARD };
  const color = values.color === undefined ? DEFAULT_COLOR : parseHexColor(values.color);
  if (!color)
    return { ok: false, reason: `--color needs a hex colour like ff0000 or #00ff00, got "${values.color}"` };
  return {
    ok: true,
    value: {
      job: {
        inputs: positionals,
        ...(inputsFrom !== undefined ? { inputsFrom } : {}),
        ...(shard.shard ? { shard: shard.shard } : {}),
        outDir: values.out,
        boxFiles: values.boxes ?? [],
        maskFiles: values.masks ?? [],
        importOptions: maskLabels ? { maskStyle, maskLabels } : { maskStyle },
        jobs: jobs.value,
        settings: {
          window: window.value,
          thickness: thickness.value ?? DEFAULT_THICKNESS,
          ...(outline === 'inside' ? { outline } : {}),
          color,
          labels: values.labels ?? false,
          minScore: minScore.value,
          verify: !(values['no-verify'] ?? false) && (values.verify ?? true),
          overwrite: values.overwrite ?? false,
          ...(values['include-derived'] === true ? { includeDerived: true } : {}),
          ...(twin !== undefined ? { twin } : {}),
          ...(segBoxes ? { segBoxes } : {}),
          ...review.value,
          ...(notice.kind === 'none' ? {} : { notice }),
        },
        ...(algorithm === undefined ? {} : { algorithm }),
      },
      reportPath: values.report,
      quiet: values.quiet ?? false,
      ...(values.send !== undefined
        ? {
            send: {
              to: values.send,
              connections: values.connections,
              retries: values.retries,
              'calling-ae': values['calling-ae'],
              resend: values.resend,
              timeout: values.timeout,
              'token-file': values['token-file'],
              supersede: values.supersede,
            },
          }
        : {}),
      ...(values.zip !== undefined ? { zipPath: values.zip } : {}),
      ...(values.dicomdir !== undefined ? { dicomdirPath: values.dicomdir } : {}),
      ...(values['no-originals'] === true ? { noOriginals: true } : {}),
    },
  };
}
