/**
 * What Настройки accepts for the alarm thresholds: whole minutes within ranges that still make
 * sense against the SLA targets (a first-contact warning 15 minutes before a 15-minute deadline
 * would coincide with the arrival). 0 turns that warning off.
 */
import type { AlarmThresholds } from '../host.ts';

export type ThresholdField = Exclude<keyof AlarmThresholds, 'sound'>;

export const thresholdFields: readonly ThresholdField[] = [
  'emergencyContactWarnBefore',
  'emergencyResolutionWarnBefore',
  'standardResolutionWarnBefore',
];

export const thresholdLimits: Readonly<Record<ThresholdField, { min: number; max: number }>> = {
  /** The emergency first-contact target is 15 minutes. */
  emergencyContactWarnBefore: { min: 0, max: 14 },
  /** The emergency resolution target is 4 working hours. */
  emergencyResolutionWarnBefore: { min: 0, max: 180 },
  /** Working minutes; one working day is 540. */
  standardResolutionWarnBefore: { min: 0, max: 540 },
};

export type ThresholdError = { code: 'required' } | { code: 'not_integer' } | { code: 'out_of_range'; min: number; max: number };

/** The minutes typed into one field, or why they cannot be used. */
export function parseThreshold(
  field: ThresholdField,
  raw: string | number,
): { ok: true; value: number } | { ok: false; error: ThresholdError } {
  const text = String(raw).trim();
  if (text === '') return { ok: false, error: { code: 'required' } };
  if (!/^-?\d+$/.test(text)) return { ok: false, error: { code: 'not_integer' } };
  const value = Number(text);
  const { min, max } = thresholdLimits[field];
  if (value < min || value > max) return { ok: false, error: { code: 'out_of_range', min, max } };
  return { ok: true, value };
}
