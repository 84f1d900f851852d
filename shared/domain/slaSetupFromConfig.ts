/**
 * The workspace's SLA setup read from the `sla-policies` and `calendar` config documents (the
 * defaults where absent or unusable), with the versions so a ticket's deadlines come from the
 * setup in force when it was created.
 */
import { createBusinessCalendar, type BusinessCalendar, type CalendarConfig, type SlaPolicies } from '../sla/index.ts';
import { validateCalendarConfig, validateSlaPolicies } from '../sla/slaSettings.ts';
import { validateVersioned, versionAt, type SettingVersion, type VersionedSetting } from '../sla/settingsVersions.ts';
import { defaultSlaSetup, type SlaSetup, type SlaSetupSource } from './ticketDeadlines.ts';

export type SlaPolicyVersions = VersionedSetting<SlaPolicies>;
export type CalendarVersions = VersionedSetting<CalendarConfig>;

/** A config value as the desk or the endpoint read it, or null where the document is absent or unusable. */
export function slaPolicyVersionsOf(value: unknown): SlaPolicyVersions | null {
  const check = validateVersioned(value, validateSlaPolicies);
  return check.ok ? check.value : null;
}

export function calendarVersionsOf(value: unknown): CalendarVersions | null {
  const check = validateVersioned(value, validateCalendarConfig);
  return check.ok ? check.value : null;
}

// Building a calendar indexes years lazily but still validates; one per version is enough.
const calendars = new WeakMap<SettingVersion<CalendarConfig>, BusinessCalendar>();
function calendarOf(version: SettingVersion<CalendarConfig>): BusinessCalendar {
  let cal = calendars.get(version);
  if (!cal) {
    cal = createBusinessCalendar(version.value);
    calendars.set(version, cal);
  }
  return cal;
}

function sourceAt(policies: SlaPolicyVersions | null, calendar: CalendarVersions | null, at: number): SlaSetupSource {
  const p = versionAt(policies, at);
  const c = versionAt(calendar, at);
  const defaults = defaultSlaSetup();
  return {
    policies: p ? p.value : defaults.policies,
    calendar: c ? calendarOf(c) : defaults.calendar,
    policyVersion: p ? { id: p.id, from: p.from, editedBy: p.editedBy } : null,
    calendarVersion: c ? { id: c.id, from: c.from, editedBy: c.editedBy } : null,
  };
}

/**
 * The setup of the config documents: its policies and calendar are the newest (for new tickets,
 * the clock display), and `at(createdAt)` gives the one a ticket created then is measured by.
 */
export function slaSetupFromConfig(policiesValue: unknown, calendarValue: unknown): SlaSetup {
  const policies = slaPolicyVersionsOf(policiesValue);
  const calendar = calendarVersionsOf(calendarValue);
  if (!policies && !calendar) return defaultSlaSetup();
  const cache = new Map<string, SlaSetupSource>();
  const at = (instant: number): SlaSetupSource => {
    const p = versionAt(policies, instant)?.id ?? '';
    const c = versionAt(calendar, instant)?.id ?? '';
    const key = `${p}\n${c}`;
    let s = cache.get(key);
    if (!s) {
      s = sourceAt(policies, calendar, instant);
      cache.set(key, s);
    }
    return s;
  };
  return { ...at(Number.MAX_SAFE_INTEGER), at };
}
