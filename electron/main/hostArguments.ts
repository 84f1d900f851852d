/**
 * Checks what the renderer passes to the Host functions. IPC arguments are data from another
 * process: each handler parses them into the contract's types or throws a TypeError, never coerces.
 */
import {
  reportPeriodChoices,
  type AlarmThresholds,
  type NotifyRequest,
  type ReportPeriodSetting,
  type Settings,
} from '../../shared/host.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function boundedString(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.length > max)
    throw new TypeError(`${field}: expected a string of at most ${max} characters`);
  return value;
}

function wholeNumber(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(`${field}: expected a whole number from ${min} to ${max}`);
  }
  return value;
}

/** A column width: resizing yields fractional pixels. */
function pixels(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 10_000) {
    throw new TypeError(`${field}: expected a width from 0 to 10000 pixels`);
  }
  return value;
}

function bool(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new TypeError(`${field}: expected true or false`);
  return value;
}

function parseEndpointUrl(value: unknown): string {
  const url = boundedString(value, 'endpointUrl', 2_000).trim();
  if (url === '') return '';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError('endpointUrl: not a URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TypeError('endpointUrl: expected http or https');
  return url;
}

/** A week in minutes: no threshold is meaningfully longer. */
const maxThresholdMinutes = 7 * 24 * 60;

function parseThresholds(value: unknown, current: AlarmThresholds): AlarmThresholds {
  if (!isRecord(value)) throw new TypeError('alarms: expected an object');
  const next = { ...current };
  for (const [key, item] of Object.entries(value)) {
    switch (key) {
      case 'emergencyContactWarnBefore':
      case 'emergencyResolutionWarnBefore':
      case 'standardResolutionWarnBefore':
        next[key] = wholeNumber(item, `alarms.${key}`, 0, maxThresholdMinutes);
        break;
      case 'sound':
        next.sound = bool(item, 'alarms.sound');
        break;
      default:
        throw new TypeError(`alarms.${key}: unknown setting`);
    }
  }
  return next;
}

/** Parses a settings patch against the current settings; alarm thresholds may be patched partly. */
export function parseSettingsPatch(value: unknown, current: Settings): Partial<Settings> {
  if (!isRecord(value)) throw new TypeError('settings: expected an object');
  const patch: Partial<Settings> = {};
  for (const [key, item] of Object.entries(value)) {
    switch (key) {
      case 'locale':
        if (item !== 'ru' && item !== 'en') throw new TypeError('locale: expected ru or en');
        patch.locale = item;
        break;
      case 'theme':
        if (item !== 'light' && item !== 'dark' && item !== 'auto') throw new TypeError('theme: expected light, dark or auto');
        patch.theme = item;
        break;
      case 'endpointUrl':
        patch.endpointUrl = parseEndpointUrl(item);
        break;
      case 'lastLogin':
        patch.lastLogin = boundedString(item, 'lastLogin', 200);
        break;
      case 'onShift':
        patch.onShift = bool(item, 'onShift');
        break;
      case 'alarms':
        patch.alarms = parseThresholds(item, current.alarms);
        break;
      case 'queueColumns':
        if (!Array.isArray(item) || item.length > 100) throw new TypeError('queueColumns: expected at most 100 column ids');
        patch.queueColumns = item.map((id, i) => boundedString(id, `queueColumns[${i}]`, 100));
        break;
      case 'queueColumnWidths': {
        if (!isRecord(item)) throw new TypeError('queueColumnWidths: expected an object');
        const entries = Object.entries(item);
        if (entries.length > 100) throw new TypeError('queueColumnWidths: at most 100 columns');
        patch.queueColumnWidths = Object.fromEntries(
          entries.map(([id, width]) => [
            boundedString(id, 'queueColumnWidths key', 100),
            pixels(width, `queueColumnWidths.${id}`),
          ]),
        );
        break;
      }
      case 'reportPeriod':
        patch.reportPeriod = item === null ? null : parseReportPeriod(item);
        break;
      default:
        throw new TypeError(`${key}: unknown setting`);
    }
  }
  return patch;
}

const civilDate = /^\d{4}-\d{2}-\d{2}$/;

function parseReportPeriod(value: unknown): ReportPeriodSetting {
  if (!isRecord(value)) throw new TypeError('reportPeriod: expected an object or null');
  const choice = reportPeriodChoices.find((c) => c === value.choice);
  if (!choice) throw new TypeError(`reportPeriod.choice: expected one of ${reportPeriodChoices.join(', ')}`);
  const date = (item: unknown, name: string) => {
    if (typeof item !== 'string' || !civilDate.test(item)) throw new TypeError(`reportPeriod.${name}: expected YYYY-MM-DD`);
    return item;
  };
  return { choice, from: date(value.from, 'from'), to: date(value.to, 'to') };
}

export function parseNotifyRequest(value: unknown): NotifyRequest {
  if (!isRecord(value)) throw new TypeError('notify: expected an object');
  if (value.severity !== 'critical' && value.severity !== 'normal') throw new TypeError('severity: expected critical or normal');
  const request: NotifyRequest = {
    title: boundedString(value.title, 'title', 2_000),
    body: boundedString(value.body, 'body', 2_000),
    severity: value.severity,
  };
  if (value.ticketId !== undefined) request.ticketId = boundedString(value.ticketId, 'ticketId', 200);
  if (value.late !== undefined) request.late = bool(value.late, 'late');
  return request;
}

export function parseAttentionCount(value: unknown): number {
  return wholeNumber(value, 'count', 0, 1_000_000);
}

/** A token is an opaque string; null signs out. */
export function parseToken(value: unknown): string | null {
  if (value === null) return null;
  return boundedString(value, 'token', 16_384);
}

/** A yes/no argument (launch at login). */
export function parseFlag(value: unknown, field: string): boolean {
  return bool(value, field);
}
