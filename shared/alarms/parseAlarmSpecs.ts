/**
 * Checks alarm data that crosses a trust boundary (IPC from the renderer, a file on disk) before
 * the scheduler uses it. Throws a TypeError naming the first bad field; never coerces.
 */
import type { AlarmMetric, AlarmSpec, AlarmStage } from '../host.ts';
import type { FiredEntry, FiredLog } from './alarmScheduler.ts';

const metrics: readonly AlarmMetric[] = ['arrival', 'firstContact', 'resolution'];
const stages: readonly AlarmStage[] = ['arrived', 'warning', 'breached'];
const severities: readonly AlarmSpec['severity'][] = ['critical', 'normal'];

/** More than any workstation's open tickets times their alarms; a bigger list is a bug upstream. */
export const maxAlarms = 50_000;
const maxText = 2_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.length > max)
    throw new TypeError(`${field}: expected a string of at most ${max} characters`);
  return value;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new TypeError(`${field}: expected one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function instant(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`${field}: expected epoch milliseconds`);
  return value;
}

export function parseAlarmSpec(value: unknown, where = 'alarm'): AlarmSpec {
  if (!isRecord(value)) throw new TypeError(`${where}: expected an object`);
  const ticketId = text(value.ticketId, `${where}.ticketId`, 200);
  if (ticketId === '') throw new TypeError(`${where}.ticketId: must not be empty`);
  return {
    ticketId,
    ticketNumber: value.ticketNumber === null ? null : text(value.ticketNumber, `${where}.ticketNumber`, 100),
    metric: oneOf(value.metric, metrics, `${where}.metric`),
    stage: oneOf(value.stage, stages, `${where}.stage`),
    at: instant(value.at, `${where}.at`),
    severity: oneOf(value.severity, severities, `${where}.severity`),
    title: text(value.title, `${where}.title`, maxText),
    body: text(value.body, `${where}.body`, maxText),
  };
}

/** The list the renderer sends to scheduleAlarms(), checked field by field; extra fields are dropped. */
export function parseAlarmSpecs(value: unknown): AlarmSpec[] {
  if (!Array.isArray(value)) throw new TypeError('alarms: expected an array');
  if (value.length > maxAlarms) throw new TypeError(`alarms: at most ${maxAlarms} alarms`);
  return value.map((item, i) => parseAlarmSpec(item, `alarms[${i}]`));
}

/** The persisted fired log; entries that do not parse are dropped (the worst outcome is one repeated alarm). */
export function parseFiredLog(value: unknown): FiredLog {
  if (!isRecord(value)) return {};
  const log: Record<string, FiredEntry> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (
      isRecord(entry) &&
      typeof entry.ticketId === 'string' &&
      typeof entry.firedAt === 'number' &&
      Number.isFinite(entry.firedAt)
    ) {
      log[key] = { ticketId: entry.ticketId, firedAt: entry.firedAt };
    }
  }
  return log;
}
