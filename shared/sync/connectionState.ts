/**
 * The connection state shown in the status bar, from what the sync engine observes. Pure: the
 * engine feeds it signals (a request answered or could not reach the endpoint, a live stream
 * came up, went down or failed to connect) and shows `connectionStateOf` the facts.
 *
 * "Offline" needs evidence that the endpoint cannot be reached, and any of these is evidence: a
 * pull, push or health check that failed at the network level, a live stream's connection attempt
 * that failed the same way, or the system saying the network is gone. A stream that merely ended
 * (the server closed it) is not: its reconnect, half a second later, decides. An answer from the
 * endpoint (a request, a stream that connected) makes it reachable again, unless the request was
 * sent before the latest evidence of the contrary: an answer to a request sent before the network
 * went down says nothing about now (with idle live streams, nothing else would correct it).
 * Instants are the caller's clock, in ms.
 */

export type ConnectionState = 'online' | 'connecting' | 'offline' | 'signed_out';

export type ConnectionSignal =
  | { type: 'request_answered'; sentAt: number }
  | { type: 'request_unreachable'; at: number }
  | { type: 'stream_connected'; collection: string; sentAt: number }
  | { type: 'stream_ended'; collection: string }
  | { type: 'stream_unreachable'; collection: string; at: number }
  | { type: 'system_offline'; at: number }
  | { type: 'signed_out' }
  | { type: 'initial_sync_done' };

export interface ConnectionFacts {
  reachable: boolean;
  /** When the endpoint was last found unreachable (-Infinity: never). */
  unreachableAt: number;
  signedOut: boolean;
  /** Every collection finished its first pull since the start. */
  initialDone: boolean;
  /** Collections whose live stream is connected. */
  streamsUp: ReadonlySet<string>;
}

export const initialConnectionFacts: ConnectionFacts = {
  reachable: true,
  unreachableAt: -Infinity,
  signedOut: false,
  initialDone: false,
  streamsUp: new Set(),
};

function withStream(up: ReadonlySet<string>, collection: string, connected: boolean): ReadonlySet<string> {
  if (up.has(collection) === connected) return up;
  const next = new Set(up);
  if (connected) next.add(collection);
  else next.delete(collection);
  return next;
}

export function nextConnectionFacts(facts: ConnectionFacts, signal: ConnectionSignal): ConnectionFacts {
  switch (signal.type) {
    case 'request_answered':
      if (facts.reachable || signal.sentAt < facts.unreachableAt) return facts;
      return { ...facts, reachable: true };
    case 'request_unreachable':
    case 'system_offline':
      return { ...facts, reachable: false, unreachableAt: Math.max(facts.unreachableAt, signal.at) };
    case 'stream_connected': {
      const streamsUp = withStream(facts.streamsUp, signal.collection, true);
      return { ...facts, reachable: facts.reachable || signal.sentAt >= facts.unreachableAt, streamsUp };
    }
    case 'stream_ended':
      return { ...facts, streamsUp: withStream(facts.streamsUp, signal.collection, false) };
    case 'stream_unreachable':
      return {
        ...facts,
        reachable: false,
        unreachableAt: Math.max(facts.unreachableAt, signal.at),
        streamsUp: withStream(facts.streamsUp, signal.collection, false),
      };
    case 'signed_out':
      return { ...facts, signedOut: true };
    case 'initial_sync_done':
      return { ...facts, initialDone: true };
  }
}

/** Online: reachable, caught up, and the primary collection's live stream connected. */
export function connectionStateOf(facts: ConnectionFacts, primary = 'tickets'): ConnectionState {
  if (facts.signedOut) return 'signed_out';
  if (!facts.reachable) return 'offline';
  if (facts.initialDone && facts.streamsUp.has(primary)) return 'online';
  return 'connecting';
}
