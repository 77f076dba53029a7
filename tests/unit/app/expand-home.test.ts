import { describe, expect, it } from 'vitest';
import { expandHome } from '../../../src/main/app/expand-home';

describe('expandHome', () => {
  it('turns ~ and ~/... into the home folder, as a shell does', () => {
    expect(expandHome('~', '/home/ada')).toBe('/home/ada');
    expect(expandHome('~/studies/case-042', '/home/ada')).toBe('/home/ada/studies/case-042');
    expect(expandHome('  ~/a ', '/home/ada')).toBe('/home/ada/a');
  });
  it('leaves other paths, and ~user, alone', () => {
    expect(expandHome('/data/~/x', '/home/ada')).toBe('/data/~/x');
    expect(expandHome('~bob/x', '/home/ada')).toBe('~bob/x');
  });
});
