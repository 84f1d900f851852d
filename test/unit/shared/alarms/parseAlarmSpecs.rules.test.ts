import { describe, expect, it } from 'vitest';
import { maxAlarms, parseAlarmSpec, parseAlarmSpecs, parseFiredLog } from '#shared/alarms/parseAlarmSpecs.ts';
import { spec } from './alarmFactory.ts';

// Alarm data crossing a trust boundary: refused with a TypeError naming the first bad field and
// what it expects, never coerced.
const refusal = (input: unknown) => {
  try {
    parseAlarmSpecs(input);
  } catch (err) {
    return err instanceof TypeError ? err.message : `not a TypeError: ${String(err)}`;
  }
  return 'accepted';
};

describe('the alarm list from the renderer', () => {
  it('keeps every field of each alarm, with or without a ticket number', () => {
    const alarms = [
      spec(),
      spec({ ticketId: 't2', ticketNumber: null, metric: 'arrival', stage: 'arrived', severity: 'normal', at: 0 }),
      spec({ ticketId: 't3', metric: 'resolution', stage: 'breached', at: -5 }),
    ];
    expect(parseAlarmSpecs(alarms)).toEqual(alarms);
    expect(parseAlarmSpecs([])).toEqual([]);
  });

  it('refuses each malformed field with its name and what it expects', () => {
    expect(refusal({ length: 1 })).toBe('alarms: expected an array');
    expect(refusal([spec(), 'x'])).toBe('alarms[1]: expected an object');
    expect(refusal([null])).toBe('alarms[0]: expected an object');
    expect(refusal([[spec()]])).toBe('alarms[0]: expected an object');
    expect(refusal([spec({ ticketId: '' })])).toBe('alarms[0].ticketId: must not be empty');
    expect(refusal([{ ...spec(), ticketId: 7 }])).toBe('alarms[0].ticketId: expected a string of at most 200 characters');
    expect(refusal([{ ...spec(), ticketNumber: 101 }])).toBe(
      'alarms[0].ticketNumber: expected a string of at most 100 characters',
    );
    expect(refusal([{ ...spec(), metric: 'lunch' }])).toBe('alarms[0].metric: expected one of arrival, firstContact, resolution');
    expect(refusal([{ ...spec(), stage: 3 }])).toBe('alarms[0].stage: expected one of arrived, warning, breached');
    expect(refusal([{ ...spec(), severity: 'loud' }])).toBe('alarms[0].severity: expected one of critical, normal');
    expect(refusal([{ ...spec(), at: '2026-11-23' }])).toBe('alarms[0].at: expected epoch milliseconds');
    expect(refusal([{ ...spec(), at: Number.POSITIVE_INFINITY }])).toBe('alarms[0].at: expected epoch milliseconds');
    expect(refusal([{ ...spec(), title: null }])).toBe('alarms[0].title: expected a string of at most 2000 characters');
    expect(refusal([{ ...spec(), body: undefined }])).toBe('alarms[0].body: expected a string of at most 2000 characters');
  });

  it('names the field of a single alarm after where it came from, "alarm" by default', () => {
    expect(() => parseAlarmSpec({ ...spec(), at: null })).toThrow(new TypeError('alarm.at: expected epoch milliseconds'));
    expect(() => parseAlarmSpec('x', 'stored')).toThrow(new TypeError('stored: expected an object'));
  });

  it('takes texts up to their limits and not a character more', () => {
    const at = (over: Partial<Record<'ticketId' | 'ticketNumber' | 'title' | 'body', string>>) =>
      refusal([{ ...spec(), ...over }]);
    expect(
      at({ ticketId: 'i'.repeat(200), ticketNumber: 'n'.repeat(100), title: 't'.repeat(2000), body: 'b'.repeat(2000) }),
    ).toBe('accepted');
    expect(at({ ticketId: 'i'.repeat(201) })).toMatch(/^alarms\[0\]\.ticketId:/);
    expect(at({ ticketNumber: 'n'.repeat(101) })).toMatch(/^alarms\[0\]\.ticketNumber:/);
    expect(at({ title: 't'.repeat(2001) })).toMatch(/^alarms\[0\]\.title:/);
    expect(at({ body: 'b'.repeat(2001) })).toMatch(/^alarms\[0\]\.body:/);
  });

  it(`takes at most ${maxAlarms} alarms`, () => {
    const full = Array.from({ length: maxAlarms }, (_, i) => spec({ ticketId: `t${i}` }));
    expect(parseAlarmSpecs(full)).toHaveLength(maxAlarms);
    expect(refusal([...full, spec()])).toBe('alarms: at most 50000 alarms');
  });
});

describe('the fired log read from disk', () => {
  it('keeps each well-formed entry under its key and drops the rest, without throwing', () => {
    expect(
      parseFiredLog({
        a: { ticketId: 't1', firedAt: 5, extra: true },
        b: { ticketId: 't2' },
        c: 'x',
        d: { ticketId: 3, firedAt: 5 },
        e: { ticketId: 't3', firedAt: '5' },
        f: { ticketId: 't4', firedAt: Number.NaN },
        g: null,
        h: [{ ticketId: 't5', firedAt: 5 }],
      }),
    ).toEqual({ a: { ticketId: 't1', firedAt: 5 } });
    expect(parseFiredLog(null)).toEqual({});
    expect(parseFiredLog('log')).toEqual({});
    expect(parseFiredLog([{ ticketId: 't1', firedAt: 5 }])).toEqual({});
  });
});
