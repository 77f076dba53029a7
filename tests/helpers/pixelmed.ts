/** PixelMed's command-line checks (libpixelmed-java), run with the system's Java. */
import { runTool } from './dicom-tools';

/** The PixelMed jar the Debian package installs (found with dpkg, so a new version is picked up). */
function pixelmedJar(): string {
  const listed = runTool('dpkg', ['-L', 'libpixelmed-java']);
  const jar = listed.stdout.split('\n').find((line) => /\/pixelmed\.jar$/.test(line));
  if (jar === undefined)
    throw new Error('libpixelmed-java is not installed (apt-get install libpixelmed-java)');
  return jar;
}

/**
 * PixelMed's CheckAllUIDReferencesResolve on a folder (a DICOMDIR media folder or any tree of files):
 * every "reference to SOP Instance UID ... that is not present in the set of files" it reports, as
 * `file -> uid`.
 */
export function unresolvedReferences(folder: string): string[] {
  const run = runTool('java', [
    '-cp',
    pixelmedJar(),
    'com.pixelmed.apps.CheckAllUIDReferencesResolve',
    folder,
  ]);
  if (run.status !== 0) throw new Error(`CheckAllUIDReferencesResolve failed: ${run.stderr}`);
  const text = `${run.stdout}\n${run.stderr}`;
  return [
    ...text.matchAll(/In file (\S+) was a reference to SOP Instance UID (\S+) that is not present/g),
  ].map((m) => `${m[1] ?? ''} -> ${m[2] ?? ''}`);
}
