/** The exit codes of `dicom-ink` (README "Exit codes"; the help prints EXIT_CODES_TEXT). */
export const EXIT = {
  /** every DICOM image found was converted (files that are not images are listed as skipped) */
  ok: 0,
  /** some image could not be converted, the output disk is full or read-only, or the command failed */
  someFailed: 1,
  /** usage error, or nothing could start (bad input, unusable box file, unwritable --out) */
  usage: 2,
  /** every image converted, but some findings were not placed (bad row, no matching image or frame, box outside) */
  findingsNotPlaced: 3,
  /** interrupted (Ctrl-C, SIGINT), as shells expect: 128 + signal 2 */
  interrupted: 130,
  /**
   * a converter thread could not be stopped (blocked inside a system call, e.g. on stalled storage): the
   * summary names its file, and since no process can exit while such a thread waits, dicom-ink ends itself
   * by SIGTERM (128 + 15); after Ctrl-C it ends by SIGINT (130)
   */
  threadStuck: 143,
} as const;

export const EXIT_CODES_TEXT = `Exit codes: 0 every DICOM image converted (non-images are skipped),
1 some image failed, or the output disk is full or read-only (the run stops),
2 nothing converted: usage error, bad input, no usable finding, unwritable --out,
3 converted, but some findings were not placed (listed with their line and reason),
130 interrupted (Ctrl-C),
143 a converter thread could not be stopped (the summary names its file).`;
