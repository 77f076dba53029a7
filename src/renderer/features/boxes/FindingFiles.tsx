/**
 * The findings files imported into the folder, each with the algorithm that made its findings: read from
 * the file (a COCO file's info, a SEG's Segment Algorithm, a NIfTI mask's JSON sidecar) and editable here.
 * The export names it in every object's Contributing Equipment, the report's device observer, the copies'
 * Series Description and the AI notice (as `convert --algorithm` does); the viewer's notice shows it.
 */
import {
  describeAlgorithm,
  mergeAlgorithm,
  type AlgorithmIdentity,
} from '../../../shared/findings/algorithm-identity';
import {
  exportAlgorithm,
  MAX_ALGORITHM_FIELD,
  replaceNonLoCharacters,
  type FileAlgorithm,
} from '../../../shared/findings/file-algorithms';

interface Props {
  files: readonly FileAlgorithm[];
  onChange(files: FileAlgorithm[]): void;
}

const FIELDS: readonly { key: keyof AlgorithmIdentity; label: string; hint: string }[] = [
  { key: 'name', label: 'Algorithm', hint: 'e.g. KidneyNet' },
  { key: 'version', label: 'Version', hint: 'e.g. 2.1' },
  { key: 'manufacturer', label: 'Maker', hint: 'e.g. Acme AI' },
];

/** What a DICOM LO value can hold: no backslash (the value separator), no control character. */
function loInput(text: string): string {
  return replaceNonLoCharacters(text, '').slice(0, MAX_ALGORITHM_FIELD);
}

function withField(
  algorithm: Partial<AlgorithmIdentity>,
  key: keyof AlgorithmIdentity,
  text: string,
): Partial<AlgorithmIdentity> {
  const { [key]: _old, ...rest } = algorithm;
  return text.trim() === '' ? rest : { ...rest, [key]: text };
}

/** 'algorithm: CocoNet 0.9, Coco Labs', or that none is named. */
function summary(algorithm: Partial<AlgorithmIdentity>): string {
  const identity = mergeAlgorithm({}, algorithm);
  if (identity === undefined) return 'algorithm: none named';
  const maker = identity.manufacturer === undefined ? '' : `, ${identity.manufacturer}`;
  return `algorithm: ${describeAlgorithm(identity)}${maker}`;
}

/**
 * One line per file (its name and algorithm; no heading, so the box list keeps its height); opened, the
 * three fields to set or correct it.
 */
export function FindingFiles({ files, onChange }: Props) {
  if (files.length === 0) return null;
  const named = exportAlgorithm(files);
  return (
    <section className="finding-files" aria-label="Findings files">
      {files.map((entry, index) => (
        <details key={entry.file} className="finding-file">
          <summary title={`${entry.file}: ${summary(entry.algorithm)} (open to set the algorithm)`}>
            <span className="finding-file-name">{entry.file}</span>
            <span className="finding-file-algorithm">{summary(entry.algorithm)}</span>
          </summary>
          <fieldset aria-label={`Algorithm of ${entry.file}`}>
            {FIELDS.map((field) => (
              <label key={field.key} className="text-field">
                <span>{field.label}</span>
                <input
                  type="text"
                  value={entry.algorithm[field.key] ?? ''}
                  placeholder={field.hint}
                  maxLength={MAX_ALGORITHM_FIELD}
                  spellCheck={false}
                  onChange={(event) => {
                    const algorithm = withField(entry.algorithm, field.key, loInput(event.target.value));
                    onChange(files.map((f, i) => (i === index ? { ...f, algorithm } : f)));
                  }}
                />
              </label>
            ))}
          </fieldset>
        </details>
      ))}
      {named.ok ? null : (
        <p className="import-report import-refused" role="alert">
          {named.reason}
        </p>
      )}
    </section>
  );
}
