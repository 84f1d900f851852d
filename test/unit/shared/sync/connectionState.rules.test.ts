import { describe, expect, it } from 'vitest';
import {
  connectionStateOf,
  initialConnectionFacts,
  nextConnectionFacts,
  type ConnectionSignal,
} from '#shared/sync/connectionState.ts';

// The status bar's connection state at its edges: evidence at the same instant, evidence twice.
const after = (...signals: ConnectionSignal[]) => connectionStateOf(signals.reduce(nextConnectionFacts, initialConnectionFacts));
const up: ConnectionSignal = { type: 'stream_connected', collection: 'tickets', sentAt: 100 };
const done: ConnectionSignal = { type: 'initial_sync_done' };

describe('the connection state', () => {
  it('is connecting with the tickets stream up until the first sync is done', () => {
    expect(after(up)).toBe('connecting');
    expect(after(up, done)).toBe('online');
  });

  it('takes an answer to a request sent at the very instant the endpoint was found unreachable as news', () => {
    const down: ConnectionSignal = { type: 'request_unreachable', at: 200 };
    expect(after(up, done, down, { type: 'request_answered', sentAt: 200 })).toBe('online');
    expect(after(up, done, down, { type: 'stream_connected', collection: 'tickets', sentAt: 200 })).toBe('online');
  });

  it('dates the endpoint’s absence by the latest evidence of it', () => {
    const twice: ConnectionSignal[] = [
      { type: 'request_unreachable', at: 200 },
      { type: 'stream_unreachable', collection: 'events', at: 300 },
    ];
    expect(after(up, done, ...twice, { type: 'request_answered', sentAt: 250 })).toBe('offline');
    expect(after(up, done, ...twice, { type: 'request_answered', sentAt: 300 })).toBe('online');
    expect(after(up, done, twice[1]!, twice[0]!, { type: 'request_answered', sentAt: 250 })).toBe('offline');
  });
});
