import type { AlgorithmIdentity } from '../../shared/findings/algorithm-identity';

/**
 * A settings or series key with the run's algorithm in it: the algorithm is written into every output
 * (Contributing Equipment, Series Description), so another algorithm gives other UIDs. Without one the
 * key is unchanged, and so are the outputs of runs that name none.
 */
export function withAlgorithm(key: string, algorithm: AlgorithmIdentity | undefined): string {
  if (algorithm === undefined) return key;
  const { name, version = '', manufacturer = '' } = algorithm;
  return `${key}|algorithm=${JSON.stringify([name, version, manufacturer])}`;
}

/** A settings or series key with the notice text in it (it changes the pixels); unchanged without one. */
export function withNotice(key: string, notice: string | undefined): string {
  return notice === undefined ? key : `${key}|notice=${JSON.stringify(notice)}`;
}
