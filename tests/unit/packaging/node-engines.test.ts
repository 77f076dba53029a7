/**
 * The Node versions package.json declares are honest: on every supported version, no package in the
 * lock file demands another Node (so `npm ci` prints no EBADENGINE warning), and the lowest versions
 * some packages demand lie outside the range for a reason the README names (electron 45's installer).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const semver = require('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
};

interface LockPackage {
  version?: string;
  optional?: boolean;
  engines?: { node?: string };
}
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, LockPackage>;
};
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};

/** Packages (name@version) whose `engines.node` the Node `version` does not satisfy. */
function unsatisfied(version: string): string[] {
  return Object.entries(lock.packages)
    .filter(([path, p]) => path !== '' && !p.optional && p.engines?.node !== undefined)
    .filter(([, p]) => !semver.satisfies(version, p.engines?.node ?? '*'))
    .map(([path, p]) => `${path.replace(/^.*node_modules\//, '')}@${p.version ?? '?'}`);
}

describe('Node versions', () => {
  const range = pkg.engines.node;
  const supported = ['22.13.0', '22.20.0', '24.0.0', '24.11.1', '25.2.0'];

  it('package.json and the lock file declare the same range', () => {
    expect(lock.packages['']?.engines?.node).toBe(range);
  });

  for (const version of supported) {
    it(`Node ${version} is supported and every locked package accepts it (npm ci is quiet)`, () => {
      expect(semver.satisfies(version, range)).toBe(true);
      expect(unsatisfied(version)).toEqual([]);
    });
  }

  it('Node 20 and 22.12 are outside the range because electron 45 and its tooling need newer', () => {
    for (const version of ['20.19.0', '22.12.0']) expect(semver.satisfies(version, range)).toBe(false);
    expect(unsatisfied('20.19.0')).toContain(`electron@${pkg.devDependencies.electron ?? ''}`);
    expect(Number(pkg.devDependencies.electron?.split('.')[0])).toBeGreaterThanOrEqual(45);
  });
});
