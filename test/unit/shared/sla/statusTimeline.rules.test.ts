import { describe, expect, it } from 'vitest';
import { statusTimeline, type StatusEntry, type StatusTimeline } from '../../../../shared/sla/statusTimeline.ts';

const created = 100;
const waiting = ['waiting_client'];
const log = (...entries: Array<[string, number]>): StatusEntry[] => entries.map(([status, at]) => ({ status, at }));

describe('a status history read as the resolution clock', () => {
  it.each<[string, StatusEntry[], number | null, number, StatusTimeline]>([
    [
      'no history: the clock runs from creation until now',
      [],
      null,
      200,
      { running: [100, 200], pausedMs: 0, pausedNow: false, finishedAt: null, end: 200 },
    ],
    [
      'no history but resolved: the clock stopped at the resolution',
      [],
      150,
      200,
      { running: [100, 150], pausedMs: 0, pausedNow: false, finishedAt: 150, end: 150 },
    ],
    [
      'no history, resolved this very instant',
      [],
      200,
      200,
      { running: [100, 200], pausedMs: 0, pausedNow: false, finishedAt: 200, end: 200 },
    ],
    [
      'no history, a resolution stamped before creation counts from creation',
      [],
      50,
      200,
      { running: [100, 100], pausedMs: 0, pausedNow: false, finishedAt: 100, end: 100 },
    ],
    [
      'no history, a resolution still in the future (a clock running ahead) is ignored',
      [],
      250,
      200,
      { running: [100, 200], pausedMs: 0, pausedNow: false, finishedAt: null, end: 200 },
    ],
    [
      'no history, now before creation (a clock running behind): nothing has run',
      [],
      null,
      50,
      { running: [100, 100], pausedMs: 0, pausedNow: false, finishedAt: null, end: 100 },
    ],
    [
      'a ticket looked at in the instant it was created has run no time',
      log(['new', 100]),
      null,
      100,
      { running: [], pausedMs: 0, pausedNow: false, finishedAt: null, end: 100 },
    ],
    [
      'consecutive running statuses make one stretch',
      log(['new', 100], ['in_progress', 150]),
      null,
      200,
      { running: [100, 200], pausedMs: 0, pausedNow: false, finishedAt: null, end: 200 },
    ],
    [
      'waiting for the client pauses the clock and is counted aside',
      log(['new', 100], ['in_progress', 110], ['waiting_client', 130], ['in_progress', 170]),
      null,
      200,
      { running: [100, 130, 170, 200], pausedMs: 40, pausedNow: false, finishedAt: null, end: 200 },
    ],
    [
      'an entry after now is ignored',
      log(['new', 100], ['in_progress', 150], ['resolved', 300]),
      null,
      200,
      { running: [100, 200], pausedMs: 0, pausedNow: false, finishedAt: null, end: 200 },
    ],
    [
      'an entry stamped this very instant counts',
      log(['new', 100], ['resolved', 200]),
      null,
      200,
      { running: [100, 200], pausedMs: 0, pausedNow: false, finishedAt: 200, end: 200 },
    ],
    [
      'a history out of order is read in time order',
      log(['new', 100], ['waiting_client', 160], ['in_progress', 130]),
      null,
      200,
      { running: [100, 160], pausedMs: 40, pausedNow: true, finishedAt: null, end: 200 },
    ],
    [
      'resolved then closed: the clock stopped at the resolution',
      log(['new', 100], ['in_progress', 110], ['resolved', 150], ['closed', 170]),
      null,
      300,
      { running: [100, 150], pausedMs: 0, pausedNow: false, finishedAt: 150, end: 150 },
    ],
    [
      'a history of finished statuses only, starting after creation',
      log(['resolved', 120], ['closed', 130]),
      null,
      300,
      { running: [100, 120], pausedMs: 0, pausedNow: false, finishedAt: 120, end: 120 },
    ],
    [
      'a reopened ticket runs again from the reopening',
      log(['new', 100], ['resolved', 150], ['in_progress', 170]),
      null,
      200,
      { running: [100, 150, 170, 200], pausedMs: 0, pausedNow: false, finishedAt: null, end: 200 },
    ],
    [
      'entries before creation count from creation',
      log(['new', 50], ['waiting_client', 80]),
      null,
      200,
      { running: [], pausedMs: 100, pausedNow: true, finishedAt: null, end: 200 },
    ],
    [
      'a history that starts in a pausing status at creation is paused from creation',
      log(['waiting_client', 100]),
      null,
      200,
      { running: [], pausedMs: 100, pausedNow: true, finishedAt: null, end: 200 },
    ],
    [
      'a history that starts after creation is new until its first entry',
      log(['waiting_client', 150]),
      null,
      200,
      { running: [100, 150], pausedMs: 50, pausedNow: true, finishedAt: null, end: 200 },
    ],
  ])('%s', (_what, entries, resolvedAt, now, expected) => {
    expect(statusTimeline(created, entries, resolvedAt, waiting, now)).toEqual(expected);
  });

  it('the stretch before a late first entry is "new", which a policy may pause too', () => {
    expect(statusTimeline(created, log(['in_progress', 150]), null, ['new'], 200)).toEqual({
      running: [150, 200],
      pausedMs: 50,
      pausedNow: false,
      finishedAt: null,
      end: 200,
    });
  });
});
