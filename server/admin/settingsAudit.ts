/** The audit entry of a workspace setting the head (or an admin) saved through a push. */
import type { AuditAction } from '#shared/adminProtocol.ts';

const settingNames: Record<string, string> = {
  'sla-policies': 'Политики SLA',
  calendar: 'Рабочий календарь',
  workspace: 'Рабочее пространство',
  'alarm-defaults': 'Пороги оповещений',
  'kpi-targets': 'Цели KPI',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What changed, in a short Russian sentence: the new version's instant, or the workspace's values. */
export function settingsAuditEntry(doc: { id: string; value?: unknown }): {
  action: AuditAction;
  target: string;
  detail: string;
} {
  const name = settingNames[doc.id] ?? doc.id;
  const value = doc.value;
  let detail = `${name}: изменено`;
  if (isObject(value) && Array.isArray(value.versions) && value.versions.length > 0) {
    const last = value.versions[value.versions.length - 1] as { from?: unknown };
    const from = typeof last.from === 'number' ? new Date(last.from).toISOString() : '?';
    detail = `${name}: версия ${value.versions.length}, действует с ${from}`;
  } else if (doc.id === 'workspace' && isObject(value)) {
    const parts: string[] = [];
    if (typeof value.workingSetDays === 'number') parts.push(`рабочий набор ${value.workingSetDays} дн.`);
    if (typeof value.emailAcknowledgement === 'boolean')
      parts.push(`подтверждение по почте ${value.emailAcknowledgement ? 'включено' : 'выключено'}`);
    if (parts.length) detail = `${name}: ${parts.join(', ')}`;
  }
  return { action: 'settings.change', target: doc.id, detail };
}
