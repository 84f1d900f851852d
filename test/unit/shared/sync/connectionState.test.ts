/** The status bar's connection state from the sync engine's observations (shared/sync/connectionState.ts). */
import { describe, expect, it } from 'vitest';
import {
  connectionStateOf,
  initialConnectionFacts,
  nextConnectionFacts,
  type ConnectionFacts,
  type ConnectionSignal,
} from '#shared/sync/connectionState.ts';

function after(...signals: ConnectionSignal[]): ConnectionFacts {
  return signals.reduce(nextConnectionFacts, initialConnectionFacts);
}

// Instants in ms: the desk came online at 100, things happen later.
const up = (collection: string, sentAt = 100): ConnectionSignal => ({ type: 'stream_connected', collection, sentAt });
const unreachable = (collection: string, at = 200): ConnectionSignal => ({ type: 'stream_unreachable', collection, at });
const online: ConnectionSignal[] = [up('tickets'), { type: 'initial_sync_done' }];

describe('connection state', () => {
  it('is connecting until the first sync is done and the tickets stream is up', () => {
    expect(connectionStateOf(after())).toBe('connecting');
    expect(connectionStateOf(after({ type: 'initial_sync_done' }))).toBe('connecting');
    expect(connectionStateOf(after(up('kb'), { type: 'initial_sync_done' }))).toBe('connecting');
    expect(connectionStateOf(after(...online))).toBe('online');
  });

  it('goes offline when a stream cannot reach the endpoint, with no request failing', () => {
    expect(connectionStateOf(after(...online, unreachable('tickets')))).toBe('offline');
    // Any stream: the endpoint is the same.
    expect(connectionStateOf(after(...online, unreachable('events')))).toBe('offline');
  });

  it('goes offline after a reload with the endpoint gone: nothing ever connected', () => {
    expect(connectionStateOf(after(unreachable('tickets')))).toBe('offline');
    expect(connectionStateOf(after({ type: 'request_unreachable', at: 50 }))).toBe('offline');
  });

  it('a stream that ended is connecting, not offline: its reconnect decides', () => {
    const ended = after(...online, { type: 'stream_ended', collection: 'tickets' });
    expect(connectionStateOf(ended)).toBe('connecting');
    expect(connectionStateOf(nextConnectionFacts(ended, unreachable('tickets', 300)))).toBe('offline');
    expect(connectionStateOf(nextConnectionFacts(ended, up('tickets', 300)))).toBe('online');
  });

  it('comes back online when the stream reconnects after an outage', () => {
    const away = after(...online, unreachable('tickets', 200), { type: 'request_unreachable', at: 250 });
    expect(connectionStateOf(away)).toBe('offline');
    expect(connectionStateOf(nextConnectionFacts(away, up('tickets', 400)))).toBe('online');
  });

  it('an answered request makes the endpoint reachable, online only with the stream up', () => {
    const away = after(...online, unreachable('tickets', 200));
    expect(connectionStateOf(nextConnectionFacts(away, { type: 'request_answered', sentAt: 300 }))).toBe('connecting');
    const noRequest = after(...online, { type: 'request_unreachable', at: 200 });
    expect(connectionStateOf(nextConnectionFacts(noRequest, { type: 'request_answered', sentAt: 300 }))).toBe('online');
  });

  it('an answer to a request sent before the network went down does not bring it back', () => {
    // The system said offline at 200; a pull sent at 150 is answered just after.
    const wentDown = after(...online, { type: 'system_offline', at: 200 });
    expect(connectionStateOf(nextConnectionFacts(wentDown, { type: 'request_answered', sentAt: 150 }))).toBe('offline');
    expect(connectionStateOf(nextConnectionFacts(wentDown, up('tickets', 150)))).toBe('offline');
    // One sent afterwards does.
    expect(connectionStateOf(nextConnectionFacts(wentDown, { type: 'request_answered', sentAt: 250 }))).toBe('online');
  });

  it('the system going offline is offline at once; signed out wins over everything', () => {
    expect(connectionStateOf(after(...online, { type: 'system_offline', at: 200 }))).toBe('offline');
    expect(connectionStateOf(after(...online, { type: 'signed_out' }, { type: 'request_answered', sentAt: 300 }))).toBe(
      'signed_out',
    );
  });
});
