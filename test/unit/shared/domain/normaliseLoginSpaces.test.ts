/**
 * A login's no-break spaces need no rule of their own: NFKC already folds every one of them (and
 * every other space of compatibility) to a plain space, so no character survives it as U+00A0.
 */
import { describe, expect, it } from 'vitest';
import { normaliseLogin } from '#shared/domain/accountRules.ts';

/** Every Unicode scalar value (code points that are not surrogates). */
function* scalarValues(): Generator<string> {
  for (let cp = 0; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) yield String.fromCodePoint(cp);
}

describe('no-break spaces in a login', () => {
  it('leaves no character that NFKC turns into a no-break space', () => {
    const left: string[] = [];
    for (const c of scalarValues()) if (c.normalize('NFKC').includes('\u00a0')) left.push(c);
    expect(left).toEqual([]);
  });

  it('keys a login with a no-break space, narrow or wide, as the login with a plain one', () => {
    for (const space of ['\u00a0', '\u202f', '\u2007']) {
      expect(normaliseLogin(`Ivan${space}Ov`)).toBe('ivan ov');
      expect(normaliseLogin(`${space}ivanov${space}`)).toBe('ivanov');
    }
  });
});
