import { describe, expect, it } from 'vitest';
import { countdownOf, formatClock } from '../../../../../renderer/src/features/ticket/slaCountdown.ts';
import { slaStateOf } from '#shared/domain/ticketDeadlines.ts';
import { makeTicket, monday10 } from '../../../../support/ticketFactory.ts';

const minute = 60_000;

describe('formatClock', () => {
  it.each([
    [0, '0:00:00'],
    [59, '0:00:59'],
    [61, '0:01:01'],
    [3600, '1:00:00'],
    [48 * 3600 - 1, '47:59:59'],
    [-5, '0:00:00'],
  ])('%i s -> %s', (seconds, text) => {
    expect(formatClock(seconds)).toBe(text);
  });
});

describe('countdownOf', () => {
  it('counts the working time left to first contact of an emergency', () => {
    const t = makeTicket({ priority: 'emergency' }, { priority: 'emergency' });
    const c = countdownOf(slaStateOf(t, monday10 + 5 * minute).firstContact!);
    expect(c).toMatchObject({ kind: 'running', clock: '0:10:00', dueAt: monday10 + 15 * minute });
  });

  it('is met once the client was contacted, with the instant', () => {
    const t = makeTicket({ priority: 'emergency', firstContactAt: monday10 + 3 * minute }, { priority: 'emergency' });
    expect(countdownOf(slaStateOf(t, monday10 + 20 * minute).firstContact!)).toMatchObject({
      kind: 'met',
      clock: '',
      metAt: monday10 + 3 * minute,
    });
  });

  it('shows how long a deadline is overdue', () => {
    const t = makeTicket({ priority: 'emergency' }, { priority: 'emergency' });
    expect(countdownOf(slaStateOf(t, monday10 + 17 * minute).firstContact!)).toMatchObject({
      kind: 'breached',
      clock: '0:02:00',
    });
  });

  it('stops the resolution countdown while waiting for the client', () => {
    const t = makeTicket({
      status: 'waiting_client',
      statusLog: [
        { status: 'new', at: monday10 },
        { status: 'waiting_client', at: monday10 + 60 * minute },
      ],
    });
    const at2h = countdownOf(slaStateOf(t, monday10 + 120 * minute).resolution);
    const at3h = countdownOf(slaStateOf(t, monday10 + 180 * minute).resolution);
    expect(at2h.kind).toBe('paused');
    expect(at2h.clock).toBe('23:00:00');
    expect(at3h.clock).toBe(at2h.clock);
  });
});
