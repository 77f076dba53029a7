/**
 * PixelMed's command-line checks (Debian's libpixelmed-java), run with the system's Java, from outside
 * our toolchain: CheckAllUIDReferencesResolve for media, DicomSRValidator for SR and Key Object Selection.
 */
import { readdirSync } from 'node:fs';
import { runTool } from './dicom-tools';

const JARS = '/usr/share/java';
const NEEDED = ['pixelmed.jar', 'commons-codec.jar', 'commons-net.jar', 'vecmath.jar', 'hsqldb.jar'];

/** The PixelMed jar the Debian package installs (found with dpkg, so a new version is picked up). */
function pixelmedJar(): string {
  const listed = runTool('dpkg', ['-L', 'libpixelmed-java']);
  const jar = listed.stdout.split('\n').find((line) => /\/pixelmed\.jar$/.test(line));
  if (jar === undefined)
    throw new Error('libpixelmed-java is not installed (apt-get install libpixelmed-java)');
  return jar;
}

/** PixelMed and the libraries its validator loads, as far as they are installed. */
function classPath(): string {
  const present = new Set(readdirSync(JARS));
  return NEEDED.filter((jar) => present.has(jar))
    .map((jar) => `${JARS}/${jar}`)
    .join(':');
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

export interface SrValidation {
  errors: string[];
  output: string;
}

/**
 * DicomSRValidator's verdict on an SR or KOS: its lines that report an error (it prints "Error:" or
 * "... error ..."). JDK 17 caps XPath work unless the limits are lifted.
 */
export function pixelmedValidate(path: string): SrValidation {
  const run = runTool('java', [
    '-Djdk.xml.xpathExprOpLimit=0',
    '-Djdk.xml.xpathExprGrpLimit=0',
    '-Djdk.xml.xpathTotalOpLimit=0',
    '-cp',
    classPath(),
    'com.pixelmed.validate.DicomSRValidator',
    path,
  ]);
  const output = `${run.stdout}\n${run.stderr}`;
  if (run.status !== 0) throw new Error(`DicomSRValidator failed on ${path}: ${output}`);
  return { errors: output.split('\n').filter((line) => /^error|\berror\b/i.test(line)), output };
}
