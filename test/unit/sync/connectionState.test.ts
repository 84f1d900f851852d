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

const online: ConnectionSignal[] = [{ type: 'stream_connected', collection: 'tickets' }, { type: 'initial_sync_done' }];

describe('connection state', () => {
  it('is connecting until the first sync is done and the tickets stream is up', () => {
    expect(connectionStateOf(after())).toBe('connecting');
    expect(connectionStateOf(after({ type: 'initial_sync_done' }))).toBe('connecting');
    expect(connectionStateOf(after({ type: 'stream_connected', collection: 'kb' }, { type: 'initial_sync_done' }))).toBe('connecting');
    expect(connectionStateOf(after(...online))).toBe('online');
  });

  it('goes offline when a stream cannot reach the endpoint, with no request failing', () => {
    expect(connectionStateOf(after(...online, { type: 'stream_unreachable', collection: 'tickets' }))).toBe('offline');
    // Any stream: the endpoint is the same.
    expect(connectionStateOf(after(...online, { type: 'stream_unreachable', collection: 'events' }))).toBe('offline');
  });

  it('goes offline after a reload with the endpoint gone: nothing ever connected', () => {
    expect(connectionStateOf(after({ type: 'stream_unreachable', collection: 'tickets' }))).toBe('offline');
    expect(connectionStateOf(after({ type: 'request_unreachable' }))).toBe('offline');
  });

  it('a stream that ended is connecting, not offline: its reconnect decides', () => {
    const ended = after(...online, { type: 'stream_ended', collection: 'tickets' });
    expect(connectionStateOf(ended)).toBe('connecting');
    expect(connectionStateOf(nextConnectionFacts(ended, { type: 'stream_unreachable', collection: 'tickets' }))).toBe('offline');
    expect(connectionStateOf(nextConnectionFacts(ended, { type: 'stream_connected', collection: 'tickets' }))).toBe('online');
  });

  it('comes back online when the stream reconnects after an outage', () => {
    const away = after(...online, { type: 'stream_unreachable', collection: 'tickets' }, { type: 'request_unreachable' });
    expect(connectionStateOf(away)).toBe('offline');
    expect(connectionStateOf(nextConnectionFacts(away, { type: 'stream_connected', collection: 'tickets' }))).toBe('online');
  });

  it('an answered request makes the endpoint reachable, online only with the stream up', () => {
    const away = after(...online, { type: 'stream_unreachable', collection: 'tickets' });
    expect(connectionStateOf(nextConnectionFacts(away, { type: 'request_answered' }))).toBe('connecting');
    const noRequest = after(...online, { type: 'request_unreachable' });
    expect(connectionStateOf(nextConnectionFacts(noRequest, { type: 'request_answered' }))).toBe('online');
  });

  it('the system going offline is offline at once; signed out wins over everything', () => {
    expect(connectionStateOf(after(...online, { type: 'system_offline' }))).toBe('offline');
    expect(connectionStateOf(after(...online, { type: 'signed_out' }, { type: 'request_answered' }))).toBe('signed_out');
  });
});
