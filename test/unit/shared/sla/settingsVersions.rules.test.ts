import { describe, expect, it } from 'vitest';
import type { SettingsCheck } from '#shared/sla/slaSettings.ts';
import { validateVersioned, versionAt, withVersion, type SettingVersion } from '#shared/sla/settingsVersions.ts';

const version = (id: string, from: number, value = 1): SettingVersion<number> => ({ id, from, editedBy: 'head-1', value });

describe('the version in force at an instant', () => {
  const setting = { versions: [version('b', 200), version('a', 100), version('c', 300)] };

  it('is the latest that started at or before it, whatever the list’s order', () => {
    expect(versionAt(setting, 99)).toBe(null);
    expect(versionAt(setting, 100)?.id).toBe('a');
    expect(versionAt(setting, 250)?.id).toBe('b');
    expect(versionAt(setting, 1_000)?.id).toBe('c');
  });

  it('of two saved at the same instant, the later in the list', () => {
    expect(versionAt({ versions: [version('first', 100), version('second', 100)] }, 100)?.id).toBe('second');
  });

  it('is none (the defaults) without a setting', () => {
    expect(versionAt(null, 100)).toBe(null);
  });
});

describe('a new version', () => {
  it('is appended to the history, the earlier versions kept', () => {
    expect(withVersion({ versions: [version('a', 100)] }, version('b', 200))).toEqual({
      versions: [version('a', 100), version('b', 200)],
    });
    expect(withVersion(null, version('a', 100))).toEqual({ versions: [version('a', 100)] });
  });
});

describe('checking a stored versioned setting', () => {
  // The value of each version: a number of at least 1; an object names the faulty field.
  const check = (v: unknown): SettingsCheck<number> =>
    typeof v === 'number' && v >= 1
      ? { ok: true, value: v }
      : typeof v === 'object' && v !== null
        ? { ok: false, errors: [{ path: 'minutes', code: 'not-a-number' }] }
        : { ok: false, errors: [{ path: '', code: 'out-of-range' }] };
  const notTheList = { ok: false, errors: [{ path: 'versions', code: 'not-an-object' }] };

  it('accepts a list of well-formed versions as it is', () => {
    const value = { versions: [version('a', 100), version('b', 200, 5)] };
    expect(validateVersioned(value, check)).toEqual({ ok: true, value });
    expect(validateVersioned({ versions: [] }, check)).toEqual({ ok: true, value: { versions: [] } });
  });

  it.each([null, 'text', [], { versions: 'none' }, {}])('refuses %j as not a list of versions', (value) => {
    expect(validateVersioned(value, check)).toEqual(notTheList);
  });

  it('names every faulty version by its place, and each faulty field inside it', () => {
    const value = {
      versions: [
        version('a', 100),
        null,
        [],
        { from: 1, editedBy: 'h', value: 1 },
        { id: 'x', from: 1, value: 1 },
        { id: 'x', from: '1', editedBy: 'h', value: 1 },
        { id: 'x', from: Infinity, editedBy: 'h', value: 0 },
        { id: 'x', from: 1, editedBy: 'h', value: { minutes: 'a' } },
      ],
    };
    expect(validateVersioned(value, check)).toEqual({
      ok: false,
      errors: [
        { path: 'versions.1', code: 'not-an-object' },
        { path: 'versions.2', code: 'not-an-object' },
        { path: 'versions.3', code: 'not-an-object' },
        { path: 'versions.4', code: 'not-an-object' },
        { path: 'versions.5.from', code: 'not-a-number' },
        { path: 'versions.6.from', code: 'not-a-number' },
        { path: 'versions.6.value', code: 'out-of-range' },
        { path: 'versions.7.value.minutes', code: 'not-a-number' },
      ],
    });
  });
});
