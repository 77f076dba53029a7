/**
 * Which algorithm produced a run's findings (IHE AI Results): its name, version and maker, from the
 * command line or from the findings files that carry it. Pure data, shared by the writers and the notice.
 */
export interface AlgorithmIdentity {
  /** e.g. 'KidneyNet' */
  name: string;
  /** e.g. '2.1' */
  version?: string;
  manufacturer?: string;
}

/**
 * What a segmentation names as an algorithm's Segment Algorithm when the run names none: AUTOMATIC needs a
 * name (PS3.3 C.8.20.2, Type 1C), and MANUAL would say a person drew what an algorithm found. Reading a
 * segmentation back, this name names no algorithm.
 */
export const UNNAMED_ALGORITHM = 'unnamed algorithm';

/** 'KidneyNet 2.1' (or just the name when the version is unknown). */
export function describeAlgorithm(algorithm: AlgorithmIdentity): string {
  return algorithm.version === undefined ? algorithm.name : `${algorithm.name} ${algorithm.version}`;
}

/**
 * The identity a run uses: each field the flags give wins over the one the findings files give; no
 * name from either, no identity.
 */
export function mergeAlgorithm(
  flags: Partial<AlgorithmIdentity>,
  fromFiles: Partial<AlgorithmIdentity> | undefined,
): AlgorithmIdentity | undefined {
  const name = flags.name ?? fromFiles?.name;
  if (name === undefined || name.trim() === '') return undefined;
  const version = flags.version ?? fromFiles?.version;
  const manufacturer = flags.manufacturer ?? fromFiles?.manufacturer;
  return {
    name: name.trim(),
    ...(version !== undefined && version.trim() !== '' ? { version: version.trim() } : {}),
    ...(manufacturer !== undefined && manufacturer.trim() !== ''
      ? { manufacturer: manufacturer.trim() }
      : {}),
  };
}

/**
 * One field of an identity as a findings file writes it (a COCO file's info, a mask's JSON sidecar): a
 * non-empty string, trimmed, or a number (a version such as 2.1); anything else names nothing.
 */
export function identityField(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

/** The identity of the fields that are given: an undefined field is left out. */
export function identityOf(
  name: string | undefined,
  version: string | undefined,
  manufacturer: string | undefined,
): Partial<AlgorithmIdentity> {
  return {
    ...(name === undefined ? {} : { name }),
    ...(version === undefined ? {} : { version }),
    ...(manufacturer === undefined ? {} : { manufacturer }),
  };
}
