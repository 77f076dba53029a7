import type { CommandSpec } from './args/spec';
import { APP_SPEC } from './specs/app';
import { CONVERT_SPEC } from './specs/convert';
import { INFO_SPEC } from './specs/info';
import { PRESETS_SPEC } from './specs/presets';
import { REVIEW_SUMMARY_SPEC } from './specs/review-summary';
import { DESTINATIONS_SPEC, ECHO_SPEC, PACK_SPEC, SEND_SPEC } from './specs/send';

/** A sub-command: its spec (for help and parsing) and its code, loaded only when it runs. */
export interface CommandEntry {
  spec: CommandSpec;
  /** runs the command on the arguments after its name; resolves to the exit code */
  load(): Promise<(args: readonly string[]) => Promise<number>>;
}

/**
 * Every `dicom-ink` command, in the order `dicom-ink --help` lists them. Adding a command is one spec
 * file in specs/ and one entry here. Each command's code is imported only when it runs: `convert`
 * never loads app code, and its main thread never loads the decoders (only the workers do).
 */
export const COMMANDS: readonly CommandEntry[] = [
  { spec: CONVERT_SPEC, load: async () => (await import('./convert-command')).convertCommand },
  { spec: PRESETS_SPEC, load: async () => (await import('./presets-command')).presetsCommand },
  { spec: INFO_SPEC, load: async () => (await import('./info-command')).infoCommand },
  { spec: SEND_SPEC, load: async () => (await import('./send-command')).sendCommand },
  { spec: ECHO_SPEC, load: async () => (await import('./echo-command')).echoCommand },
  { spec: DESTINATIONS_SPEC, load: async () => (await import('./destinations-command')).destinationsCommand },
  {
    spec: REVIEW_SUMMARY_SPEC,
    load: async () => (await import('./review-summary-command')).reviewSummaryCommand,
  },
  { spec: PACK_SPEC, load: async () => (await import('./pack-command')).packCommand },
  { spec: APP_SPEC, load: async () => (await import('./app-command')).appCommand },
];

export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.spec.name === name);
}
