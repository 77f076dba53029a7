/**
 * PixelMed's DicomSRValidator (Debian's libpixelmed-java): checks an SR or Key Object Selection against
 * its IOD and templates, from outside our toolchain. JDK 17 caps XPath work unless the limits are lifted.
 */
import { readdirSync } from 'node:fs';
import { runTool } from './dicom-tools';

const JARS = '/usr/share/java';
const NEEDED = ['pixelmed.jar', 'commons-codec.jar', 'commons-net.jar', 'vecmath.jar', 'hsqldb.jar'];

function classPath(): string {
  const present = new Set(readdirSync(JARS));
  return NEEDED.filter((jar) => present.has(jar))
    .map((jar) => `${JARS}/${jar}`)
    .join(':');
}

export interface SrValidation {
  errors: string[];
  output: string;
}

/** The validator's verdict: its lines that report an error (it prints "Error:" or "... error ..."). */
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
