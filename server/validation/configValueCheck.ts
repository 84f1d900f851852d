/**
 * The values of the settings the SLA engine and the desks read: checked with the same rules the
 * settings screen uses (shared/sla/slaSettings.ts), so no desk can store a policy or a calendar
 * that every other desk would then refuse.
 */
import {
  validateCalendarConfig,
  validateSlaPolicies,
  validateWorkspaceSettings,
  settingsMessagesRu,
} from '#shared/sla/slaSettings.ts';
import type { SettingsCheck } from '#shared/sla/slaSettings.ts';
import { validateVersioned } from '#shared/sla/settingsVersions.ts';

const checks: Record<string, (value: unknown) => SettingsCheck<unknown>> = {
  'sla-policies': (v) => validateVersioned(v, validateSlaPolicies),
  calendar: (v) => validateVersioned(v, validateCalendarConfig),
  workspace: validateWorkspaceSettings,
};

export function checkConfigValue(key: unknown, value: unknown): { ok: true } | { ok: false; reason: string } {
  const check = typeof key === 'string' ? checks[key] : undefined;
  if (!check) return { ok: true };
  const result = check(value);
  if (result.ok) return { ok: true };
  const first = result.errors.slice(0, 3).map((e) => `${e.path || key}: ${settingsMessagesRu[e.code]}`);
  return { ok: false, reason: `Настройка «${String(key)}» не сохранена. ${first.join(' ')}` };
}
