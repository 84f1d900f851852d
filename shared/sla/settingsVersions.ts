/**
 * Versions of a setting: a change applies from its instant on, so the config document keeps every
 * version with the instant it took effect and who made it; a ticket's deadlines use the version in
 * force when the ticket was created. The list is also the change history (who, when, what).
 */
import type { SettingsCheck, SettingsError } from './slaSettings.ts';

export interface SettingVersion<T> {
  readonly id: string;
  /** Epoch ms from which the version applies (the instant it was saved). */
  readonly from: number;
  readonly editedBy: string;
  readonly value: T;
}

export interface VersionedSetting<T> {
  readonly versions: readonly SettingVersion<T>[];
}

/** The version in force at `at` (the latest that started at or before it), or null: the defaults. */
export function versionAt<T>(setting: VersionedSetting<T> | null, at: number): SettingVersion<T> | null {
  let found: SettingVersion<T> | null = null;
  for (const v of setting?.versions ?? []) if (v.from <= at && (!found || v.from >= found.from)) found = v;
  return found;
}

/** The setting with a new version appended, in force from `from`. */
export function withVersion<T>(setting: VersionedSetting<T> | null, version: SettingVersion<T>): VersionedSetting<T> {
  return { versions: [...(setting?.versions ?? []), version] };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the list and every version's value; errors are prefixed `versions.N.value`. */
export function validateVersioned<T>(
  value: unknown,
  check: (v: unknown) => SettingsCheck<T>,
): SettingsCheck<VersionedSetting<T>> {
  if (!isObject(value) || !Array.isArray(value.versions))
    return { ok: false, errors: [{ path: 'versions', code: 'not-an-object' }] };
  const errors: SettingsError[] = [];
  value.versions.forEach((v: unknown, i) => {
    const path = `versions.${i}`;
    if (!isObject(v) || typeof v.id !== 'string' || typeof v.editedBy !== 'string') {
      errors.push({ path, code: 'not-an-object' });
      return;
    }
    // Number.isFinite refuses every non-number as well (it does not convert).
    if (!Number.isFinite(v.from)) errors.push({ path: `${path}.from`, code: 'not-a-number' });
    const inner = check(v.value);
    if (!inner.ok)
      for (const e of inner.errors) errors.push({ path: `${path}.value${e.path ? `.${e.path}` : ''}`, code: e.code });
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: value as unknown as VersionedSetting<T> };
}
