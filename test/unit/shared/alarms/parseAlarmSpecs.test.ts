import { describe, expect, it } from 'vitest';
import { parseAlarmSpecs, parseFiredLog } from '../../../../shared/alarms/parseAlarmSpecs.ts';
import { spec } from './alarmFactory.ts';

describe('parseAlarmSpecs (data from the renderer)', () => {
  it('accepts a well-formed list and drops fields it does not know', () => {
    const alarm = spec({ ticketNumber: null });
    expect(parseAlarmSpecs([{ ...alarm, extra: 'ignored' }])).toEqual([alarm]);
  });

  it.each<[string, unknown]>([
    ['not an array', { length: 1 }],
    ['an item that is not an object', ['x']],
    ['an empty ticket id', [spec({ ticketId: '' })]],
    ['an unknown metric', [{ ...spec(), metric: 'lunch' }]],
    ['an unknown stage', [{ ...spec(), stage: 'soon' }]],
    ['an unknown severity', [{ ...spec(), severity: 'loud' }]],
    ['an instant that is not a number', [{ ...spec(), at: '2026-11-23' }]],
    ['an instant that is NaN', [{ ...spec(), at: Number.NaN }]],
    ['a title that is not a string', [{ ...spec(), title: 5 }]],
    ['a huge body', [{ ...spec(), body: 'x'.repeat(5_000) }]],
  ])('refuses %s', (_label, input) => {
    expect(() => parseAlarmSpecs(input)).toThrow(TypeError);
  });

  it('names the offending field', () => {
    expect(() => parseAlarmSpecs([spec(), { ...spec(), at: null }])).toThrow('alarms[1].at');
  });
});

describe('parseFiredLog (data from disk)', () => {
  it('keeps valid entries and drops the rest', () => {
    expect(parseFiredLog({ a: { ticketId: 't1', firedAt: 5 }, b: { ticketId: 't2' }, c: 'x' })).toEqual({
      a: { ticketId: 't1', firedAt: 5 },
    });
    expect(parseFiredLog(null)).toEqual({});
    expect(parseFiredLog([1, 2])).toEqual({});
  });
});
