/**
 * The description of a command and its options: one table drives both parsing and `--help`, so adding
 * an option (or a command) is adding one entry.
 */
export interface OptionSpec {
  /** 'string' options take a value (`--out dir`, `--out=dir`, also `--window-center -600`) */
  type: 'string' | 'boolean';
  /** the value's placeholder in the help, e.g. `<dir>` */
  value?: string;
  /** one sentence for the help; wrapped to the terminal-friendly width */
  help: string;
  /** may be given several times (the values come back as an array) */
  multiple?: boolean;
  /** accepted but not listed in the help (kept for compatibility) */
  hidden?: boolean;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface CommandSpec {
  /** the word after `dicom-ink` */
  name: string;
  /** the usage line(s) without the leading "Usage: " */
  synopsis: string;
  /** one line for the command list of `dicom-ink --help` */
  summary: string;
  /** a paragraph under the usage line */
  description: string;
  options: OptionSpecs;
  /** text after the option list (formats, exit codes) */
  notes?: string;
  examples?: readonly string[];
}

/** The values of a parsed command line, typed from its option table. */
export type OptionValues<O extends OptionSpecs> = {
  -readonly [K in keyof O]?: O[K]['type'] extends 'boolean'
    ? boolean
    : O[K]['multiple'] extends true
      ? string[]
      : string;
};
