/**
 * The app's finding import at the boundary: requests from the untrusted renderer are refused when a name
 * could leave the temporary folder; the chosen files become sources the way the CLI takes them (a mask's
 * label table goes with its mask, a folder is one source).
 */
import { describe, expect, it } from 'vitest';
import { sourcesOf } from '../../../src/main/app/services/findings-service';
import { parseRequest } from '../../../src/shared/ipc/validate';

const file = (name: string) => ({ name, bytes: new Uint8Array([1, 2, 3]) });

describe('findings:import requests', () => {
  it('accepts chosen files and a folder of label files', () => {
    expect(
      parseRequest('findings:import', { folder: '/data/ct', kind: 'files', files: [file('m.nii.gz')] }).ok,
    ).toBe(true);
    expect(
      parseRequest('findings:import', { folder: '/data/ct', kind: 'folder', files: [file('labels/a.txt')] })
        .ok,
    ).toBe(true);
  });

  it('refuses names that climb out, absolute names, no file, and a folder file outside the folder', () => {
    for (const files of [[file('../x.csv')], [file('/etc/passwd')], [file('a/./b')], [file('a\\b')], []]) {
      expect(
        parseRequest('findings:import', { folder: '/data/ct', kind: 'files', files }).ok,
        JSON.stringify(files),
      ).toBe(false);
    }
    expect(
      parseRequest('findings:import', { folder: '/data/ct', kind: 'folder', files: [file('a.txt')] }).ok,
    ).toBe(false);
    expect(
      parseRequest('findings:import', {
        folder: '/data/ct',
        kind: 'files',
        files: [file('a.csv'), file('a.csv')],
      }).ok,
    ).toBe(false);
  });
});

describe('sources of an import', () => {
  it("a mask's label table is read beside it, not as a box file of its own", () => {
    const sources = sourcesOf(
      {
        folder: '/d',
        kind: 'files',
        files: [file('lesion-mask.nii.gz'), file('lesion-mask.json'), file('boxes.csv')],
      },
      '/tmp/x',
    );
    expect(sources).toEqual([
      { given: '/tmp/x/lesion-mask.nii.gz', flag: '--masks', name: 'lesion-mask.nii.gz' },
      { given: '/tmp/x/boxes.csv', flag: '--boxes', name: 'boxes.csv' },
    ]);
  });

  it('a chosen folder is one source, named by the folder', () => {
    const sources = sourcesOf(
      { folder: '/d', kind: 'folder', files: [file('yolo/IM1.txt'), file('yolo/classes.txt')] },
      '/tmp/x',
    );
    expect(sources).toEqual([{ given: '/tmp/x/yolo', flag: '--boxes', name: 'yolo' }]);
  });
});
