import fc from 'fast-check';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ageKey, formatAge, formatWorkingSpan, workingSpanKey } from '../../../../../renderer/src/features/queue/slaDisplay.ts';

/** A stand-in for i18next: the key and its options, so equal words mean equal calls. */
const t = ((key: string, options?: object) => `${key} ${JSON.stringify(options ?? {})}`) as unknown as TFunction;

describe('keys of what the queue cells show', () => {
  it('a working span: equal keys exactly when the words are equal', () => {
    const minutes = fc.double({ min: -5 * 24 * 60, max: 5 * 24 * 60, noNaN: true });
    fc.assert(
      fc.property(minutes, minutes, (a, b) => {
        expect(workingSpanKey(a) === workingSpanKey(b)).toBe(formatWorkingSpan(a, t) === formatWorkingSpan(b, t));
      }),
    );
    // Neighbours, where the words change most often.
    fc.assert(
      fc.property(minutes, fc.integer({ min: 1, max: 120_000 }), (a, ms) => {
        const b = a + ms / 60_000;
        expect(workingSpanKey(a) === workingSpanKey(b)).toBe(formatWorkingSpan(a, t) === formatWorkingSpan(b, t));
      }),
    );
  });

  it('an age: equal keys exactly when the words are equal', () => {
    const created = 1_700_000_000_000;
    const at = fc.integer({ min: created - 60_000, max: created + 40 * 86_400_000 });
    fc.assert(
      fc.property(at, at, (a, b) => {
        expect(ageKey(created, a) === ageKey(created, b)).toBe(formatAge(created, a, t) === formatAge(created, b, t));
      }),
    );
  });
});
